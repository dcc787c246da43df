"""Privilege claims a check tests for presence rather than value (VC212): `if claims.get("is_admin") is None:
abort(403)` or `if "is_admin" in claims:` lets in every caller whose token carries the claim, `is_admin: false` too."""

from __future__ import annotations

from collections import Counter

import libcst as cst
from libcst.helpers import get_full_name_for_node

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


# Words of a test that asks for a role (`membership.role == "admin"`, `user.is_staff`, `role in ADMIN_ROLES`).
ROLE_TEST_WORDS = frozenset({"admin", "admins", "staff", "superuser", "owner", "owners", "moderator", "manager",
                             "role", "roles"})


def role_test_made_moot(test: cst.BooleanOperation) -> tuple[str, cst.BaseExpression] | None:
    """`role is not None or role == "admin"`, `membership or membership.role == "owner"`: an `or` of a test that a
    value is present and a test of a role read from that value passes whenever the value is present, so the role test
    decides nothing. The value, and the role test made moot."""
    if type(test.operator) is not cst.Or:
        return None
    tested = [(operand, _present_value(operand)) for operand in _or_operands(test)]
    present = [name for _, name in tested if name is not None]
    if not present:
        return None
    for operand, name in tested:
        read = _dotted_reads(operand)
        for value in present:
            if value != name and any(dotted == value or dotted.startswith(f"{value}.") for dotted in read) \
                    and _asks_a_role(operand, value):
                return value, operand  # (`user or user.is_admin`: a flag read from the value is a role test too)
    return None


def _or_operands(test: cst.BaseExpression) -> list[cst.BaseExpression]:
    if type(test) is cst.BooleanOperation and type(test.operator) is cst.Or:
        return [*_or_operands(test.left), *_or_operands(test.right)]
    return [test]


def _present_value(operand: cst.BaseExpression) -> str | None:
    """`membership`, `role is not None`, `role != None`, `bool(role)`: the value tested for being there."""
    if type(operand) is cst.Call and type(operand.func) is cst.Name and operand.func.value == "bool" \
            and len(operand.args) == 1:
        operand = operand.args[0].value
    elif type(operand) is cst.Comparison and len(operand.comparisons) == 1:
        target = operand.comparisons[0]
        if not (type(target.operator) in (cst.IsNot, cst.NotEqual) and type(target.comparator) is cst.Name
                and target.comparator.value == "None"):
            return None
        operand = operand.left
    if type(operand) in (cst.Name, cst.Attribute):
        return get_full_name_for_node(operand)
    return None


def _dotted_reads(node: cst.CSTNode) -> set[str]:
    """The names and dotted names read in `node` and the objects they are read through (`a.b.c` -> a.b.c, a.b, a);
    an attribute's own name is no read of its own."""
    found: set[str] = set()
    pending: list[cst.CSTNode] = [node]
    while pending:
        current = pending.pop()
        if type(current) in (cst.Name, cst.Attribute):
            dotted = get_full_name_for_node(current)
            if dotted is not None:
                found.add(dotted)
        if type(current) is cst.Attribute:
            pending.append(current.value)
        else:
            pending.extend(child_nodes(current))
    return found


def _asks_a_role(operand: cst.BaseExpression, value: str) -> bool:
    """Whether `operand` names a role. The objects `value` is read through name no role of the caller
    (`ctx.tool_manager.tools is None or ctx.tool_manager.tools`): their words count only past them."""
    words = {word for dotted in _dotted_reads(operand) for part in _own_parts(dotted, value)
             for word in part.lower().split("_")}
    words |= {word for node in _strings(operand) for word in node.lower().split("_")}
    return bool(words & ROLE_TEST_WORDS)


def _own_parts(dotted: str, value: str) -> list[str]:
    """`ctx.tool_manager` (a prefix of the value `ctx.tool_manager.tools`) -> []; `ctx.tool_manager.tools.admin` ->
    ["tools", "admin"]; any other read -> all its parts."""
    parts = dotted.split(".")
    if dotted == value or dotted.startswith(f"{value}."):
        return parts[value.count("."):]
    return [] if value.startswith(f"{dotted}.") else parts


def _strings(node: cst.CSTNode) -> list[str]:
    found = []
    pending: list[cst.CSTNode] = [node]
    while pending:
        current = pending.pop()
        if type(current) is cst.SimpleString and (text := string_value(current)) is not None:
            found.append(text)
        pending.extend(child_nodes(current))
    return found
