"""The argument-editing helpers fixes share: the call's commas and layout survive the edit."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.call_edits import with_keyword, with_value, without_argument, without_element


def _call(code: str) -> cst.Call:
    node = cst.parse_expression(code)
    assert isinstance(node, cst.Call)
    return node


def _code(node: cst.CSTNode) -> str:
    return cst.Module(body=[]).code_for_node(node)


def test_with_keyword_appends_and_takes_over_a_trailing_comma() -> None:
    assert _code(with_keyword(_call("get(url)"), "timeout", cst.Integer("10"))) == "get(url, timeout=10)"
    assert _code(with_keyword(_call("get(url,)"), "timeout", cst.Integer("10"))) == "get(url, timeout=10,)"


def test_without_argument_keeps_the_last_comma() -> None:
    call = _call("jwt.decode(token, key, verify=False)")
    assert _code(without_argument(call, call.args[2])) == "jwt.decode(token, key)"
    call = _call("f(a, b, c,)")
    assert _code(without_argument(call, call.args[2])) == "f(a, b,)"
    assert _code(without_argument(call, call.args[0])) == "f(b, c,)"


def test_without_element_removes_one_dict_entry() -> None:
    display = cst.parse_expression('{"verify_signature": False, "verify_exp": True}')
    assert isinstance(display, cst.Dict)
    assert _code(without_element(display, display.elements[0])) == '{"verify_exp": True}'
    assert _code(without_element(display, display.elements[1])) == '{"verify_signature": False}'


def test_with_value_replaces_only_that_argument() -> None:
    call = _call('jwt.decode(token, key, algorithms=["none"])')
    fixed = with_value(call, call.args[2], cst.parse_expression('["HS256"]'))
    assert _code(fixed) == 'jwt.decode(token, key, algorithms=["HS256"])'
