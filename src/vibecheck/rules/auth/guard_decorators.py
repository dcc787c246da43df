"""Guard decorators whose wrapper can never refuse: `@admin_required` that always calls the view.

An auth decorator protects a view only through a path that does not call it: a `raise`, an `abort(403)`,
a returned redirect or error response, or a call that may raise (`jwt.decode`, `verify_token(...)`). A
wrapper that only reads values (`session.get("user")`), logs, and then calls the view on every path lets
every caller through, whatever it looked at.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import libcst as cst

from vibecheck.cst_fields import child_nodes, walk_own
from vibecheck.literals import literal_value

# Calls that read or record without being able to refuse: dict-style lookups, conversions, logging, flashes.
NON_REFUSING_CALLS = frozenset({
    "get", "getattr", "getlist", "get_json", "len", "str", "bool", "int", "isinstance", "hasattr", "strip",
    "lower", "upper", "split", "replace", "removeprefix", "startswith", "endswith", "print", "debug", "info",
    "warning", "warn", "log", "error", "flash", "wraps", "update_wrapper",
})
# ... and in a mixin's `dispatch`, the `super()` whose `dispatch` it calls on, and the queries its tests ask
# (`request.user.groups.filter(name="managers").exists()`, `has_perm(...)`).
PASSING_CALLS = NON_REFUSING_CALLS | {"super", "filter", "exists", "count", "first", "has_perm", "has_perms"}
# Statements through which a wrapper or hook may refuse (or hand the request elsewhere): not a sure pass.
MAY_REFUSE = (cst.Raise, cst.Assert, cst.Yield, cst.Try, cst.With)
# Comparisons that hold between a value and itself.
REFLEXIVE_OPERATORS = (cst.Equal, cst.Is, cst.GreaterThanEqual, cst.LessThanEqual)
# Decorators that say authentication is optional: calling the view on every path is their job.
OPTIONAL_WORDS = ("optional", "maybe", "allow_anonymous", "anonymous", "if_logged_in", "soft")


def never_refusing_wrapper(decorator: cst.FunctionDef) -> cst.FunctionDef | None:
    """The wrapper defined inside `decorator` that calls the decorated function on every path and refuses on none."""
    if any(word in decorator.name.value.lower() for word in OPTIONAL_WORDS):
        return None
    for wrapper in _nested_functions(decorator):
        if _always_calls(wrapper, _view_parameters(decorator, wrapper)):
            return wrapper
    return None


def _parameters(function: cst.FunctionDef) -> list[cst.Param]:
    params = function.params
    return [*params.posonly_params, *params.params]


def _all_parameters(function: cst.FunctionDef) -> list[cst.Param]:
    params = function.params
    stars = [star for star in (params.star_arg, params.star_kwarg) if isinstance(star, cst.Param)]
    return [*params.posonly_params, *params.params, *params.kwonly_params, *stars]


def _nested_functions(function: cst.FunctionDef) -> Iterator[cst.FunctionDef]:
    pending: list[cst.CSTNode] = [function.body]
    while pending:
        node = pending.pop()
        if type(node) is cst.FunctionDef:
            yield node
        if type(node) is not cst.ClassDef and type(node) is not cst.Lambda:
            pending.extend(child_nodes(node))


# Hooks that run before every request of a Flask/Quart app or blueprint: returning None lets the request through.
REQUEST_HOOKS = frozenset({"before_request", "before_app_request"})
# A hook's name that says it enforces access (`require_login`, `check_auth`), not one that loads the user.
ENFORCING_WORDS = frozenset({"auth", "authenticate", "authentication", "authorize", "authorization", "require",
                             "check", "verify", "protect", "guard", "enforce"})
LOADING_WORDS = frozenset({"load", "set", "get", "inject", "attach", "fetch", "populate"})


def is_enforcing_hook_name(words: Iterable[str]) -> bool:
    found = set(words)
    return bool(found & ENFORCING_WORDS) and not found & LOADING_WORDS


def never_refusing_hook(function: cst.FunctionDef) -> bool:
    """A before-request hook that can refuse on no path: no `raise`/`abort`, no returned response, and no call
    that may fail beyond lookups and logging (`request.headers.get(...)`), so every request goes on."""
    if not isinstance(function.body, cst.IndentedBlock):
        return False
    for node in (node for statement in function.body.body for node in walk_own(statement)):
        if isinstance(node, (*MAY_REFUSE, cst.Await)):
            return False
        if isinstance(node, cst.Return) and not (node.value is None or (
                isinstance(node.value, cst.Name) and node.value.value == "None")):
            return False
        if isinstance(node, cst.Call) and _called_name(node) not in NON_REFUSING_CALLS:
            return False
    return True


def never_refusing_dependency(function: cst.FunctionDef, injected: set[str]) -> bool:
    """A dependency that hands back a caller the framework injected (`injected`) on every path that runs and refuses on
    none: its tests deny nothing (`if user.role != "staff": pass`) or always pass (`if user.role == role or "admin":
    return user`, the refusal after it being dead code), and it calls nothing that may fail beyond lookups."""
    if not isinstance(function.body, cst.IndentedBlock):
        return False
    statements = _reachable(list(function.body.body))
    last = statements[-1] if statements else None
    if not (isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[-1], cst.Return)):
        return False
    for node in (node for statement in statements for node in walk_own(statement)):
        if isinstance(node, (*MAY_REFUSE, cst.Await)):
            return False
        if isinstance(node, cst.Return) and not (isinstance(node.value, cst.Name) and node.value.value in injected):
            return False
        if isinstance(node, cst.Call) and _called_name(node) not in NON_REFUSING_CALLS:
            return False
    return True


def _view_parameters(decorator: cst.FunctionDef, wrapper: cst.FunctionDef) -> set[str]:
    """The parameters that may hold the view: those of the function the wrapper is defined in. In a factory
    (`def auth_decorator(check_auth): def decorator(method): def decorated(...)`), the outer parameters are what the
    factory was given (the check the wrapper calls first), and the view is the middle function's."""
    enclosing = [decorator, *(middle for middle in _nested_functions(decorator)
                              if middle is not wrapper and any(inner is wrapper for inner in _nested_functions(middle)))]
    innermost = next(f for f in enclosing
                     if not any(other is not f and any(inner is other for inner in _nested_functions(f))
                                for other in enclosing))
    return {p.name.value for p in _parameters(innermost)}


def _calls_wrapped(node: cst.BaseExpression | None, wrapped: set[str]) -> bool:
    """`view(*args, **kwargs)` or `await view(...)`."""
    if isinstance(node, cst.Await):
        node = node.expression
    return isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value in wrapped


def _passes_only_its_arguments(call: cst.Call, own: set[str]) -> bool:
    """`view(*args, **kwargs)`, `view(request, pk)`: the wrapper hands on what it was given and nothing it read.

    A wrapper that passes a value it looked up (`view(token, *args)`) injects it for the view to check.
    """
    return all(isinstance(arg.value, cst.Name) and arg.value.value in own for arg in call.args)


def _always_calls(wrapper: cst.FunctionDef, wrapped: set[str]) -> bool:
    body = wrapper.body
    statements: list[cst.CSTNode] = _reachable(list(body.body)) if isinstance(body, cst.IndentedBlock) else []
    last = statements[-1] if statements else None
    if not (isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[-1], cst.Return)
            and _calls_wrapped(last.body[-1].value, wrapped)):
        return False
    calls_view = False
    own = {param.name.value for param in _all_parameters(wrapper)}
    for node in (node for statement in statements for node in walk_own(statement)):
        if isinstance(node, MAY_REFUSE):
            return False
        if isinstance(node, cst.Return) and not _calls_wrapped(node.value, wrapped):
            return False
        if isinstance(node, cst.Call):
            if _calls_wrapped(node, wrapped):
                if not _passes_only_its_arguments(node, own):
                    return False
                calls_view = True
            elif _called_name(node) not in NON_REFUSING_CALLS:
                return False
    return calls_view


def never_refusing_dispatch(method: cst.FunctionDef) -> bool:
    """A mixin's `dispatch` that hands every request on to `super().dispatch(...)` and refuses on no path: it may test
    the user and warn (`messages.error(request, "Staff only")`), but nothing turns the caller away. A decorated one
    (`@method_decorator(staff_member_required)`, `@method_decorator(sensitive_post_parameters())` of a login page)
    leaves the refusing, if any, to its decorator."""
    body = method.body
    statements: list[cst.CSTNode] = _reachable(list(body.body)) if isinstance(body, cst.IndentedBlock) else []
    last = statements[-1] if statements else None
    if method.decorators:
        return False
    if not (isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[-1], cst.Return)
            and _calls_super_dispatch(last.body[-1].value)):
        return False
    for node in (node for statement in statements for node in walk_own(statement)):
        if isinstance(node, MAY_REFUSE) or isinstance(node, cst.Return) and not _calls_super_dispatch(node.value):
            return False
        if isinstance(node, cst.Call) and not _calls_super_dispatch(node) and _called_name(node) not in PASSING_CALLS:
            return False
    return True


def _calls_super_dispatch(node: cst.BaseExpression | None) -> bool:
    """`super().dispatch(request, *args, **kwargs)`."""
    return isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "dispatch" \
        and isinstance(node.func.value, cst.Call) and _called_name(node.func.value) == "super"


def _reachable(statements: list[cst.CSTNode]) -> list[cst.CSTNode]:
    """The statements that run: at an `if` whose test is always true (`if not user or True:`, a debugging bypass
    left in), its test and its body, and nothing after it (the refusal below is dead code)."""
    for index, statement in enumerate(statements):
        if isinstance(statement, cst.If) and always_true(statement.test) and isinstance(statement.body, cst.IndentedBlock):
            return [*statements[:index], statement.test, *statement.body.body]
    return statements


def always_true(test: cst.BaseExpression) -> bool:
    """`True`, a non-zero number or a non-empty string, a value compared with itself (`obj.author == obj.author`), or
    an `or` with one of them on either side."""
    if isinstance(test, cst.BooleanOperation):
        if isinstance(test.operator, cst.Or):
            return always_true(test.left) or always_true(test.right)
        return always_true(test.left) and always_true(test.right)
    if isinstance(test, cst.Name):
        return test.value == "True"
    if type(test) is cst.Comparison:
        return _compares_itself(test)
    return bool(literal_value(test))


def _compares_itself(test: cst.Comparison) -> bool:
    """`obj.author == obj.author`, `user is user`: the same names on both sides of a reflexive operator (no call,
    whose answers may differ) compare nothing."""
    if len(test.comparisons) != 1 or type(test.comparisons[0].operator) not in REFLEXIVE_OPERATORS:
        return False
    right = test.comparisons[0].comparator
    return test.left.deep_equals(right) and not any(type(node) is cst.Call for node in walk_own(test.left))


def _called_name(call: cst.Call) -> str:
    func = call.func
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return func.value if isinstance(func, cst.Name) else ""
