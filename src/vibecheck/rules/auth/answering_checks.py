"""Auth checks that only answer: `def is_tenant_admin(user) -> bool: return user.role in {"owner", "admin"}`.

A call of such a check alone on its line throws the answer away, so the code after it runs for everyone (VC212), and
the caller handed to it is no test of an object (VC214). Agents define these checks in the checked module or in the
app's auth module and call them from the routes' modules (`from ..security import is_tenant_admin`, `from .auth import
current_is_admin`). A check out of view may refuse by raising, so only the auth modules (`CHECK_MODULES`) beside the
checked file or one package up are read, with `ast`, once per run; `vibecheck.analysis.check_modules` puts them into
the checked file's cache key.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

import libcst as cst

from vibecheck.analysis.check_modules import CHECK_MODULES, forget_each_run
from vibecheck.analysis.helper_modules import module_beside
from vibecheck.analysis.nodes import callee_tail
from vibecheck.ast_fields import ast_tail
from vibecheck.cst_fields import child_nodes
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import RuleContext
from vibecheck.rules.auth.guard_decorators import NON_REFUSING_CALLS
from vibecheck.safe_files import parsed_module

SIZE_LIMIT = 2_000_000
# Calls that refuse only a caller who is not signed in (flask-jwt-extended's): a check of a role that makes them still
# decides the role by its answer alone.
LOGIN_ONLY_CALLS = frozenset({"verify_jwt_in_request", "get_jwt", "get_jwt_identity", "get_jwt_header"})
# Words of a check about signing in itself, which such a call answers whole (`is_logged_in`).
LOGIN_CHECK = lazy_pattern(r"log(?:ged)?_?in|signed_?in|authenticated|token|jwt|session", re.IGNORECASE)


def answers_only(context: RuleContext, func: cst.BaseExpression) -> bool:
    """The callee `func` is a function that returns a value and refuses no other way: one of this module, or of an auth
    module beside it or one package up, as the file imports it (`is_tenant_admin`, `security.is_tenant_admin`)."""
    return defined_here_or_beside(context, func, _module_answering(context), _answering_functions)


def defined_here_or_beside(context: RuleContext, func: cst.BaseExpression, here: frozenset[str],
                           beside: Callable[[str], frozenset[str]]) -> bool:
    """The callee `func` is one of `here` (functions of the checked module) or, as the file imports it, one of
    `beside(path)`: the functions of an auth module beside the file or one package up (`from auth import x`,
    `security.x`) that a reader picked."""
    if type(func) is cst.Name and func.value in here:
        return True
    reference = context.qualified_name(func) or ""
    module, _, name = reference.rpartition(".")
    if not module or (type(func) is cst.Name and func.value == reference):
        return False
    module_file = module_beside(context.path, module, CHECK_MODULES)
    return module_file is not None and name in beside(module_file)


def only_answers(function: cst.FunctionDef) -> bool:
    """A value returned, and no `raise`, `assert` or call that may refuse: only lookups, conversions and logging; or
    no `raise` nor `assert` and every answer a test (`membership = require_member(request, org_id)`, then `return
    membership.role in ("admin", "owner")`): what the calls refuse is another question than the one it answers
    (not for a sign-in check, whose calls refuse whoever it would answer no for: `is_signed_in`)."""
    allowed = _non_refusing_calls(function.name.value)
    nodes: list[cst.CSTNode] = []
    pending: list[cst.CSTNode] = [function.body]
    while pending:
        node = pending.pop()
        nodes.append(node)
        pending.extend(child_nodes(node))
    if any(type(node) in (cst.Raise, cst.Assert) for node in nodes):
        return False
    answers = [node.value for node in nodes if type(node) is cst.Return and node.value is not None]
    if any(type(node) is cst.Call and callee_tail(node.func) not in allowed for node in nodes):
        return not LOGIN_CHECK.search(function.name.value) \
            and _answers_tests(answers, TEST_NODES, (cst.Name,), lambda name: name.value in BOOLEANS)
    return bool(answers)


# The expressions that answer a test (`role in ADMIN_ROLES`, `a and b`, `not banned`), and the constants a test's other
# answers may be (`return False` when there is no membership).
TEST_NODES = (cst.Comparison, cst.BooleanOperation, cst.UnaryOperation)
AST_TEST_NODES = (ast.Compare, ast.BoolOp, ast.UnaryOp)
BOOLEANS = frozenset({"True", "False"})


def _answers_tests(answers: Sequence[Any], tests: tuple[type, ...], constants: tuple[type, ...],
                   boolean: Callable[[Any], bool]) -> bool:
    """Every answer is a test or a boolean constant, and one at least is a test."""
    return any(isinstance(answer, tests) for answer in answers) and all(
        isinstance(answer, tests) or (isinstance(answer, constants) and boolean(answer)) for answer in answers)


def _non_refusing_calls(name: str) -> frozenset[str]:
    """The calls a check named `name` may make and still decide nothing but by its answer."""
    return NON_REFUSING_CALLS if LOGIN_CHECK.search(name) else NON_REFUSING_CALLS | LOGIN_ONLY_CALLS


def _module_answering(context: RuleContext) -> frozenset[str]:
    found: frozenset[str] | None = context.shared.get(_module_answering)
    if found is None:
        found = context.shared[_module_answering] = frozenset(
            statement.name.value for statement in context.module.body
            if type(statement) is cst.FunctionDef and only_answers(statement))
    return found


@functools.lru_cache(maxsize=256)
def _answering_functions(module_path: str) -> frozenset[str]:
    tree = parsed_module(module_path, SIZE_LIMIT)
    if tree is None:
        return frozenset()
    return frozenset(node.name for node in tree.body
                     if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _ast_only_answers(node))


def _ast_only_answers(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """`only_answers` for a function of another module, read with `ast`."""
    allowed = _non_refusing_calls(function.name)
    nodes = [node for statement in function.body for node in ast.walk(statement)]
    if any(isinstance(node, (ast.Raise, ast.Assert)) for node in nodes):
        return False
    answers = [node.value for node in nodes if isinstance(node, ast.Return) and node.value is not None]
    if any(isinstance(node, ast.Call) and ast_tail(node.func) not in allowed for node in nodes):
        return not LOGIN_CHECK.search(function.name) and _answers_tests(
            answers, AST_TEST_NODES, (ast.Constant,), lambda constant: type(constant.value) is bool)
    return bool(answers)


forget_each_run(_answering_functions.cache_clear)
