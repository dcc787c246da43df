"""Privilege claims a check tests for presence rather than value (VC212): `if claims.get("is_admin") is None:
abort(403)` or `if "is_admin" in claims:` lets in every caller whose token carries the claim, `is_admin: false` too."""

from __future__ import annotations

from collections import Counter

import libcst as cst

from vibecheck.cst_fields import child_nodes
from vibecheck.literals import string_value

# Flags of the claims or session that say what a caller may do: `claims.get("admin") is None` tests the key. Only the
# `is_` flags and the role's key are keys on the left of `in`: `"admin" in user.roles` tests a role's value.
FLAG_KEYS = frozenset({"is_admin", "is_staff", "is_superuser", "is_moderator", "is_owner"})
ROLE_KEYS = frozenset({"role", "roles"})
MEMBERSHIP_KEYS = FLAG_KEYS | ROLE_KEYS
PRIVILEGE_KEYS = MEMBERSHIP_KEYS | {"admin", "staff", "superuser"}
MEMBERSHIP = (cst.In, cst.NotIn)
IDENTITY = (cst.Is, cst.IsNot)


def presence_tests(function: cst.FunctionDef, *, names_role: bool) -> list[tuple[cst.Comparison, str]]:
    """The tests in `function` (its nested wrappers too) of whether a privilege key is present (`"is_staff" in claims`,
    `claims.get("is_admin") is None`), for the keys whose every mention in it is such a test: a key also read for its
    value (`claims["role"] == "admin"`) is checked by that read. The role's key counts only in a check that
    `names_role` (`admin_required`): `has_role` may well ask whether the caller has any."""
    found: dict[str, list[cst.Comparison]] = {}
    mentions: Counter[str] = Counter()
    pending: list[cst.CSTNode] = [function.body]
    while pending:
        node = pending.pop()
        if type(node) is cst.SimpleString:
            key = string_value(node)
            if key in PRIVILEGE_KEYS:
                mentions[key] += 1  # type: ignore[index]
        elif type(node) is cst.Comparison:
            key = _tested_key(node)
            if key is not None:
                found.setdefault(key, []).append(node)
        pending.extend(child_nodes(node))
    return [(test, key) for key, tests in found.items() if len(tests) == mentions[key]
            and (names_role or key not in ROLE_KEYS) for test in tests]


def _tested_key(node: cst.Comparison) -> str | None:
    """`"is_admin" in claims` -> is_admin; `claims.get("is_admin") is None` -> is_admin; else None."""
    if len(node.comparisons) != 1:
        return None
    target = node.comparisons[0]
    left = node.left
    if isinstance(target.operator, MEMBERSHIP):
        key = string_value(left)
        if key not in MEMBERSHIP_KEYS:
            return None
    elif isinstance(target.operator, IDENTITY) and type(target.comparator) is cst.Name \
            and target.comparator.value == "None" and type(left) is cst.Call and type(left.func) is cst.Attribute \
            and left.func.attr.value == "get" and left.args and left.args[0].keyword is None:
        key = string_value(left.args[0].value)
    else:
        return None
    return key if key in PRIVILEGE_KEYS else None
