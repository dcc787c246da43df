"""One route handler seen from inside: who the caller is, which parameters are client ids, what it may do.

The authorization rules that look inside a handler (object ownership, mass assignment, privilege taken
from the request) share this view. It is computed on demand for a function that is a route handler
(`@app.post(...)`, `@router.get(...)`, `@api_view`, a Django view taking `request`, a method of a Django or
DRF class-based view, a Socket.IO event handler) and answers in the handler's own terms: is it authenticated
here (a guard decorator, an auth dependency, an auth mixin or permission class on its class), which names hold
the caller's identity, and which parameters carry an id chosen by the client.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field, replace

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.app_model import frameworks as fw
from vibecheck.analysis.app_model.fasthtml import FASTHTML_MODULES, handler_methods
from vibecheck.analysis.app_model.names import restricts
from vibecheck.analysis.app_model.openapi import Operation
from vibecheck.analysis.app_model.requirements import requirements_restrict
from vibecheck.analysis.cherrypy_tree import (
    CHERRYPY_MODULES,
    CherryPyClass,
    cherrypy_class,
    exposed_methods,
    method_tools,
)
from vibecheck.analysis.flow import dotted_name, is_route_handler, module_uses_django, reads_the_request, string_value
from vibecheck.cst_fields import child_nodes, walk_own
from vibecheck.imports import ImportTable
from vibecheck.literals import module_texts, path_text
from vibecheck.patterns import lazy_pattern

DEPENDENCY_CALLS = frozenset({"Depends", "Security"})
# Names and attributes that hold the authenticated caller in each framework.
IDENTITY_EXPRESSIONS = frozenset({"request.user", "self.request.user", "current_user", "flask_login.current_user",
                                  "g.user", "flask.g.user", "get_jwt_identity", "flask_jwt_extended.get_jwt_identity",
                                  "get_current_user", "request.auth", "self.request.auth", "request.state.user",
                                  "info.context.user",  # a GraphQL resolver's caller, as its context carries it
                                  # a Falcon responder's, which the app's authentication middleware puts in its context
                                  "req.context.user", "request.context.user",
                                  # CherryPy's, kept in its session by whatever signs in (it has no `request.user`)
                                  "cherrypy.session"})
# Where a request's context carries the caller a middleware signed in (Falcon's `req.context.user`, also read by key:
# `req.context["user"]`, `req.context.get("user")`), and the keys that name the caller there.
CALLER_CONTEXTS = frozenset({"req.context", "request.context"})
STARLETTE_CALLERS: tuple[str, ...] = ("request.user", "request.auth")
CALLER_KEYS = frozenset({"user", "current_user", "account", "principal", "identity", "caller"})
# Words that, used anywhere in a handler, show that it relates the object to the caller.
OWNERSHIP_WORDS = frozenset({"user", "owner", "author", "creator", "account", "tenant", "member", "identity",
                             "principal", "organization", "org", "team", "uid", "sub"})
# Parameter names that hold the caller when their type is an alias defined elsewhere (`account: Account`).
IDENTITY_PARAMETERS = frozenset({"user", "current_user", "account", "current_account", "principal", "identity",
                                 "member", "caller", "me", "viewer", "actor"})
# DRF's decorator that makes a viewset's method a route of its own (`@action(detail=True, methods=["post"])`).
DRF_ACTION = "rest_framework.decorators.action"
# What a handler hands a helper beside the request that the client does not choose: a database (`merchant_for(db,
# request)`; the handler's own attributes, `self.db`, are not the client's either).
HANDED_RESOURCES = frozenset({"db", "session", "conn", "connection"})
# Roles a caller signs in as, the name of a parameter holding them (`teacher: Teacher`, `seller: CurrentSeller`).
CALLER_ROLES = frozenset({"teacher", "instructor", "student", "learner", "seller", "vendor", "merchant", "buyer",
                          "customer", "shopper", "patient", "doctor", "clinician", "driver", "rider", "host", "guest",
                          "author", "editor", "employee", "agent", "partner", "owner", "operator"})
# What a guard decorator or middleware puts in a Starlette/FastAPI request's state for the handler
# (`request.state.staff = staff`): the caller, signed in under any of those names.
STATE_CALLERS = frozenset(f"request.state.{key}" for key in (*CALLER_KEYS, *CALLER_ROLES, "staff", "member"))
IDENTITY_EXPRESSIONS |= STATE_CALLERS
STARLETTE_CALLERS = (*STARLETTE_CALLERS, *sorted(STATE_CALLERS))
# Modules that hold a FastAPI app's dependencies and their `Annotated` aliases.
DEPENDENCY_MODULES = frozenset({"deps", "dependencies", "auth", "security", "permissions", "guards"})
# A dependency factory named for who calls (`firebase_user`, `get_account`): its value is the caller, whatever type
# it is annotated with (`Annotated[UserRecord, Depends(firebase_user)]`, a foreign type).
IDENTITY_FACTORY_ENDS = frozenset({"user", "account", "principal", "identity", "caller", "viewer", "me"})
# The route function FastHTML's `fast_app()` hands out, by the name its documentation gives it (`app, rt = fast_app()`).
FASTHTML_ROUTE = "rt"
# The kind `_route_kind` gives a route decorator that names its methods before its path (Nameko's `@http`).
METHOD_FIRST = "method-first"
ID_NAME = lazy_pattern(r"^(id|pk|uuid|slug|key|[a-z0-9_]+_(id|pk|uuid|slug|key))$")
ROUTE_PARAMETER = lazy_pattern(r"<(?:[^<>:]*:)?(\w+)>|\{(\w+)(?::[^{}]*)?\}")
# Django and DRF class-based views: handler method -> HTTP method.
# Calls in a handler body that check a right: `has_role(...)`, `check_permission(...)`, `require_admin(...)`.
CHECK_PREFIXES = ("has_", "check_", "require", "ensure_", "assert_", "verify_")
# Decorators whose arguments carry the test: `@user_passes_test(lambda u: u.is_staff)`.
PREDICATE_DECORATORS = frozenset({"user_passes_test"})
# Frameworks whose endpoints take only the request and read the URL's captures from it: Starlette's
# `async def get_note(request)` with `request.path_params["note_id"]` (routed by a `Route(...)` list elsewhere).
REQUEST_ONLY_FRAMEWORKS = ("starlette",)
# What routes a function in such a framework: `Route("/path", endpoint)` in a route list, `app.add_route("/path", f)`.
STARLETTE_ROUTE_CALLS = frozenset({"Route", "add_route"})
# What turns a capture into an id without reading anything (`int(request.path_params["id"])`).
CAPTURE_CONVERSIONS = frozenset({"int", "str", "UUID", "ObjectId", "PydanticObjectId"})
PATH_CAPTURES = frozenset({"request.path_params", "req.route_params", "request.route_params",  # Azure's `route_params`
                           "request.match_info"})  # aiohttp's
# The containers of those captures, as an inline read names them (`int(request.match_info["doc_id"])`).
CAPTURE_ATTRIBUTES = frozenset(capture.rpartition(".")[2] for capture in PATH_CAPTURES)
# A function named for the caller handed the request or the event (`user = principal(req)`, `caller_id(event)`): the
# caller that the platform signed in (App Service's `x-ms-client-principal-id`, an API Gateway authorizer's claims).
CALLER_WORDS = frozenset({"caller", "user", "principal", "identity", "claims", "account", "username", "viewer"})
# Starlette's `@requires("authenticated")` signs the caller in; any other scope (`"admin"`) restricts it.
SIGNED_IN_SCOPES = frozenset({"authenticated"})
# Request data: a role read from it is the client's claim, not a check (VC207 reports it).
CLIENT_ROOTS = frozenset({"request", "req", "self.request"})
# Where a server keeps what it found about the caller on the request, never sent by the client: Microdot's and
# Flask's `request.g`, Starlette's `request.state`, Sanic's `request.ctx`, Falcon's `req.context`.
SERVER_REQUEST_FIELDS = frozenset({"g", "state", "ctx", "context"})
# Socket.IO event handlers: `@socketio.on("delete")` (Flask-SocketIO), `@sio.on("delete")` and `@sio.event`
# (python-socketio). Their arguments are the client's message (all but the server's `sid`); an event may change state as
# a POST does. A module whose `connect` handler turns clients away (`return False`, `raise ConnectionRefusedError`)
# serves its events to the connections it accepted, signed in through Flask-Login's session or the `auth` it checked.
SOCKET_MODULES = ("flask_socketio", "socketio")
SOCKET_DECORATORS = frozenset({"on", "on_event", "event"})
SOCKET_SERVER_PARAMETERS = frozenset({"self", "sid", "environ"})
SOCKET_CONNECT_EVENT = "connect"
SOCKET_REFUSALS = frozenset({"ConnectionRefusedError", "disconnect"})
# What Connexion passes a handler from the security scheme that signed its caller in (`x-bearerInfoFunc`'s `sub` and
# claims).
CONNEXION_CALLER_PARAMETERS = frozenset({"user", "token_info"})
# Strawberry's `permission_classes=[...]`: a class named for anything but a login (`IsAuthenticated`, `IsLoggedIn`)
# is handed the resolver's arguments and may check the object they name (`CanEditDocument`).
OBJECT_PERMISSION_KEYWORD = "permission_classes"
LOGIN_WORDS = frozenset({"authenticated", "logged", "login", "signed", "active"})
VIEW_METHODS = {"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE",
                "retrieve": "GET", "list": "GET", "create": "POST", "update": "PUT", "partial_update": "PATCH",
                "destroy": "DELETE", "perform_create": "POST", "perform_update": "PUT", "perform_destroy": "DELETE"}


@dataclass
class ClassContext:
    """What a class-based view's class says about all its handler methods."""

    view: bool = False
    controller: bool = False  # a Litestar `Controller` or ninja-extra `@api_controller`: its verb-decorated methods are routes
    authenticated: bool = False
    restricted: bool = False  # a role, permission or ownership guard on the class, not only a login
    drf_default: bool = False  # a DRF view with no permission classes: the settings' defaults decide
    dependency: bool = False  # a FastAPI dependency the routes that ask for it run (`_identity_dependency`), no route
    views_guarded: bool = False  # `@view_defaults(permission="edit")` (Pyramid): each view of the class needs it
    views_restricted: bool = False  # ... a permission that reads as a role (`permission="admin"`)
    graphql_root: bool = False  # `class Query`/`class Mutation`: its field resolvers are the schema's entry points
    cherrypy: CherryPyClass | None = None  # a class of a CherryPy module: its exposure and tools (`cherrypy_tree`)


@dataclass
class Handler:
    """A route handler: its methods, whether it is authenticated here, its identity names and client ids."""

    node: cst.FunctionDef
    methods: frozenset[str]
    authenticated: bool
    restricted: bool = False  # a role, permission or ownership guard, not only a login
    identity_params: set[str] = field(default_factory=set)
    client_ids: set[str] = field(default_factory=set)
    inputs: set[str] = field(default_factory=set)
    drf_default: bool = False  # a DRF view with no permission classes: the settings' defaults decide
    dependency: bool = False  # a FastAPI dependency the routes that ask for it run (`_identity_dependency`), no route

    @property
    def writes(self) -> bool:
        return bool(self.methods & fw.STATE_CHANGING_METHODS)

    @property
    def signed_in(self) -> bool:
        """Only signed-in callers get here, as far as we can tell: a guard here, or DRF's default permissions.

        A DRF view without `permission_classes` is left to `DEFAULT_PERMISSION_CLASSES`; like VC201 (unless its
        `drf-default-is-open` is set), the rules take that default to require a login (`IsAuthenticated`, the
        usual setting) and nothing more, since the settings module is another file.
        """
        return self.authenticated or self.drf_default


def _last(name: str | None) -> str:
    return (name or "").rpartition(".")[2]


def parameters(function: cst.FunctionDef) -> list[cst.Param]:
    return [*function.params.posonly_params, *function.params.params, *function.params.kwonly_params]


def method_first_route(call: cst.Call, qualified: str) -> tuple[frozenset[str], str | None] | None:
    """(methods, path) of Nameko's `@http("GET,POST", "/x/<int:id>")`; None for any other decorator."""
    if qualified not in fw.METHOD_FIRST_ROUTES or len(call.args) < 2 or any(a.keyword for a in call.args[:2]):
        return None
    methods = string_value(call.args[0].value)
    if methods is None:
        return None
    return frozenset(m.strip().upper() for m in methods.split(",") if m.strip()), string_value(call.args[1].value)


def _route_kind(expression: cst.BaseExpression, imports: ImportTable) -> str | None:
    """`get` of `@app.get(...)`/`@router.get(...)`, and of Litestar's and ninja-extra's bare verbs (`@get(...)`,
    `@route(...)`, `@http_post(...)`)."""
    if type(expression) is not cst.Call:
        return None
    func = expression.func
    if isinstance(func, cst.Attribute):
        return func.attr.value if func.attr.value in fw.ROUTE_DECORATORS else None
    if not isinstance(func, cst.Name):
        return None
    qualified = imports.qualified_name(func) or ""
    if method_first_route(expression, qualified) is not None:
        return METHOD_FIRST
    kind = fw.bare_verb(qualified)
    if kind is None and func.value == FASTHTML_ROUTE and imports.imports_any(FASTHTML_MODULES):
        return "route"  # FastHTML's `@rt("/notes/{note_id}")`, its verb the handler's name
    return kind


def _route_methods(function: cst.FunctionDef, imports: ImportTable) -> tuple[frozenset[str], set[str]]:
    """HTTP methods and path parameters of the route decorators (`@app.route("/x/<id>", methods=[...])`, Litestar's
    `@delete("/notes/{note_id:int}")` and `@route("/x", http_method=[...])`)."""
    methods: set[str] = set()
    path_params: set[str] = set()
    for decorator in function.decorators:
        expression = decorator.decorator
        kind = _route_kind(expression, imports)
        if kind is None or not isinstance(expression, cst.Call):
            continue
        if kind == METHOD_FIRST:  # Nameko's `@http("POST", "/payouts/<int:payout_id>")`
            method_list, path = method_first_route(expression, imports.qualified_name(expression.func) or "") \
                or (frozenset(), None)
            methods.update(method_list)
            path_params.update(a or b for a, b in ROUTE_PARAMETER.findall(path or ""))
            continue
        path_arg = next((a for a in expression.args if a.keyword is None or a.keyword.value == "path"), None)
        path = string_value(path_arg.value) if path_arg is not None else None
        path_params.update(a or b for a, b in ROUTE_PARAMETER.findall(path or ""))
        fixed = fw.BARE_VERBS[kind]
        if fixed:
            methods.add(fixed)
            continue
        if type(expression.func) is cst.Name and expression.func.value == FASTHTML_ROUTE:
            methods.update(handler_methods(function.name.value))
            continue
        keyword = next((a.value for a in expression.args if a.keyword is not None
                        and a.keyword.value in ("methods", "http_method")), None)
        values = [e.value for e in keyword.elements] if isinstance(keyword, (cst.List, cst.Tuple)) else [keyword] \
            if keyword is not None else []
        methods.update([(string_value(v) or "").upper() for v in values] or ["GET"])
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
        if isinstance(expression, cst.Call) and names[-1] == "method_decorator":
            names.extend(_last(dotted_name(a.value)) for a in expression.args if a.keyword is None)
        elif isinstance(expression, cst.Call) and names[-1] == "permission_classes":
            names.extend(text for a in expression.args if a.keyword is None for text in guard_texts(a.value))
        elif isinstance(expression, cst.Call) and names[-1] in PREDICATE_DECORATORS:
            names.extend(_last(n) for a in expression.args for n in dotted_uses(a.value))
    return names


def _listed_permissions(function: cst.FunctionDef, imports: ImportTable) -> list[str] | None:
    """The classes DRF's `@permission_classes([...])` lists on a function view, but the open ones (`AllowAny`); None
    when the view has no such decorator."""
    for decorator in function.decorators:
        call = decorator.decorator
        if type(call) is cst.Call and _last(imports.qualified_name(call.func)) == "permission_classes":
            return [text for arg in call.args if arg.keyword is None for text in guard_texts(arg.value)
                    if text not in fw.OPEN_PERMISSIONS]
    return None


def _permission_classes_restrict(function: cst.FunctionDef, imports: ImportTable) -> bool:
    """DRF's `@permission_classes([...])` on a function view lists a class that asks for more than a login
    (`IsVerifiedSeller`, `IsOrgAdmin`; not `IsAuthenticated`): handed the view's object, it may check it, as a
    Strawberry resolver's permission class may."""
    return any(not LOGIN_WORDS & set(fw.name_words(text)) for text in _listed_permissions(function, imports) or ())


def names_a_guard(value: cst.BaseExpression | None) -> bool:
    """A guard keyword's value that requires something: not `None`, an empty list or Pyramid's
    `NO_PERMISSION_REQUIRED`."""
    if value is None or (isinstance(value, cst.Name) and value.value == "None"):
        return False
    if isinstance(value, (cst.List, cst.Tuple, cst.Set)):  # ninja-extra's `permissions=[AllowAny]` requires nothing
        texts = guard_texts(value)
        return len(texts) < len(value.elements) or any(text not in fw.OPEN_PERMISSIONS for text in texts)
    return _last(get_full_name_for_node(value)) not in fw.OPEN_GUARD_VALUES


def guard_texts(value: cst.BaseExpression) -> list[str]:
    """The names and strings a guard keyword gives (`[IsAuthenticated, IsStaff]`, `"admin"`), for `restricts`."""
    members = [e.value for e in value.elements] if isinstance(value, (cst.List, cst.Tuple, cst.Set)) else [value]
    return [text for member in members
            if (text := string_value(member) or _last(get_full_name_for_node(member)))]


def _keyword_guards(function: cst.FunctionDef, imports: ImportTable) -> list[str]:
    """The guards a route decorator's own keyword names (`ROUTE_GUARD_KEYWORDS`: Chalice's `authorizer=cognito`)."""
    keywords = [keyword for module, keyword in fw.ROUTE_GUARD_KEYWORDS.items() if imports.imports_any((module,))]
    found: list[str] = []
    for decorator in function.decorators if keywords else ():
        expression = decorator.decorator
        for keyword in keywords if isinstance(expression, cst.Call) else ():
            value = _keyword_value(expression, keyword)  # type: ignore[arg-type]
            if value is not None and names_a_guard(value):
                found.extend(guard_texts(value) or [keyword])
    return found


def _keyword_value(call: cst.Call, keyword: str | None) -> cst.BaseExpression | None:
    return next((a.value for a in call.args if keyword and a.keyword is not None and a.keyword.value == keyword), None)


def _guarded_view(function: cst.FunctionDef, imports: ImportTable, owner: ClassContext | None) -> Handler | None:
    """A view made by a decorator that names its own guard (`GUARDED_VIEW_DECORATORS`: Pyramid's `@view_config(...,
    permission="edit")`, under the class's `@view_defaults` too; a Strawberry resolver's `permission_classes=[...]`).
    Its client ids: its parameters named as ids or typed `ID`, and Pyramid's `request.matchdict` of URL captures."""
    for decorator in function.decorators:
        expression = decorator.decorator
        call = expression if isinstance(expression, cst.Call) else None
        name = imports.qualified_name(call.func if call is not None else expression) or ""
        spec = fw.GUARDED_VIEW_DECORATORS.get(name)
        if spec is None or (name in fw.ROOT_TYPE_VIEWS and not (owner is not None and owner.graphql_root)):
            continue
        _, methods_keyword, fixed, guard_keyword = spec
        listed = _keyword_value(call, methods_keyword) if call is not None else None
        values = [e.value for e in listed.elements] if isinstance(listed, (cst.List, cst.Tuple)) else [listed]
        methods = frozenset({fixed} if fixed else {(string_value(v) or "GET").upper() for v in values if v is not None}
                            or {"GET"})
        guard = _keyword_value(call, guard_keyword) if call is not None else None
        guarded = names_a_guard(guard)
        texts = guard_texts(guard) if guard is not None and guarded else []
        # a resolver's permission class that asks for more than a login (`CanEditDocument`) may check the object
        restricted = guarded and (restricts(texts) or (guard_keyword == OBJECT_PERMISSION_KEYWORD and any(
            not LOGIN_WORDS & set(fw.name_words(text)) for text in texts)))
        if owner is not None and not guarded:
            guarded, restricted = owner.views_guarded, owner.views_restricted
        inputs = {p.name.value for p in parameters(function)} - fw.VIEW_SERVER_PARAMETERS
        ids = {p.name.value for p in parameters(function) if p.name.value in inputs and (
            ID_NAME.match(p.name.value) or _annotation_names(p) in fw.ID_TYPES)}
        return Handler(function, methods, guarded, restricted, client_ids=ids | fw.VIEW_CAPTURES.get(name, frozenset()),
                       inputs=inputs)
    return None


def _graphene_view(function: cst.FunctionDef, imports: ImportTable, owner: ClassContext) -> Handler | None:
    """Graphene's resolver of a root type's field (`Query.resolve_loan(root, info, id)`) or a mutation's `mutate`:
    a view guarded by its decorators alone (graphql_jwt's `@login_required`), taking the client's arguments."""
    name = function.name.value
    method = fw.GRAPHENE_MUTATIONS.get(name)
    if method is None and fw.GRAPHENE_RESOLVER.match(name) and owner.graphql_root:
        method = "GET"
    if method is None:
        return None
    guards = [n for n in decorator_names(function, imports) if is_guard_name(n)]
    inputs = {p.name.value for p in parameters(function)} - fw.VIEW_SERVER_PARAMETERS
    ids = {n for n in inputs if ID_NAME.match(n)}
    return Handler(function, frozenset({method}), bool(guards), restricts(guards), client_ids=ids, inputs=inputs)


def _ariadne_resolver(function: cst.FunctionDef) -> Handler | None:
    """Ariadne's resolver (`@query.field("order")`, `@mutation.field("refund")` over `def resolve(_, info, id)`) that
    signs its caller in by handing `info` to a guard (`member = require_member(info)`, `require_admin(info)`, a function
    named for a guard or the caller): a view
    taking the client's arguments after `info`; a mutation type's fields change state. A resolver that calls no guard
    is left to the rules about open routes' own reading (None)."""
    receivers = [d.decorator.func.value.value for d in function.decorators if type(d.decorator) is cst.Call
                 and type(d.decorator.func) is cst.Attribute and d.decorator.func.attr.value == fw.ARIADNE_FIELD
                 and type(d.decorator.func.value) is cst.Name]
    names = [p.name.value for p in parameters(function)]
    if not receivers or fw.ARIADNE_INFO not in names:
        return None
    guards: list[str] = []
    identity: set[str] = set()
    for node in walk_own(function.body):
        name = resolver_guard(node.value if type(node) is cst.Assign else node)
        if name is not None:
            guards.append(name)
            if type(node) is cst.Assign:
                identity.update(t.target.value for t in node.targets if type(t.target) is cst.Name)
    if not guards:
        return None
    inputs = set(names[names.index(fw.ARIADNE_INFO) + 1:])
    method = "POST" if any(fw.ARIADNE_MUTATION_WORD in r.lower() for r in receivers) else "GET"
    return Handler(function, frozenset({method}), True, restricts(guards), identity,
                   client_ids={n for n in inputs if ID_NAME.match(n)}, inputs=inputs)


def resolver_guard(node: cst.CSTNode) -> str | None:
    """The name of the guard a GraphQL resolver hands its `info` to (`require_member(info)`, `await
    current_user(info)`): a function named for a guard, for the caller, or `require_`/`ensure_` something."""
    call = node.expression if type(node) is cst.Await else node
    if type(call) is not cst.Call or not any(type(a.value) is cst.Name and a.value.value == fw.ARIADNE_INFO
                                             for a in call.args):
        return None
    name = _last(dotted_name(call.func))
    return name if name.startswith(fw.GUARD_CALL_PREFIXES) or names_the_caller(call.func) or fw.reads_as_guard(name) \
        else None


def _fab_view(function: cst.FunctionDef, imports: ImportTable) -> Handler | None:
    """Flask-AppBuilder's `@expose("/deals/<int:pk>", methods=["PUT"])` method, guarded by its own decorators
    (`@has_access`, `@protect()`); its parameters after `self` are the URL's captures."""
    exposed = [d.decorator for d in function.decorators if isinstance(d.decorator, cst.Call)
               and _last(imports.qualified_name(d.decorator.func)) in fw.FAB_EXPOSE]
    if not exposed:
        return None
    methods: set[str] = set()
    for call in exposed:
        listed = _keyword_value(call, "methods")
        values = [e.value for e in listed.elements] if isinstance(listed, (cst.List, cst.Tuple)) else []
        methods.update((string_value(v) or "GET").upper() for v in values)
    guards = [n for n in decorator_names(function, imports) if is_guard_name(n)]
    inputs = {p.name.value for p in parameters(function)} - {"self"}
    return Handler(function, frozenset(methods or {"GET"}), bool(guards), restricts(guards),
                   client_ids={n for n in inputs if ID_NAME.match(n)}, inputs=inputs)


def tool_guards(tools: Iterable[str]) -> list[str]:
    """The CherryPy tools that check the caller: named as a guard (`auth_basic`) or as a check that refuses
    (`require_login`, `ensure_manager`), as a project names the function it registers with `cherrypy.Tool(...)`."""
    return [t for t in tools if is_guard_name(t) or t.startswith(fw.GUARD_CALL_PREFIXES)]


def _cherrypy_view(function: cst.FunctionDef, imports: ImportTable, owner: CherryPyClass) -> Handler | None:
    """A method of CherryPy's object tree a request reaches (`cherrypy_tree.exposed_methods`), guarded by the tools
    its class and itself turn on and by its own guard decorators; its parameters after `self` are the client's."""
    methods = exposed_methods(function, owner.exposed, imports)
    if methods is None:
        return None
    guards = tool_guards([*owner.tools, *method_tools(function, imports)]) \
        + [n for n in decorator_names(function, imports) if is_guard_name(n)]
    inputs = {p.name.value for p in parameters(function)[1:]}
    return Handler(function, methods, bool(guards), restricts(guards),
                   client_ids={n for n in inputs if ID_NAME.match(n)}, inputs=inputs)


def route_guards(function: cst.FunctionDef) -> list[str]:
    """The guards a route decorator names (Litestar's `@get("/notes/{id:int}", guards=[requires_login])`): each runs
    before the handler and refuses whom it rejects, whatever its name."""
    names: list[str] = []
    for decorator in function.decorators:
        expression = decorator.decorator
        listed = next((a.value for a in expression.args if a.keyword is not None and a.keyword.value == "guards"), None) \
            if isinstance(expression, cst.Call) else None
        if type(listed) is cst.List or type(listed) is cst.Tuple:
            names.extend(_last(dotted_name(e.value)) or "guard" for e in listed.elements)
    return names


def _keys_read(test: cst.BaseExpression) -> Iterator[str]:
    """String keys read from the caller's data in a test (`claims["role"]`, `payload.get("is_admin")`), not from
    the request itself."""
    pending: list[cst.CSTNode] = [test]
    while pending:
        node = pending.pop()
        key: cst.CSTNode | None = None
        if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
            key, source = node.slice[0].slice.value, node.value
        elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "get" \
                and node.args:
            key, source = node.args[0].value, node.func.value
        if key is not None and not _read_from_client(str(dotted_name(source) or "")):
            value = string_value(key)  # type: ignore[arg-type]
            if value:
                yield value
        pending.extend(child_nodes(node))


def _read_from_client(source: str) -> bool:
    """`request.json`, `req.headers`: the client's data; not `request.g.user`, which the server set after signing the
    caller in."""
    root = next((r for r in CLIENT_ROOTS if source == r or source.startswith(f"{r}.")), None)
    return root is not None and source[len(root) + 1:].partition(".")[0] not in SERVER_REQUEST_FIELDS


def checks_role(body: cst.CSTNode, skip: set[int] | frozenset[int] = frozenset()) -> bool:
    """A role check in a body: a role word in an `if` or `assert` test (`user.is_staff`, `claims["role"]`) or a
    `has_perm`/`check_...` call; not inside the nodes whose ids are in `skip`."""
    pending: list[cst.CSTNode] = [body]
    while pending:
        node = pending.pop()
        if id(node) in skip:
            continue
        if isinstance(node, (cst.If, cst.Assert)):
            if tests_a_role(node.test):
                return True
        elif isinstance(node, cst.Call):
            last = (get_full_name_for_node(node.func) or "").rpartition(".")[2]
            if last.startswith(CHECK_PREFIXES) and restricts([last]):
                return True
        pending.extend(child_nodes(node))
    return False


def tests_a_role(test: cst.BaseExpression) -> bool:
    """A role word in a test: `user.is_staff`, `claims["role"] == "admin"`."""
    return restricts([n.rpartition(".")[2] for n in dotted_uses(test)]) or restricts(_keys_read(test))


def _tests_a_role(test_func: cst.FunctionDef) -> bool:
    """`UserPassesTestMixin.test_func` answering with a role (`return self.request.user.groups.filter(name="editors")
    .exists()`, `return user.is_staff`) or checking one: every method of the view is for that role's holders."""
    returned = [node.value for node in walk_own(test_func.body) if type(node) is cst.Return and node.value is not None]
    return checks_role(test_func.body) or any(
        restricts([name.rpartition(".")[2] for name in dotted_uses(value)]) for value in returned)


def is_guard_name(name: str) -> bool:
    return name not in fw.NOT_GUARDS and (name in fw.GUARD_DECORATORS or name in fw.GUARD_DEPENDENCIES
                                          or name in fw.GUARD_MIXINS or fw.reads_as_guard(name))


def class_context(node: cst.ClassDef, imports: ImportTable) -> ClassContext:
    """A class-based view: does it require a login (auth mixin, permission classes, guard decorator)?"""
    context = ClassContext()
    decorators = decorator_names(node, imports)
    bases = [_last(imports.qualified_name(b.value) or get_full_name_for_node(b.value)) for b in node.bases]
    context.view = any(b in fw.VIEW_BASES for b in bases)
    context.graphql_root = node.name.value.endswith(fw.ROOT_TYPE_NAMES)
    if imports.imports_any(CHERRYPY_MODULES):
        context.cherrypy = cherrypy_class(node, imports)
    for decorator in node.decorators:
        keyword = fw.VIEW_DEFAULTS_DECORATORS.get(imports.qualified_name(decorator.decorator) or "")
        guard = _keyword_value(decorator.decorator, keyword) if isinstance(decorator.decorator, cst.Call) else None
        if guard is not None and names_a_guard(guard):
            context.views_guarded = True
            context.views_restricted = restricts(guard_texts(guard))
    context.controller = any(fw.is_handler_class(imports.qualified_name(b.value) or "") for b in node.bases)
    controller_guards = _controller_decorator_guards(node, imports)
    context.controller |= controller_guards is not None
    guards = [n for n in [*decorators, *bases] if n not in fw.VIEW_BASES and is_guard_name(n)]
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    sets_permissions = False
    guards += _class_decorator_guards(body, imports) + (controller_guards or [])
    context.restricted = requirements_restrict([*(d.decorator for d in node.decorators), *_class_decorators(body)])
    for statement in body:
        if type(statement) is cst.FunctionDef and (statement.name.value in ("get_permissions", "has_permission")
                                                   or (statement.name.value == "test_func" and _tests_a_role(statement))):
            context.restricted = True
        if type(statement) is not cst.SimpleStatementLine:
            continue
        for small in statement.body:
            if type(small) is not cst.Assign:
                continue
            target = get_full_name_for_node(small.targets[0].target)
            if target == "permission_classes":
                sets_permissions = True
                names = [_last(dotted_name(e.value)) for e in getattr(small.value, "elements", [])]
                guards.extend(n for n in names if n and n not in fw.OPEN_PERMISSIONS)
            elif target == "guards" and context.controller:  # each guard runs before every handler of the controller
                guards.extend(_last(dotted_name(e.value)) or "guard" for e in getattr(small.value, "elements", []))
    context.authenticated = bool(guards)
    context.restricted |= restricts([*guards, *decorators, *bases])
    context.drf_default = any(b in fw.DRF_VIEW_BASES for b in bases) and not (sets_permissions or guards
                                                                              or context.restricted)
    return context


def _controller_decorator_guards(node: cst.ClassDef, imports: ImportTable) -> list[str] | None:
    """The guards ninja-extra's `@api_controller("/x", permissions=[IsAuthenticated], auth=JWTAuth())` names for each
    route of its class; None when the class has no such decorator."""
    for decorator in node.decorators:
        call = decorator.decorator
        if type(call) is cst.Call and imports.qualified_name(call.func) == fw.CONTROLLER_DECORATOR:
            named = [(keyword, value) for keyword in (fw.CONTROLLER_PERMISSIONS, "auth")
                     if (value := _keyword_value(call, keyword)) is not None and names_a_guard(value)]
            return [text for keyword, value in named for text in guard_texts(value) or [keyword]
                    if text not in fw.OPEN_PERMISSIONS]
    return None


def _replaces_controller_guards(function: cst.FunctionDef, imports: ImportTable) -> bool:
    """A ninja-extra route's own `permissions=` (`@http_delete("/{id}", permissions=[AllowAny])`): its controller's do
    not apply."""
    return any(type(d.decorator) is cst.Call and fw.bare_verb(imports.qualified_name(d.decorator.func) or "")
               and _keyword_value(d.decorator, fw.CONTROLLER_PERMISSIONS) is not None for d in function.decorators)


def router_dependencies(module: cst.Module, imports: ImportTable) -> dict[str, list[str]]:
    """The module's routers and apps that run dependencies for every route (`router = APIRouter(dependencies=
    [Depends(get_current_user)])`, `app.include_router(router, dependencies=[...])`) -> those dependencies' names."""
    found: dict[str, list[str]] = {}
    for line in module.body:
        for small in line.body if isinstance(line, cst.SimpleStatementLine) else ():
            call = small.value if isinstance(small, (cst.Assign, cst.Expr)) else None
            if not isinstance(call, cst.Call):
                continue
            callee = _last(imports.qualified_name(call.func) or get_full_name_for_node(call.func))
            if isinstance(small, cst.Assign) and (fw.constructs_router(callee) or callee in fw.APP_CONSTRUCTORS):
                router = get_full_name_for_node(small.targets[0].target)
            elif callee == "include_router" and call.args:
                router = get_full_name_for_node(call.args[0].value)
            else:
                continue
            names = dependency_names(call)
            if router is not None and names:
                found.setdefault(router, []).extend(names)
    return found


@dataclass(frozen=True)
class ListedRoute:
    """What the route lists of a Starlette module say of one function: the methods it answers, the paths it serves."""

    methods: frozenset[str]
    paths: tuple[str, ...]


def listed_route_methods(module: cst.Module, imports: ImportTable) -> dict[str, ListedRoute]:
    """The functions a Starlette module routes by a `Route(...)` (`routes = [Route("/exports/{id}", export_detail,
    methods=["POST"])]`, inside a `Mount` or a factory too) or an `app.add_route(...)` -> the HTTP methods each answers
    (GET when none are named, as Starlette does) and its paths, with the prefixes of the `Mount`s around it in this
    module (`Mount("/admin", routes=[...])`, `Mount("/admin", app=Router(routes=[...]))`; a path or prefix may be a
    module constant, an f-string's known parts: `literals.path_text`). What of a prefix is not known adds nothing: the
    route's own segments still say what they say. Empty for a module that does not import Starlette."""
    found: dict[str, ListedRoute] = {}
    if imports.imports_any(REQUEST_ONLY_FRAMEWORKS):
        _collect_listed(module, "", module_texts(module), imports, found)
    return found


def _collect_listed(root: cst.CSTNode, prefix: str, constants: dict[str, str], imports: ImportTable,
                    found: dict[str, ListedRoute]) -> None:
    """`listed_route_methods` under `root`, whose routes take `prefix`; a `Mount` walks what it holds with its own."""
    pending: list[cst.CSTNode] = [root]
    while pending:
        node = pending.pop()
        children = child_nodes(node)
        if type(node) is not cst.Call:
            pending.extend(children)
            continue
        callee = _last(imports.qualified_name(node.func) or get_full_name_for_node(node.func))
        positional = [a.value for a in node.args if a.keyword is None and a.star == ""]
        first = positional[0] if positional else _keyword_value(node, "path")
        if callee in fw.MOUNTS:
            inner = prefix + (path_text(first, constants) or "").rstrip("/")
            for child in children:
                _collect_listed(child, inner, constants, imports, found)
            continue
        pending.extend(children)
        endpoint = _keyword_value(node, "endpoint") or (positional[1] if len(positional) > 1 else None)
        if callee not in STARLETTE_ROUTE_CALLS or type(endpoint) is not cst.Name:
            continue
        listed = _keyword_value(node, "methods")
        methods = frozenset(m.upper() for m in guard_texts(listed)) if listed is not None else frozenset({"GET"})
        path = path_text(first, constants)
        known = found.get(endpoint.value, ListedRoute(frozenset(), ()))
        found[endpoint.value] = ListedRoute(known.methods | methods, known.paths + ((prefix + path,) if path else ()))


def routed_elsewhere(function: cst.FunctionDef, imports: ImportTable, listed: dict[str, ListedRoute]) -> bool:
    """A module-level function of a Starlette module shaped as an endpoint (it takes the request alone) that no route
    list of its module routes: another module may (`Route("/admin/orgs/{id}/purge", views.purge_notes,
    methods=["POST"])` in `routes.py`), with methods and a path only the app model sees."""
    name = function.name.value
    return name not in listed and not function.decorators and not name.startswith("_") \
        and imports.imports_any(REQUEST_ONLY_FRAMEWORKS) and [p.name.value for p in parameters(function)] == ["request"]


def dependency_names(call: cst.Call) -> list[str]:
    """`dependencies=[Depends(get_current_user), Security(scheme)]` -> the dependencies' names."""
    listed = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "dependencies"), None)
    names = []
    for element in listed.elements if isinstance(listed, (cst.List, cst.Tuple)) else ():
        value = element.value
        if not isinstance(value, cst.Call):
            continue
        kind = _last(get_full_name_for_node(value.func))
        if kind == "Security" or kind == "Depends" and value.args:
            target = value.args[0].value if kind == "Depends" else value.func
            names.append(_last(get_full_name_for_node(target.func if isinstance(target, cst.Call) else target)))
    return names


def _receivers(function: cst.FunctionDef) -> list[str]:
    """`router` of `@router.get(...)`: what the route decorators register the function on."""
    return [name for d in function.decorators if isinstance(d.decorator, cst.Call)
            and isinstance(d.decorator.func, cst.Attribute) and d.decorator.func.attr.value in fw.ROUTE_DECORATORS
            and (name := get_full_name_for_node(d.decorator.func.value)) is not None]


def _class_decorator_guards(body: Iterable[cst.BaseStatement], imports: ImportTable) -> list[str]:
    """`method_decorators = [jwt_required()]`, `decorators = [login_required]` (Flask views, Flask-RESTful and
    Flask-RESTX resources): guards applied to every handler method of the class."""
    found = []
    for decorator in _class_decorators(body):
        callee = decorator.func if isinstance(decorator, cst.Call) else decorator
        name = _last(imports.qualified_name(callee) or get_full_name_for_node(callee))
        if is_guard_name(name):
            found.append(name)
    return found


def _class_decorators(body: Iterable[cst.BaseStatement]) -> Iterator[cst.BaseExpression]:
    """The decorators a class's `decorators`/`method_decorators` list (a dict of them by method, too) applies."""
    for statement in body:
        for small in statement.body if type(statement) is cst.SimpleStatementLine else ():
            if type(small) is not cst.Assign or get_full_name_for_node(small.targets[0].target) \
                    not in fw.CLASS_DECORATOR_ATTRIBUTES:
                continue
            value = small.value
            lists = [e.value for e in value.elements] if isinstance(value, cst.Dict) else [value]
            for listed in lists:
                for element in listed.elements if isinstance(listed, (cst.List, cst.Tuple)) else ():
                    yield element.value


def socket_event(function: cst.FunctionDef) -> str | None:
    """The event a Socket.IO handler answers (`@socketio.on("delete")`; `@sio.event` names it by the function), or
    None."""
    for decorator in function.decorators:
        expression = decorator.decorator
        call = expression if type(expression) is cst.Call else None
        target = call.func if call is not None else expression
        if type(target) is not cst.Attribute or target.attr.value not in SOCKET_DECORATORS:
            continue
        if call is None:
            return function.name.value if target.attr.value == "event" else None
        first = call.args[0].value if call.args and call.args[0].keyword is None else None
        return string_value(first) if first is not None else None
    return None


def socket_connections_checked(module: cst.Module, imports: ImportTable) -> bool:
    """The module's Socket.IO `connect` handler checks the client: it can turn it away (returns False, raises or
    disconnects it), or tests who it is (`if not current_user.is_authenticated:`). A test that lets strangers in
    anyway (returning None accepts) is VC212's and VC216's finding: the events are still meant for signed-in users."""
    if not imports.imports_any(SOCKET_MODULES):
        return False
    for statement in module.body:
        if type(statement) is not cst.FunctionDef or socket_event(statement) != SOCKET_CONNECT_EVENT:
            continue
        for node in walk_own(statement.body):
            if type(node) is cst.Return and type(node.value) is cst.Name and node.value.value == "False":
                return True
            if type(node) is cst.Raise or (type(node) is cst.Call and _last(dotted_name(node.func)) in SOCKET_REFUSALS):
                return True
            if type(node) is cst.If and any(d in IDENTITY_EXPRESSIONS for d in dotted_uses(node.test)):
                return True
    return False


def _socket_handler(function: cst.FunctionDef, imports: ImportTable, connections_checked: bool) -> Handler | None:
    """A Socket.IO event handler seen as a route: its message parameters are the client's, and it is signed in by a
    guard decorator (`@authenticated_only`) or the module's refusing `connect` handler."""
    event = socket_event(function)
    if event is None or event == SOCKET_CONNECT_EVENT:
        return None
    guards = [n for n in decorator_names(function, imports) if is_guard_name(n)]
    message = {p.name.value for p in parameters(function)} - SOCKET_SERVER_PARAMETERS
    fields = [node for node in walk_own(function.body) if _root_name(node) in message]
    # the message's id fields (`data["id"]`, `data.get("room_id")`), and the names they are bound to (`room_id =
    # data["room"]`): what the client picks an object by, not its other fields (a search text)
    ids = {_root_name(node) or "" for node in fields if ID_NAME.match(_field_key(node) or "")}
    ids |= {target.target.value for node in walk_own(function.body) if type(node) is cst.Assign
            and _root_name(node.value) in message for target in node.targets
            if type(target.target) is cst.Name and ID_NAME.match(target.target.value)}
    return Handler(function, frozenset({"POST"}), connections_checked or bool(guards), restricts(guards),
                   client_ids=ids, inputs=message)


def _field_key(node: cst.CSTNode) -> str | None:
    """`"id"` of `data["id"]` and `data.get("id")`."""
    if type(node) is cst.Subscript and len(node.slice) == 1 and type(node.slice[0].slice) is cst.Index:
        return string_value(node.slice[0].slice.value)
    if type(node) is cst.Call and node.args:
        return string_value(node.args[0].value)
    return None


def _root_name(node: cst.CSTNode) -> str | None:
    """`data` of `data["room"]` and `data.get("room")`; None for anything else."""
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "get":
        node = node.func.value
    elif type(node) is cst.Subscript:
        node = node.value
    else:
        return None
    return node.value if type(node) is cst.Name else None


def handler_of(function: cst.FunctionDef, imports: ImportTable, owner: ClassContext | None,
               routers: dict[str, list[str]] | None = None, *, sockets_checked: bool = False,
               module_callers: bool = False, listed: dict[str, ListedRoute] | None = None,
               operations: Mapping[str, Operation] | None = None) -> Handler | None:
    """The handler view of a function, or None when it is not a route handler. `routers`: the dependencies that
    routers of the module run for each of their routes (`router_dependencies`); `sockets_checked`: the module's
    Socket.IO `connect` handler refuses clients (`socket_connections_checked`); `module_callers`: the module puts a
    caller in Falcon's request context or reads one there (`context_callers`); `listed`: the functions the module's
    Starlette route lists route, with their methods (`listed_route_methods`); `operations`: the functions of the module
    that an OpenAPI document routes (Connexion's `operationId`: `openapi.operations_for`)."""
    view = _guarded_view(function, imports, owner) if imports.imports_any(fw.GUARDED_VIEW_MODULES) else None
    if view is None and owner is not None and imports.imports_any((fw.GRAPHENE_MODULE,)):
        view = _graphene_view(function, imports, owner)
    if view is None and owner is not None and imports.imports_any((fw.FAB_MODULE,)):
        view = _fab_view(function, imports)
    if view is None and owner is not None and owner.cherrypy is not None:
        view = _cherrypy_view(function, imports, owner.cherrypy)
    if view is None and owner is None and imports.imports_any((fw.ARIADNE_MODULE,)):
        view = _ariadne_resolver(function)
    if view is not None:
        return view
    if owner is None and imports.imports_any(SOCKET_MODULES) and socket_event(function) is not None:
        return _socket_handler(function, imports, sockets_checked)
    params = parameters(function)
    names = [p.name.value for p in params]
    methods, path_params = _route_methods(function, imports)
    decorators = decorator_names(function, imports)
    guards = [n for n in decorators if is_guard_name(n)] + route_guards(function) + _keyword_guards(function, imports)
    required = requirements_restrict(d.decorator for d in function.decorators)  # `@allows.requires(CanEditPost)`
    if _listed_permissions(function, imports) == []:
        guards = [n for n in guards if n != "permission_classes"]  # `@permission_classes([AllowAny])` opens the view
    if routers:
        guards += [n for r in _receivers(function) for n in routers.get(r, ()) if n == "Security" or is_guard_name(n)]
    drf_default = "api_view" in decorators and "permission_classes" not in decorators and not guards
    controller = owner if owner is not None and owner.controller else None
    if controller is not None and not methods:
        return None  # a helper method of a Litestar controller, not a route
    if controller is not None and _replaces_controller_guards(function, imports):
        controller = replace(controller, authenticated=False, restricted=False)
    entrypoint = owner is not None and any(_route_kind(d.decorator, imports) == METHOD_FIRST for d in function.decorators)
    if owner is not None and controller is None and not owner.view and not entrypoint:
        return falcon_responder(function, imports, module_callers)
    if entrypoint:
        owner = None  # a Nameko service's `@http(...)` method: a route of its own, as a function is
    if owner is not None and controller is None:
        action = _drf_action(function, imports) if owner.view else None
        if not owner.view or (function.name.value not in VIEW_METHODS and action is None):
            return None
        client_params = names[2:] if names[:2] == ["self", "request"] else names[1:]
        client_ids = {n for n in client_params if ID_NAME.match(n)} | {"pk"} & set(names)
        if action is not None and action.permissions is not None:
            # `@action(..., permission_classes=[...])` replaces the class's permission classes for this route
            permissions = [n for n in action.permissions if n not in fw.OPEN_PERMISSIONS]
            return Handler(function, action.methods, bool(permissions), restricts(permissions), client_ids=client_ids,
                           inputs=set(client_params))
        methods = action.methods if action is not None else frozenset({VIEW_METHODS[function.name.value]})
        return Handler(function, methods, owner.authenticated or bool(guards),
                       owner.restricted or restricts(guards) or required,
                       drf_default=owner.drf_default and not guards, client_ids=client_ids, inputs=set(client_params))
    if controller is not None or is_route_handler(function) or _identity_dependency(function, imports):
        identity = set()
        inputs = set()
        dependencies = []
        for param in params:
            target = dependency_target(param, imports)
            if target is None and _identity_alias(param, imports):
                identity.add(param.name.value)  # `user: CurrentUser`, `account: Account`: `Annotated[..., Depends()]` aliases
            elif target is not None:
                if is_guard_name(_last(target)) or "user" in param.name.value or param.name.value in IDENTITY_PARAMETERS \
                        or _names_caller(_last(target)):
                    identity.add(param.name.value)
                    dependencies.append(_last(target))
            elif param.name.value not in ("request", "req", "self", "db", "session"):
                inputs.add(param.name.value)
        methods = methods or _api_view_methods(function) or frozenset({"GET"})
        identity |= body_callers(function, {n for n in names if n in CLIENT_ROOTS})
        library = library_sign_ins(function, imports)
        identity |= library.callers
        inputs |= _captured_ids(function)
        route_dependencies = [n for d in function.decorators if isinstance(d.decorator, cst.Call)
                              for n in dependency_names(d.decorator)]  # `@router.delete(..., dependencies=[...])`
        restricted = required or restricts([*guards, *dependencies, *identity, *route_dependencies,
                                            *(_annotation_names(p) for p in params)]) \
            or (controller is not None and controller.restricted) or _permission_classes_restrict(function, imports) \
            or library.restricted
        authenticated = bool(guards or identity) or library.signed_in \
            or (controller is not None and controller.authenticated)
        return Handler(function, methods, authenticated, restricted, identity,
                       {n for n in inputs if (ID_NAME.match(n) or n in path_params or n in CAPTURE_ATTRIBUTES)
                        and fw.name_words(n)[-1:] not in fw.PRESENTED_CREDENTIAL_LAST}, inputs, drf_default=drf_default,
                       dependency=controller is None and not is_route_handler(function))
    operation = (operations or {}).get(function.name.value) if owner is None else None
    if operation is not None:
        handler = connexion_handler(function, operation)
        handler.authenticated = handler.authenticated or bool(guards)  # a guard decorator of its own
        handler.restricted = handler.restricted or required or restricts(guards)
        return handler
    if names == ["request"] and imports.imports_any(REQUEST_ONLY_FRAMEWORKS) and not function.name.value.startswith("_"):
        captured = _captured_ids(function)
        routed = (listed or {}).get(function.name.value)
        methods = routed.methods if routed is not None else frozenset({"GET"})
        if captured or routed:
            # `request.user` (Starlette's `AuthenticationMiddleware`) read in the body: it knows who calls
            signs_in = sign_in_calls(function, "request")
            knows_caller = any(d.startswith(STARLETTE_CALLERS) for d in dotted_uses(function.body)) or bool(signs_in)
            return Handler(function, methods, bool(guards) or knows_caller,
                           required or restricts([*guards, *signs_in])
                           or _requires_a_role(function), client_ids=captured, inputs=captured)
    if names[:1] == ["request"] and module_uses_django(imports) and not function.name.value.startswith("_"):
        http = {n for n in decorators if n in fw.DJANGO_METHOD_DECORATORS}
        fixed = next((fw.DJANGO_METHOD_DECORATORS[n] for n in http if fw.DJANGO_METHOD_DECORATORS[n]), None)
        return Handler(function, fixed or frozenset({"GET", "POST"}), bool(guards),
                       required or restricts(guards) or _permission_classes_restrict(function, imports),
                       drf_default=drf_default,
                       client_ids={n for n in names[1:] if ID_NAME.match(n)}, inputs=set(names[1:]))
    return None


def connexion_handler(function: cst.FunctionDef, operation: Operation) -> Handler:
    """A function an OpenAPI document routes (Connexion): its parameters are the operation's path and query parameters
    and `body`, and, when a security scheme checked the caller, `user` and `token_info` name who calls."""
    names = [p.name.value for p in parameters(function)]
    identity = set(CONNEXION_CALLER_PARAMETERS & set(names)) if operation.secured else set()
    inputs = {n for n in names if n not in identity and n not in CONNEXION_CALLER_PARAMETERS}
    client_ids = {n for n in inputs if (ID_NAME.match(n) or n in operation.path_params)
                  and fw.name_words(n)[-1:] not in fw.PRESENTED_CREDENTIAL_LAST}
    return Handler(function, operation.methods, operation.secured, restricts(operation.scopes), identity, client_ids,
                   inputs)


@dataclass(frozen=True)
class DrfAction:
    """A DRF viewset's extra route, `@action(detail=True, methods=["post"], permission_classes=[...])`."""

    methods: frozenset[str]
    permissions: list[str] | None  # the classes its own `permission_classes=` names, None when it keeps the class's


def _drf_action(function: cst.FunctionDef, imports: ImportTable) -> DrfAction | None:
    """The `@action(...)` (DRF's `rest_framework.decorators.action`) that makes a viewset's method a route."""
    for decorator in function.decorators:
        call = decorator.decorator
        if type(call) is not cst.Call or imports.qualified_name(call.func) != DRF_ACTION:
            continue
        listed = _keyword_value(call, "methods")
        methods = frozenset(m.upper() for m in (guard_texts(listed) if listed is not None else ["get"]))
        permissions = _keyword_value(call, "permission_classes")
        return DrfAction(methods, guard_texts(permissions) if permissions is not None else None)
    return None


def _role_alias(name: str, annotation: cst.BaseExpression | None, imports: ImportTable) -> bool:
    """`teacher: Teacher`, `seller: CurrentSeller` with the alias imported from the dependencies module (`from .deps
    import Teacher`, where `Teacher = Annotated[User, Depends(require_teacher)]`), or `current_seller: Seller`: the
    caller in a role, not a body the client sends (its schema comes from `schemas` or `models`)."""
    if annotation is None or not set(fw.name_words(name)) & CALLER_ROLES:
        return False  # `current_password: str` is a field of the body
    alias = imports.qualified_name(annotation) or ""
    module = alias.rpartition(".")[0].rpartition(".")[2]
    return alias.rpartition(".")[2][:1].isupper() and (name.startswith("current_") or module in DEPENDENCY_MODULES)


def _identity_dependency(function: cst.FunctionDef, imports: ImportTable) -> bool:
    """A FastAPI dependency that takes a value of the request (`x_tenant_id: int = Header()`) beside the signed-in
    caller (`user = Depends(get_current_user)`): it runs for each route that asks for it, and what it loads by the
    client's value (`db.get(Tenant, x_tenant_id)`) is judged as a route's lookup."""
    if function.decorators or not imports.imports_any(("fastapi",)):
        return False
    params = parameters(function)
    if not any(reads_the_request(p, imports) for p in params):
        return False
    return any((target := dependency_target(p, imports)) is not None
               and (is_guard_name(_last(target)) or "user" in p.name.value or p.name.value in IDENTITY_PARAMETERS
                    or _names_caller(_last(target))) or target is None and _identity_alias(p, imports) for p in params)


def _identity_alias(param: cst.Param, imports: ImportTable) -> bool:
    """`user: CurrentUser`, `account: Account`: a parameter typed with an `Annotated[..., Depends()]` alias of the
    caller, defined elsewhere."""
    annotation = param.annotation.annotation if param.annotation is not None else None
    annotated = _last(get_full_name_for_node(annotation)) if annotation is not None else ""
    return bool(annotated) and annotated != "Annotated" and (
        fw.reads_as_guard(annotated) or (annotated[:1].isupper() and param.name.value in IDENTITY_PARAMETERS)
        or _role_alias(param.name.value, annotation, imports))


def _captured_ids(function: cst.FunctionDef) -> set[str]:
    """Names bound to a capture of the URL (`note_id = request.path_params["note_id"]`, also through `int(...)`), and
    the captures read inline elsewhere (`Note.get(request.path_params["note_id"])`), by their attribute's name
    (`path_params`, which the lookup then names)."""
    found: set[str] = set()
    pending: list[cst.CSTNode] = [function.body]
    while pending:
        node = pending.pop()
        if isinstance(node, cst.Assign) and _captures(node.value):
            found.update(t.target.value for t in node.targets if isinstance(t.target, cst.Name))
            continue
        if type(node) is cst.Subscript and type(node.value) is cst.Attribute and dotted_name(node.value) in PATH_CAPTURES:
            found.add(node.value.attr.value)
        pending.extend(c for c in child_nodes(node) if not isinstance(c, (cst.FunctionDef, cst.ClassDef, cst.Lambda)))
    return found


def _captures(value: cst.BaseExpression) -> bool:
    """`request.path_params["note_id"]`, `request.path_params.get("note_id")`, also converted (`int(...)`, `UUID(...)`):
    the capture itself, not a row fetched by it (`await Note.get(request.path_params["note_id"])`)."""
    while type(value) is cst.Call and value.args and _last(dotted_name(value.func)) in CAPTURE_CONVERSIONS:
        value = value.args[0].value
    if type(value) is cst.Call and type(value.func) is cst.Attribute and value.func.attr.value == "get":
        value = value.func.value
    elif type(value) is cst.Subscript:
        value = value.value
    return dotted_name(value) in PATH_CAPTURES


# aiohttp-security's calls in a handler's body: `check_authorized(request)` raises unless someone signed in and, as
# `authorized_userid(request)`, answers who; `check_permission(request, "admin")` asks the policy about a permission.
AIOHTTP_SECURITY_MODULES = ("aiohttp_security",)
SIGN_IN_CALLS = frozenset({f"aiohttp_security.{module}{name}" for module in ("", "api.")
                           for name in ("check_authorized", "authorized_userid")})
PERMISSION_CALLS = frozenset({f"aiohttp_security.{module}check_permission" for module in ("", "api.")})


@dataclass
class LibrarySignIn:
    """What aiohttp-security's calls in a handler's body say: someone signed in, the names holding who, and whether
    a permission named for a role was asked for."""

    signed_in: bool = False
    callers: set[str] = field(default_factory=set)
    restricted: bool = False


def library_sign_ins(function: cst.FunctionDef, imports: ImportTable) -> LibrarySignIn:
    """`user_id = await check_authorized(request)`, `await check_permission(request, "admin")` in the handler's body."""
    found = LibrarySignIn()
    if not imports.imports_any(AIOHTTP_SECURITY_MODULES):
        return found
    for node in walk_own(function.body):
        value = node.value if isinstance(node, (cst.Assign, cst.Expr)) else None
        value = value.expression if type(value) is cst.Await else value
        if type(value) is not cst.Call:
            continue
        name = imports.qualified_name(value.func)
        if name in SIGN_IN_CALLS:
            found.signed_in = True
            if type(node) is cst.Assign:
                found.callers.update(t.target.value for t in node.targets if type(t.target) is cst.Name)
        elif name in PERMISSION_CALLS and len(value.args) > 1:
            found.signed_in = True
            found.restricted |= restricts([string_value(value.args[1].value) or ""])
    return found


def body_callers(function: cst.FunctionDef, requests: set[str]) -> set[str]:
    """Names bound in the body to the caller a function named for one reads from the request or event it is handed
    (`user = principal(req)`, `owner = caller_id(event)`), or that the request's context carries (`user =
    req.context["user"]`, a Falcon middleware's)."""
    found: set[str] = set()
    for node in walk_own(function.body):
        if type(node) is not cst.Assign:
            continue
        value = node.value.expression if type(node.value) is cst.Await else node.value
        targets = [t.target.value for t in node.targets if type(t.target) is cst.Name]
        if signs_in_with(value, requests, guards=False) or context_caller(value) \
                or len(targets) == 1 and targets[0] in CALLER_ROLES and _finds_caller(value, requests):
            found.update(targets)
    return found


def _finds_caller(value: cst.BaseExpression, requests: Set[str]) -> bool:
    """`merchant_for(self.db, request)` bound to a caller's role (`merchant = ...`): a call handed the request and
    nothing the client chose (only the request, the handler's own attributes and a database), whatever its name."""
    if type(value) is not cst.Call or not value.args:
        return False
    handed = [a.value for a in value.args]
    return any(type(v) is cst.Name and v.value in requests for v in handed) and all(
        type(v) is cst.Name and (v.value in requests or v.value in HANDED_RESOURCES)
        or type(v) is cst.Attribute and type(v.value) is cst.Name and v.value.value == "self" for v in handed)


def sign_in_calls(function: cst.FunctionDef, request: str) -> list[str]:
    """The functions named for the caller or for a sign-in guard that the body hands the request (`await
    require_user(request)`, `user = current_user(request)`): a Starlette handler listed in `routes = [Route(...)]`
    signs its caller in by such a call, which raises or redirects when nobody is signed in (`require_admin` also
    restricts it)."""
    return [_last(dotted_name(n.func)) for n in walk_own(function.body) if type(n) is cst.Call and signs_in_with(n, {request})]


def signs_in_with(node: cst.CSTNode, requests: Set[str], guards: bool = True) -> bool:
    """`user = principal(req)`, `await current_user(request)`, `require_user(request)`: a call of a function named for
    the caller (or, with `guards`, for a sign-in guard), handed one of the `requests` by name."""
    if type(node) is cst.Await:
        node = node.expression
    return type(node) is cst.Call and any(type(a.value) is cst.Name and a.value.value in requests for a in node.args) \
        and (names_the_caller(node.func) or guards and fw.reads_as_guard(_last(dotted_name(node.func))))


def context_caller(node: cst.BaseExpression) -> bool:
    """`req.context.user`, `req.context["user"]`, `req.context.get("user")`: the caller a middleware put in the context."""
    if type(node) is cst.Attribute:
        return dotted_name(node.value) in CALLER_CONTEXTS and node.attr.value in CALLER_KEYS
    if type(node) is cst.Subscript and len(node.slice) == 1 and type(node.slice[0].slice) is cst.Index:
        return dotted_name(node.value) in CALLER_CONTEXTS and string_value(node.slice[0].slice.value) in CALLER_KEYS
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "get" and node.args:
        return dotted_name(node.func.value) in CALLER_CONTEXTS and string_value(node.args[0].value) in CALLER_KEYS
    return False


def context_callers(module: cst.Module, imports: ImportTable) -> bool:
    """Whether a Falcon module puts a caller in the request's context or reads one there (`req.context.user = user` in
    its middleware, `req.context["user"]` in a responder): its app signs users in, not only API keys."""
    if not imports.imports_any((fw.FALCON_MODULE,)):
        return False
    pending: list[cst.CSTNode] = [module]  # every node, in the middleware's and the resources' methods too
    while pending:
        node = pending.pop()
        if isinstance(node, (cst.Attribute, cst.Subscript, cst.Call)) and context_caller(node):
            return True
        pending.extend(child_nodes(node))
    return False


def falcon_responder(function: cst.FunctionDef, imports: ImportTable, module_callers: bool = False) -> Handler | None:
    """A Falcon resource's responder (`on_get(self, req, resp, note_id)`, `on_delete_item`): its captures are the
    client's; it knows the caller when it reads the one the app's middleware put in the request's context
    (`req.context.user`), when its module does so elsewhere (`module_callers`: the middleware or the other responders),
    or when it has a guard decorator. A responder with none is no handler here: behind an app-wide middleware, if any,
    it serves the app's shared data to every key alike, and whether it needs a guard is VC201's to judge."""
    responder = fw.FALCON_RESPONDER.match(function.name.value)
    names = [p.name.value for p in parameters(function)]
    if responder is None or len(names) < 3 or not imports.imports_any((fw.FALCON_MODULE,)):
        return None
    requests = {names[1]}
    identity = body_callers(function, requests)
    reads_caller = bool(identity) or module_callers or any(
        isinstance(node, (cst.Attribute, cst.Subscript, cst.Call)) and context_caller(node)
        for node in walk_own(function.body))
    captures = set(names[3:])
    guards = [n for n in decorator_names(function, imports) if is_guard_name(n)]
    if not (reads_caller or guards):
        return None
    return Handler(function, frozenset({responder.group(1).upper()}), True, restricts(guards),
                   identity, {n for n in captures if ID_NAME.match(n)}, captures)


def names_the_caller(func: cst.BaseExpression) -> bool:
    """`principal`, `caller_id`, `get_current_user`: a function named for the caller (or their id) it answers, not for
    something of theirs (`get_user_data`)."""
    words = fw.name_words(_last(dotted_name(func)))
    if words[-1:] == ["id"]:
        words = words[:-1]
    return bool(words) and words[-1] in CALLER_WORDS


def _requires_a_role(function: cst.FunctionDef) -> bool:
    """`@requires("admin")`, `@requires(["authenticated", "staff"])`: a scope beyond signing in."""
    for decorator in function.decorators:
        expression = decorator.decorator
        if isinstance(expression, cst.Call) and _last(get_full_name_for_node(expression.func)) == "requires" \
                and expression.args:
            scopes = expression.args[0].value
            values = [e.value for e in scopes.elements] if isinstance(scopes, (cst.List, cst.Tuple)) else [scopes]
            if any(string_value(v) not in SIGNED_IN_SCOPES for v in values):
                return True
    return False


def _api_view_methods(function: cst.FunctionDef) -> frozenset[str]:
    """`@api_view(["POST"])`: the methods a DRF function view answers (empty when it names none)."""
    for decorator in function.decorators:
        expression = decorator.decorator
        if isinstance(expression, cst.Call) and _last(get_full_name_for_node(expression.func)) == "api_view" \
                and expression.args and isinstance(expression.args[0].value, (cst.List, cst.Tuple)):
            return frozenset((string_value(e.value) or "").upper() for e in expression.args[0].value.elements)
    return frozenset()


def _names_caller(factory: str) -> bool:
    """`firebase_user`, `get_account`: a dependency named for the caller (not `get_user_repository`); also one named
    for the current caller in a role (`current_customer`, `get_current_patient`), not for a role it requires."""
    words = fw.name_words(factory)
    return bool(words) and (words[-1] in IDENTITY_FACTORY_ENDS or "current" in words and words[-1] in CALLER_ROLES)


def _annotation_names(param: cst.Param) -> str:
    """`admin: AdminUser` -> "AdminUser": the alias of a dependency that may restrict (`Annotated[..., Depends()]`)."""
    annotation = param.annotation.annotation if param.annotation is not None else None
    return _last(get_full_name_for_node(annotation)) if annotation is not None else ""


def dotted_uses(node: cst.CSTNode, skip: set[int] | frozenset[int] = frozenset()) -> Iterator[str]:
    """The dotted names (`request.user.id`, `current_user`) used inside a node, outermost first, not inside the nodes
    whose ids are in `skip`."""
    pending: list[cst.CSTNode] = [node]
    while pending:
        current = pending.pop()
        if id(current) in skip:
            continue
        if isinstance(current, (cst.Name, cst.Attribute)):
            dotted = get_full_name_for_node(current)
            if dotted is not None:
                yield dotted
                if isinstance(current, cst.Attribute):
                    pending.append(current.value)
                continue
        pending.extend(child_nodes(current))
