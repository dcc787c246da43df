"""`handlers.signs_in_with`: the one test of a call that signs the caller in, which `body_callers` (Falcon, Lambda)
asks without guard names and VC214/VC218 with them."""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest

from vibecheck.analysis.app_model.handlers import body_callers, signs_in_with


def _call(code: str) -> cst.BaseExpression:
    return cst.parse_expression(code)


@pytest.mark.parametrize("code", ["principal(req)", "await current_user(request)", "auth.caller_id(event, extra)"])
def test_a_call_named_for_the_caller_handed_a_request_signs_in(code: str) -> None:
    assert signs_in_with(_call(code), {"req", "request", "event"}, guards=False)


@pytest.mark.parametrize("code", ["principal(payload)", "principal(req.body)", "get_user_data(req)"])
def test_neither_another_value_nor_another_name_signs_in(code: str) -> None:
    assert not signs_in_with(_call(code), {"req"})


def test_a_guard_name_counts_only_with_guards() -> None:
    guard = _call("require_login(request)")
    assert signs_in_with(guard, {"request"})
    assert not signs_in_with(guard, {"request"}, guards=False)


def test_body_callers_binds_the_callers_not_the_guards() -> None:
    function = cst.parse_statement(textwrap.dedent("""
        def on_get(self, req, resp):
            require_login(req)
            owner = await caller_id(req)
            checked = require_login(req)
    """))
    assert isinstance(function, cst.FunctionDef)
    assert body_callers(function, {"req"}) == {"owner"}
