"""Guard decorators that let in only the holders of a role, known by their bodies: `@agent_required` whose wrapper
does `if request.headers.get("X-Role") != "agent": abort(403)`, `@staff_only` testing `session.get("role")`.

A name alone says a guard restricts (`admin_required`); a name such as `agent_required` says nothing, and its body
does: an `if` that tests a role word (`role`, `is_staff`, `groups`, the name or key read) and refuses inside (a
`raise`, an `abort(...)` or a `return`); a name only tested for `None` (`if staff is None: return redirect(...)`, the
signed-in staff member looked up) is a sign-in test, not a role's. Where the role comes from is the guard's own
finding (a role the client sends is VC207's): the route is still one that its role's holders reach. Agents define
these decorators in the checked module or in the app's auth module (`from auth import agent_required`, `from
.security import staff_only`), read with `ast`, once per run, as `answering_checks` reads that module.
"""

from __future__ import annotations

import ast
import functools

import libcst as cst

from vibecheck.analysis.app_model.names import restricts
from vibecheck.analysis.check_modules import forget_each_run
from vibecheck.ast_fields import ast_tail
from vibecheck.rule import RuleContext
from vibecheck.rules.auth.answering_checks import defined_here_or_beside
from vibecheck.safe_files import parsed_module

SIZE_LIMIT = 2_000_000
REFUSING_CALLS = frozenset({"abort"})
_FUNCTION_TYPES = (ast.FunctionDef, ast.AsyncFunctionDef)


def role_guard(context: RuleContext, decorator: cst.BaseExpression) -> bool:
    """The decorator (`@agent_required`, `@roles.require("agent")`'s callee) is a function of this module, or of an
    auth module beside it or one package up, that refuses callers without a role."""
    func = decorator.func if type(decorator) is cst.Call else decorator
    return defined_here_or_beside(context, func, _module_role_guards(context), _role_guards)


def _module_role_guards(context: RuleContext) -> frozenset[str]:
    found: frozenset[str] | None = context.shared.get(_module_role_guards)
    if found is None:
        tree = context.python_ast()
        found = context.shared[_module_role_guards] = _guards_in(tree) if tree is not None else frozenset()
    return found


@functools.lru_cache(maxsize=256)
def _role_guards(module_path: str) -> frozenset[str]:
    tree = parsed_module(module_path, SIZE_LIMIT)
    return _guards_in(tree) if tree is not None else frozenset()


def _guards_in(tree: ast.Module) -> frozenset[str]:
    return frozenset(node.name for node in tree.body if isinstance(node, _FUNCTION_TYPES) and _refuses_without_role(node))


def _refuses_without_role(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A nested wrapper (the decorator's inner function) with an `if` on a role word that refuses in its body."""
    return any(isinstance(node, ast.If) and restricts(_test_names(node.test)) and _refuses(node.body)
               for inner in function.body if isinstance(inner, _FUNCTION_TYPES) for node in ast.walk(inner))


def _test_names(test: ast.expr) -> list[str]:
    """The names, attributes and string keys a test reads (`request.headers.get("X-Role")`: `request`, `headers`,
    `get`, `X-Role`), but those of a presence test (`staff is None`, in `if staff is None or staff["role"] !=
    "admin":` too): whether a caller was found, whatever the name of who is looked up, asks for no role."""
    if isinstance(test, ast.BoolOp):
        return [name for value in test.values for name in _test_names(value)]
    if _is_presence_test(test):
        return []
    names: list[str] = []
    for node in ast.walk(test):
        if isinstance(node, ast.Name):
            names.append(node.id)
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) \
                and isinstance(node.slice.value, str):
            names.append(node.slice.value)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            names.append(node.args[0].value)
    return names


def _is_presence_test(test: ast.expr) -> bool:
    """`staff is None`, `user is not None`: a name compared with `None`."""
    return isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and len(test.ops) == 1 \
        and isinstance(test.ops[0], (ast.Is, ast.IsNot)) and isinstance(test.comparators[0], ast.Constant) \
        and test.comparators[0].value is None


def _refuses(body: list[ast.stmt]) -> bool:
    return any(isinstance(node, (ast.Raise, ast.Return)) or (
        isinstance(node, ast.Call) and ast_tail(node.func) in REFUSING_CALLS)
        for statement in body for node in ast.walk(statement))


forget_each_run(_role_guards.cache_clear)
