"""VC202's fix: a JWT decode with signature verification back on and a fixed list of algorithms.

The fix needs to know which algorithm the file's tokens are signed with; it never guesses one. It takes
it from a module constant named for it (`ALGORITHM = "HS256"`, `JWT_ALGORITHMS = ["RS256"]`) or from the
file's own `jwt.encode` calls, and gives up when the file does not say or says two different things.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from vibecheck.analysis.call_edits import with_keyword, with_value, without_argument, without_element
from vibecheck.literals import string_value
from vibecheck.rule import NodeFix
from vibecheck.rules.auth.exprs import argument, elements, has_star_args, is_false, is_none, value_name

DEFAULT_SIGNING = "HS256"  # what PyJWT and python-jose sign with when `algorithm=` is not given
HMAC_ALGORITHMS = frozenset({"HS256", "HS384", "HS512"})
PUBLIC_KEY_PREFIXES = ("RS", "PS", "ES", "EDDSA")
VERIFY_OPTIONS = frozenset({"verify_signature"})
_TIGHT_EQUAL = cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))


@dataclass(frozen=True)
class Verifier:
    """The `algorithms=` value to verify with, the algorithm names it stands for (None: not known here, e.g.
    `settings.JWT_ALGORITHM`), and whether it refers to a name (a module-level call may run before it is bound)."""

    value: cst.BaseExpression
    names: frozenset[str] | None  # upper case
    by_name: bool


def mixes_families(names: list[str] | frozenset[str]) -> bool:
    """HMAC beside public-key algorithms: a token signed with the public key as its HMAC secret passes."""
    upper = {name.upper() for name in names}
    return bool(HMAC_ALGORITHMS & upper) and any(name.startswith(PUBLIC_KEY_PREFIXES) for name in upper)


def one_family(names: list[str] | frozenset[str]) -> bool:
    """Non-empty, no `none`, and not HMAC beside public-key algorithms (which one to keep is not knowable)."""
    return bool(names) and "NONE" not in {name.upper() for name in names} and not mixes_families(names)


def from_constant(name: str, is_list: bool) -> cst.BaseExpression:
    """`ALGORITHMS` as it is, `ALGORITHM` (one name) as `[ALGORITHM]`."""
    return cst.Name(name) if is_list else cst.List([cst.Element(cst.Name(name))])


def from_names(names: list[str]) -> cst.BaseExpression:
    return cst.List([cst.Element(cst.SimpleString(f'"{name}"')) for name in sorted(set(names))])


def verified(call: cst.Call, verifier: Verifier | None, accepted: list[str]) -> NodeFix | None:
    """The decode with `verify=False` and `"verify_signature": False` gone and `algorithms=` set when it is missing
    or bad; None when that cannot be done exactly (no key, `**kwargs`, options in a variable, no known algorithm).

    `accepted` holds the algorithm names the call's current `algorithms=` spells (resolved by the rule).
    """
    if has_star_args(call) or argument(call, 1, "key") is None:
        return None
    fixed = call
    verify = _arg(fixed, None, "verify")
    if verify is not None:
        fixed = without_argument(fixed, verify)
    options = _arg(fixed, 3, "options")
    if options is not None and _option_disables(options.value) is not False:
        trimmed = _without_signature_switch(options.value)
        if trimmed is None or options.keyword is None:
            return None
        fixed = without_argument(fixed, options) if trimmed is options.value else with_value(fixed, options, trimmed)
    current = _arg(fixed, 2, "algorithms")
    algorithms = _algorithms(current, verifier, accepted)
    if algorithms is None:
        return None
    if current is None:
        fixed = with_keyword(fixed, "algorithms", algorithms)
    elif algorithms is not current.value:
        if current.keyword is None and (is_false(current.value) or is_none(current.value)):  # PyJWT 1's `verify`
            if any(arg.keyword is None and not arg.star for arg in fixed.args[fixed.args.index(current) + 1:]):
                return None
            named = current.with_changes(keyword=cst.Name("algorithms"), equal=_TIGHT_EQUAL, value=algorithms)
            fixed = fixed.with_changes(args=[named if arg is current else arg for arg in fixed.args])
        else:
            fixed = with_value(fixed, current, algorithms)
    if fixed is call:
        return None
    shown = cst.Module([]).code_for_node(algorithms)
    return NodeFix(f"Verify the signature with `algorithms={shown}`", ((call, fixed),), safe=False)


def _algorithms(current: cst.Arg | None, verifier: Verifier | None, accepted: list[str]) -> cst.BaseExpression | None:
    """The `algorithms=` value to verify with: the current one when it is fine, a new one, or None when no exact
    fix exists. `accepted` holds the algorithm names the current value spells (resolved through names by the rule).
    """
    value = current.value if current is not None else None
    if value is None or is_none(value) or is_false(value) or takes_header_algorithm(value):
        return verifier.value if verifier is not None else None
    if not accepted or one_family(accepted):
        return value  # fine, or not readable here: left as it is
    if "NONE" not in {name.upper() for name in accepted}:
        return None  # HMAC beside public-key algorithms: which family the key belongs to is not written here
    dropped = _without_none(value)
    if dropped is not None:
        return dropped
    others = frozenset(name.upper() for name in accepted if name.upper() != "NONE")
    if verifier is not None and (not others or verifier.names == others):
        return verifier.value
    return None


def takes_header_algorithm(value: cst.BaseExpression) -> bool:
    """`header["alg"]`, `[header.get("alg")]`: the algorithm written in the token itself."""
    return value_name(value) == "alg" or any(value_name(item) == "alg" for item in elements(value) or [])


def _without_none(value: cst.BaseExpression) -> cst.BaseExpression | None:
    """A literal list/tuple without its `"none"` entries, when something is left and what is readable of it is one
    family; None otherwise."""
    if not isinstance(value, (cst.List, cst.Tuple)):
        return None
    removed = [e for e in value.elements if isinstance(e, cst.Element) and (string_value(e.value) or "").lower() == "none"]
    rest = [e.value for e in value.elements if e not in removed]
    readable = [name for name in map(string_value, rest) if name is not None]
    if not removed or not rest or (readable and not one_family(readable)):
        return None
    result: cst.List | cst.Tuple = value
    for element in removed:
        result = without_element(result, element)  # type: ignore[assignment]
    return result


def _arg(call: cst.Call, position: int | None, keyword: str) -> cst.Arg | None:
    """The argument node passed at `position` (counting plain positional ones) or as `keyword=`."""
    index = 0
    for arg in call.args:
        if arg.keyword is not None:
            if arg.keyword.value == keyword:
                return arg
        elif not arg.star:
            if index == position:
                return arg
            index += 1
    return None


def _option_disables(options: cst.BaseExpression) -> bool | None:
    """Whether literal options switch the signature check off; None when they are not written here."""
    if isinstance(options, cst.Dict):
        return any(_switch_off(e) for e in options.elements)
    if isinstance(options, cst.Call) and isinstance(options.func, cst.Name) and options.func.value == "dict":
        return any(_keyword_off(a) for a in options.args)
    return None


def _switch_off(element: cst.BaseDictElement) -> bool:
    return isinstance(element, cst.DictElement) and string_value(element.key) in VERIFY_OPTIONS and is_false(element.value)


def _keyword_off(arg: cst.Arg) -> bool:
    return arg.keyword is not None and arg.keyword.value in VERIFY_OPTIONS and is_false(arg.value)


def _without_signature_switch(options: cst.BaseExpression) -> cst.BaseExpression | None:
    """The options without `"verify_signature": False` (the options node itself when that was all); None when
    they are not a literal dict or `dict(...)` with exactly one such switch."""
    if isinstance(options, cst.Dict):
        switches = [e for e in options.elements if _switch_off(e)]
        if len(switches) != 1:
            return None
        return options if len(options.elements) == 1 else without_element(options, switches[0])
    if isinstance(options, cst.Call) and isinstance(options.func, cst.Name) and options.func.value == "dict":
        keywords = [a for a in options.args if _keyword_off(a)]
        if len(keywords) != 1:
            return None
        return options if len(options.args) == 1 else without_argument(options, keywords[0])
    return None
