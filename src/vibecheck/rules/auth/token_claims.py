"""Whether the claims a JWT is signed with carry an expiry, read from the function that signs it (VC233).

The answer is three-valued: True (an `exp` is set), False (the claims are all in view and none is `exp`) and None
(something the function does not show may set it: a helper the claims go through, a parameter, a `**` merge). Only
False is a finding: a guardrail that guessed at unseen code would flag every token signed from a claims helper.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from vibecheck.literals import string_value
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.auth.exprs import subscript_key

EXPIRY_CLAIM = "exp"
# A claim of the project's own that says when the token ends (`session_expired_at`, `expires_at`, `valid_until`,
# streamlit-authenticator's `exp_date`): the token carries its end, which the code reading it checks, as a reader of
# `exp` would.
OWN_EXPIRY_CLAIM = lazy_pattern(r"(?:^|_)(?:expir(?:y|ation)|(?:exp|expire[sd]?)_(?:at|on|date|time|timestamp|ts)"
                                r"|valid_until|not_after)(?:_|$)")


def is_expiry_claim(key: str | None) -> bool:
    """`exp`, or a claim named for when the token ends (`session_expired_at`, `expires_at`, `exp_date`); not `expires_in`, a
    length of time that says nothing without the time it started."""
    return key is not None and (key == EXPIRY_CLAIM or OWN_EXPIRY_CLAIM.search(key.lower()) is not None)
# Methods of a dict that only read it, or copy it: the claims that pass through them are not changed.
READING_METHODS = frozenset({"get", "copy", "items", "keys", "values"})
# Methods that add keys, with where the keys are: `update(exp=...)`, `update({"exp": ...})`, `setdefault("exp", ...)`.
ADDING_METHODS = frozenset({"update", "setdefault", "__setitem__"})


def literal_has_expiry(node: cst.BaseExpression) -> bool | None:
    """A dict display or `dict(...)` call: does it set `exp`? None when it is neither, or merges what is not shown."""
    if type(node) is cst.Dict:
        keys = [string_value(e.key) if type(e) is cst.DictElement else None for e in node.elements]
        if any(is_expiry_claim(key) for key in keys):
            return True
        return None if None in keys else False
    if type(node) is cst.Call and type(node.func) is cst.Name and node.func.value == "dict":
        if any(arg.keyword is not None and is_expiry_claim(arg.keyword.value) for arg in node.args):
            return True
        return None if any(arg.keyword is None for arg in node.args) else False
    return None


def claims_have_expiry(claims: cst.BaseExpression, nodes: Sequence[cst.CSTNode], encode: cst.Call) -> bool | None:
    """The claims passed to `encode`, a display or a name bound to one in `nodes` (the signing function's own
    nodes): True if `exp` is set on them, also later (`claims["exp"] = ...`, `claims.update(exp=...)`), None if a
    call they pass through, a rebinding or a merge the function does not show may set it."""
    if type(claims) is not cst.Name:
        return literal_has_expiry(claims)
    name = claims.value
    found: bool | None = False
    bound = False
    for node in nodes:
        if type(node) is cst.Assign and any(type(t.target) is cst.Name and t.target.value == name for t in node.targets):
            bound = True
            found = _either(found, literal_has_expiry(node.value))
        elif type(node) in (cst.AnnAssign, cst.AugAssign) and _is_name(node.target, name):  # type: ignore[attr-defined]
            value = node.value  # type: ignore[attr-defined]
            bound = True
            found = _either(found, literal_has_expiry(value) if value is not None else None)
        elif type(node) is cst.Assign and any(_item_of(t.target, name) for t in node.targets):
            keys = [subscript_key(t.target) for t in node.targets if _item_of(t.target, name)]  # type: ignore[arg-type]
            found = _either(found, True if any(map(is_expiry_claim, keys)) else (None if None in keys else False))
        elif type(node) is cst.Call and node is not encode:
            found = _either(found, _call_on_claims(node, name))
        if found is True:
            return True
    return found if bound else None


def _either(found: bool | None, step: bool | None) -> bool | None:
    """True wins; otherwise an unknown step makes the whole unknown."""
    if found is True or step is True:
        return True
    return None if found is None or step is None else False


def _is_name(node: cst.CSTNode, name: str) -> bool:
    return type(node) is cst.Name and node.value == name


def _item_of(target: cst.CSTNode, name: str) -> bool:
    return type(target) is cst.Subscript and _is_name(target.value, name)


def _call_on_claims(call: cst.Call, name: str) -> bool | None:
    """`claims.update(exp=...)` (True), `claims.get("sub")` (False), `add_expiry(claims)` or `claims.update(extra)`
    (None: what the call adds is not shown); False for a call that does not touch the claims."""
    func = call.func
    if type(func) is cst.Attribute and _is_name(func.value, name):
        method = func.attr.value
        if method in READING_METHODS:
            return False
        if method not in ADDING_METHODS:
            return None
        if method != "update":
            return True if call.args and is_expiry_claim(string_value(call.args[0].value)) else None
        steps = [literal_has_expiry(arg.value) if arg.keyword is None else is_expiry_claim(arg.keyword.value)
                 for arg in call.args]
        return True if True in steps else (None if None in steps else False)
    if any(_is_name(arg.value, name) for arg in call.args):
        return None
    return False
