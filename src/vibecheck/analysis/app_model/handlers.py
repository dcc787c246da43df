"""One route handler seen from inside: who the caller is, which parameters are client ids, what it may do.

The authorization rules that look inside a handler (object ownership, mass assignment, privilege taken
from the request) share this view. It is computed on demand for a function that is a route handler
(`@app.post(...)`, `@router.get(...)`, `@api_view`, a Django view taking `request`, a method of a Django or
DRF class-based view) and answers in the handler's own terms: is it authenticated here (a guard decorator,
an auth dependency, an auth mixin or permission class on its class), which names hold the caller's
identity, and which parameters carry an id chosen by the client.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.app_model import frameworks as fw
from vibecheck.analysis.flow import dotted_name, is_route_handler, module_uses_django, string_value
from vibecheck.cst_fields import child_nodes
from vibecheck.imports import ImportTable

DEPENDENCY_CALLS = frozenset({"Depends", "Security"})
# Names and attributes that hold the authenticated caller in each framework.
IDENTITY_EXPRESSIONS = frozenset({"request.user", "self.request.user", "current_user", "flask_login.current_user",
                                  "g.user", "flask.g.user", "get_jwt_identity", "flask_jwt_extended.get_jwt_identity",
                                  "get_current_user", "request.auth", "self.request.auth", "request.state.user"})
# Words that, used anywhere in a handler, show that it relates the object to the caller.
OWNERSHIP_WORDS = frozenset({"user", "owner", "author", "creator", "account", "tenant", "member", "identity",
                             "principal", "organization", "org", "team", "uid", "sub"})
# Parameter names that hold the caller when their type is an alias defined elsewhere (`account: Account`).
IDENTITY_PARAMETERS = frozenset({"user", "current_user", "account", "current_account", "principal", "identity",
                                 "member", "caller", "me", "viewer", "actor"})
ID_NAME = re.compile(r"^(id|pk|uuid|slug|key|[a-z0-9_]+_(id|pk|uuid|slug|key))$")
ROUTE_PARAMETER = re.compile(r"<(?:[^<>:]*:)?(\w+)>|\{(\w+)(?::[^{}]*)?\}")
# Django and DRF class-based views: handler method -> HTTP method.
VIEW_METHODS = {"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE",
                "retrieve": "GET", "list": "GET", "create": "POST", "update": "PUT", "partial_update": "PATCH",
                "destroy": "DELETE", "perform_create": "POST", "perform_update": "PUT", "perform_destroy": "DELETE"}


@dataclass
class ClassContext:
    """What a class-based view's class says about all its handler methods."""

    view: bool = False
    authenticated: bool = False


@dataclass
class Handler:
    """A route handler: its methods, whether it is authenticated here, its identity names and client ids."""

    node: cst.FunctionDef
    methods: frozenset[str]
    authenticated: bool
    identity_params: set[str] = field(default_factory=set)
    client_ids: set[str] = field(default_factory=set)
    inputs: set[str] = field(default_factory=set)

    @property
    def writes(self) -> bool:
        return bool(self.methods & fw.STATE_CHANGING_METHODS)


def _last(name: str | None) -> str:
    return (name or "").rpartition(".")[2]


def parameters(function: cst.FunctionDef) -> list[cst.Param]:
    return [*function.params.posonly_params, *function.params.params, *function.params.kwonly_params]


def _route_methods(function: cst.FunctionDef) -> tuple[frozenset[str], set[str]]:
    """HTTP methods and path parameters of the route decorators (`@app.route("/x/<id>", methods=[...])`)."""
    methods: set[str] = set()
    path_params: set[str] = set()
    for decorator in function.decorators:
        expression = decorator.decorator
        if not isinstance(expression, cst.Call) or not isinstance(expression.func, cst.Attribute):
            continue
        kind = expression.func.attr.value
        if kind not in fw.ROUTE_DECORATORS:
            continue
        path = string_value(expression.args[0].value) if expression.args else None
        path_params.update(a or b for a, b in ROUTE_PARAMETER.findall(path or ""))
        fixed = fw.ROUTE_DECORATORS[kind]
        if fixed:
            methods.add(fixed)
            continue
        keyword = next((a for a in expression.args if a.keyword is not None and a.keyword.value == "methods"), None)
        values = keyword.value.elements if keyword is not None and isinstance(keyword.value, (cst.List, cst.Tuple)) else []
        methods.update([(string_value(e.value) or "").upper() for e in values] or ["GET"])
    return frozenset(methods), path_params


def dependency_target(param: cst.Param, imports: ImportTable) -> str | None:
    """`user = Depends(get_current_user)`, `user: Annotated[User, Depends(get_current_user)]`: the dependency's name."""
    values: list[cst.BaseExpression] = [param.default] if param.default is not None else []
    annotation = param.annotation.annotation if param.annotation is not None else None
    if isinstance(annotation, cst.Subscript):
        values += [e.slice.value for e in annotation.slice if isinstance(e.slice, cst.Index)]
    for value in values:
        if isinstance(value, cst.Call) and _last(imports.qualified_name(value.func)) in DEPENDENCY_CALLS:
            target = value.args[0].value if value.args else None
            if isinstance(target, cst.Call):
                target = target.func
            return (get_full_name_for_node(target) if target is not None else None) or _last(imports.qualified_name(value.func))
    return None


def decorator_names(function: cst.FunctionDef | cst.ClassDef, imports: ImportTable) -> list[str]:
    names = []
    for decorator in function.decorators:
        expression = decorator.decorator
        callee = expression.func if isinstance(expression, cst.Call) else expression
        names.append(_last(imports.qualified_name(callee)))
        if isinstance(expression, cst.Call) and names[-1] in ("method_decorator", "permission_classes"):
            names.extend(_last(dotted_name(a.value)) for a in expression.args if a.keyword is None)
    return names


def is_guard_name(name: str) -> bool:
    return name not in fw.NOT_GUARDS and (name in fw.GUARD_DECORATORS or name in fw.GUARD_DEPENDENCIES
                                          or name in fw.GUARD_MIXINS or fw.reads_as_guard(name))


def class_context(node: cst.ClassDef, imports: ImportTable) -> ClassContext:
    """A class-based view: does it require a login (auth mixin, permission classes, guard decorator)?"""
    context = ClassContext()
    for base in node.bases:
        last = _last(imports.qualified_name(base.value) or get_full_name_for_node(base.value))
        if last in fw.VIEW_BASES:
            context.view = True
        elif is_guard_name(last):
            context.authenticated = True
    if any(is_guard_name(n) for n in decorator_names(node, imports)):
        context.authenticated = True
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    for statement in body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Assign) and get_full_name_for_node(small.targets[0].target) == "permission_classes":
                names = [_last(dotted_name(e.value)) for e in getattr(small.value, "elements", [])]
                context.authenticated |= any(n and n not in fw.OPEN_PERMISSIONS for n in names)
    return context


def handler_of(function: cst.FunctionDef, imports: ImportTable, owner: ClassContext | None) -> Handler | None:
    """The handler view of a function, or None when it is not a route handler."""
    params = parameters(function)
    names = [p.name.value for p in params]
    methods, path_params = _route_methods(function)
    guards = [n for n in decorator_names(function, imports) if is_guard_name(n)]
    if owner is not None:
        if not owner.view or function.name.value not in VIEW_METHODS:
            return None
        methods = frozenset({VIEW_METHODS[function.name.value]})
        client_params = names[2:] if names[:2] == ["self", "request"] else names[1:]
        return Handler(function, methods, owner.authenticated or bool(guards),
                       client_ids={n for n in client_params if ID_NAME.match(n)} | {"pk"} & set(names),
                       inputs=set(client_params))
    if is_route_handler(function):
        identity = set()
        inputs = set()
        for param in params:
            target = dependency_target(param, imports)
            annotation = param.annotation.annotation if param.annotation is not None else None
            annotated = _last(get_full_name_for_node(annotation)) if annotation is not None else ""
            if target is None and annotated and annotated != "Annotated" and (
                    fw.reads_as_guard(annotated) or (annotated[:1].isupper() and param.name.value in IDENTITY_PARAMETERS)):
                identity.add(param.name.value)  # `user: CurrentUser`, `account: Account`: `Annotated[..., Depends()]` aliases
            elif target is not None:
                if is_guard_name(_last(target)) or "user" in param.name.value:
                    identity.add(param.name.value)
            elif param.name.value not in ("request", "req", "self", "db", "session"):
                inputs.add(param.name.value)
        if not methods:
            methods = frozenset({"GET"})
        return Handler(function, methods, bool(guards or identity), identity,
                       {n for n in inputs if ID_NAME.match(n) or n in path_params}, inputs)
    if names[:1] == ["request"] and module_uses_django(imports) and not function.name.value.startswith("_"):
        http = {n for n in decorator_names(function, imports) if n in fw.DJANGO_METHOD_DECORATORS}
        fixed = next((fw.DJANGO_METHOD_DECORATORS[n] for n in http if fw.DJANGO_METHOD_DECORATORS[n]), None)
        return Handler(function, fixed or frozenset({"GET", "POST"}), bool(guards),
                       client_ids={n for n in names[1:] if ID_NAME.match(n)}, inputs=set(names[1:]))
    return None


def names_in(node: cst.CSTNode) -> Iterator[str]:
    """Every identifier and attribute name inside a node."""
    pending: list[cst.CSTNode] = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, cst.Name):
            yield current.value
        pending.extend(child_nodes(current))


def dotted_uses(node: cst.CSTNode) -> Iterator[str]:
    """The dotted names (`request.user.id`, `current_user`) used inside a node, outermost first."""
    pending: list[cst.CSTNode] = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, (cst.Name, cst.Attribute)):
            dotted = get_full_name_for_node(current)
            if dotted is not None:
                yield dotted
                if isinstance(current, cst.Attribute):
                    pending.append(current.value)
                continue
        pending.extend(child_nodes(current))
