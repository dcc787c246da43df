"""Django middleware that guards the views of some URL namespaces only, and the namespaces a URLconf's views are under.

pretalx's `EventPermissionMiddleware` resolves the request's path and sends an anonymous caller to the login page only
when the view is in the organisers' namespace (`if "orga" in url.namespaces: response = self._handle_orga_url(...)`).
Listed in `MIDDLEWARE`, it guards every view the `orga` URLconf routes (`app_name = "orga"`, or `include("pretalx.orga.
urls", namespace="orga")`), and no other. The collector writes, per middleware class, the namespaces whose views a
top-level `if` of its request method guarantees the refusing call runs for (`namespace_middleware`), and per URLconf
module its `app_name` (`url_namespace`) and each include's `namespace`; the resolver (`namespace_index.py`) gives each
URLconf module the namespaces every way of reaching it puts its views under (`url.namespaces` holds the outer ones too).
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from vibecheck.literals import text_value

# The attributes of a resolved URL (`resolve(request.path_info)`, `request.resolver_match`) naming its namespaces.
NAMESPACE_ATTRIBUTES = frozenset({"namespaces", "namespace"})


def guarded_namespaces(method: cst.FunctionDef, guards: Callable[[cst.CSTNode], bool]) -> set[str]:
    """The namespaces for whose views a top-level `if` of a middleware's request method runs a refusing check
    (`guards(body)`): `if "orga" in url.namespaces or (...): response = self._handle_orga_url(request, url)`."""
    found: set[str] = set()
    body = method.body.body if type(method.body) is cst.IndentedBlock else ()
    for statement in body:
        if type(statement) is cst.If and guards(statement.body):
            found |= _guaranteed(statement.test)
    return found


def _guaranteed(test: cst.BaseExpression) -> set[str]:
    """The namespaces for which `test` is surely true: a disjunction holds for any of its sides', a conjunction only
    for what both sides guarantee (`"plugins" in url.namespaces and request.path.startswith("/orga")`: none)."""
    if type(test) is cst.BooleanOperation:
        left, right = _guaranteed(test.left), _guaranteed(test.right)
        return left | right if type(test.operator) is cst.Or else left & right
    if type(test) is not cst.Comparison or len(test.comparisons) != 1:
        return set()
    target = test.comparisons[0]
    operator, compared = type(target.operator), target.comparator
    if operator is cst.In and _names_namespace(compared):
        return _strings(test.left)  # `"orga" in url.namespaces`
    if _names_namespace(test.left) and (operator is cst.Equal or operator is cst.In):
        return _strings(compared)  # `match.namespace == "orga"`, `match.namespace in ("orga", "admin")`
    return set()


def _names_namespace(node: cst.BaseExpression) -> bool:
    return type(node) is cst.Attribute and node.attr.value in NAMESPACE_ATTRIBUTES


def _strings(node: cst.BaseExpression) -> set[str]:
    items = [e.value for e in node.elements] if type(node) in (cst.Tuple, cst.List, cst.Set) else [node]  # type: ignore[attr-defined]
    values = [text_value(item) for item in items]
    return {v for v in values if v} if all(values) else set()


def include_namespace(call: cst.Call) -> str | None:
    """`include("shop.urls", namespace="shop")`: the instance namespace an include gives the views it reaches."""
    return next((text_value(arg.value) for arg in call.args
                 if arg.keyword is not None and arg.keyword.value == "namespace"), None)


def app_name(statement: cst.Assign) -> str | None:
    """`app_name = "orga"`: a URLconf module's application namespace, its instance namespace unless an include names
    another."""
    target = statement.targets[0].target if len(statement.targets) == 1 else None
    return text_value(statement.value) if type(target) is cst.Name and target.value == "app_name" else None
