"""What the web frameworks' routes, views and auth guards look like, as data shared by the VC2xx rules.

Names are matched on the last dotted component after import resolution, so `from flask_login import
login_required as lr` and `flask_login.login_required` both count. Everything a user may extend is also
an option of the rule that uses it.
"""

from __future__ import annotations

import functools

from vibecheck.patterns import lazy_pattern

STATE_CHANGING_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
HTTP_METHODS = STATE_CHANGING_METHODS | {"GET", "HEAD", "OPTIONS", "*"}
# Frameworks whose views answer any method they are not limited to: one that writes a record changes state on a GET too.
ANY_METHOD_FRAMEWORKS = frozenset({"django", "drf", "cherrypy"})

# `@app.route(...)`/`@router.post(...)`: decorator attribute -> HTTP method (None: read `methods=`). A WebSocket
# endpoint (FastAPI's, Quart's and Sanic's `@app.websocket("/ws")`, Starlette's `@app.websocket_route(...)`) is
# reached by a GET.
ROUTE_DECORATORS: dict[str, str | None] = {
    "route": None, "api_route": None, "custom_route": None,
    "get": "GET", "head": "HEAD", "options": "OPTIONS",
    "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE",
    "websocket": "GET", "websocket_route": "GET",
}
# Registration calls whose first argument is a path: `app.add_url_rule("/x", view_func=...)`, Starlette's
# `app.add_route("/x", f, methods=[...])` (aiohttp's `router.add_route("POST", "/x", f)` puts the method first).
# Calls that fix the method: aiohttp's `router.add_post("/x", f)`; a websocket endpoint is reached by a GET.
REGISTRATION_CALLS = frozenset({"add_url_rule", "add_api_route", "add_route", "add_websocket_route", "add_api_websocket_route",
                                "add_get", "add_post", "add_put", "add_patch", "add_delete"})
REGISTRATION_METHODS: dict[str, str] = {
    "add_websocket_route": "GET", "add_api_websocket_route": "GET", "add_get": "GET", "add_post": "POST",
    "add_put": "PUT", "add_patch": "PATCH", "add_delete": "DELETE",
}
# Route objects in a route list (`routes = [Route("/x", f, methods=["DELETE"])]; app = Starlette(routes=routes)`):
# class -> the method it answers when it names none (None: read `methods=`, GET by default).
ROUTE_OBJECTS: dict[str, str | None] = {"Route": None, "APIRoute": None, "WebSocketRoute": "GET", "APIWebSocketRoute": "GET"}
ROUTE_OBJECT_MODULES = ("starlette.", "fastapi.")
# aiohttp's route definitions, spelled through `from aiohttp import web`: `app.add_routes([web.post("/x", f)])`,
# `web.route("POST", "/x", f)`, `web.view("/x", ItemView)`. Function -> its method (None: the first argument names it).
AIOHTTP_MODULE = "web"
AIOHTTP_ROUTE_DEFS: dict[str, str | None] = {"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH",
                                             "delete": "DELETE", "view": "GET", "route": None}
# Frameworks whose route decorators are bare verbs bound to no app (`from litestar import get`; `@get("/x")`): the
# handler is listed in `Litestar(route_handlers=[...])` or a `Router(...)`, whose `guards=[...]` cover it; or is a method
# of a django-ninja-extra controller (`from ninja_extra import http_get`; `@http_get("/{project_id}")`).
HANDLER_DECORATOR_MODULES = ("litestar.", "ninja_extra.")
# django-ninja-extra's verbs -> the method each answers, beside Litestar's (`ROUTE_DECORATORS`).
CONTROLLER_VERBS: dict[str, str] = {"http_get": "GET", "http_post": "POST", "http_put": "PUT", "http_patch": "PATCH",
                                    "http_delete": "DELETE"}
BARE_VERBS: dict[str, str | None] = {**ROUTE_DECORATORS, **CONTROLLER_VERBS}
# Nameko's HTTP entrypoint names its methods before its path: `@http("POST", "/payouts/<int:payout_id>")`,
# `@http("GET,HEAD", "/health")`, a method of a service class whose other entrypoints are RPC or events.
METHOD_FIRST_ROUTES = frozenset({"nameko.web.handlers.http", "nameko.web.http"})
# django-ninja-extra's class of routes: `@api_controller("/projects", permissions=[IsAuthenticated], auth=JWTAuth())`
# prefixes its verb-decorated methods' paths and guards each of them, unless a route's own `permissions=` (also
# `[AllowAny]`) replaces the controller's; with none, the settings' default lets anyone in.
CONTROLLER_DECORATOR = "ninja_extra.api_controller"
CONTROLLER_PERMISSIONS = "permissions"
HANDLER_OWNERS = frozenset({"Litestar", "Router"})
# Litestar's class of routes (`class NoteController(Controller)`): its `path` prefixes the verbs' paths of its methods,
# its `guards = [...]` run before each of them.
HANDLER_CLASS = "Controller"
# `Mount("/api", routes=[...])`: a prefix for the route objects listed inside it.
MOUNTS = frozenset({"Mount"})
# `Mount("/admin", app=Router(routes=[...]))`: the apps a `Mount` may be given whose routes it prefixes -> the position
# of their `routes` argument (None: keyword only).
MOUNTED_APP_ROUTES: dict[str, int | None] = {"Router": 0, "Starlette": None}
# `Starlette(middleware=[Middleware(TokenAuthMiddleware)])`: app-wide middleware, like `app.add_middleware(...)`.
MIDDLEWARE_WRAPPERS = frozenset({"Middleware"})
ROUTE_OBJECT_NAMES = frozenset(ROUTE_OBJECTS) | MOUNTS | MIDDLEWARE_WRAPPERS
# aiohttp's app-wide middleware: `web.Application(middlewares=[auth_middleware])`, `app.middlewares.append(...)`.
AIOHTTP_APPLICATION = "aiohttp.web.Application"
MIDDLEWARE_LISTS = frozenset({"middlewares"})
# Calls that put a router's routes under an app: FastAPI's `include_router`, Flask's `register_blueprint`, aiohttp's
# `app.add_routes(routes)` with a `RouteTableDef` (the app's middleware then runs for them), Django Ninja's
# `api.add_router("/orders", router)`, Sanic's `app.blueprint(bp, url_prefix="/admin")`. Call -> (position, keyword) of
# the router it includes.
INCLUDE_CALLS: dict[str, tuple[int, str]] = {"include_router": (0, "router"), "register_blueprint": (0, "blueprint"),
                                             "add_routes": (0, "routes"), "add_router": (1, "router"),
                                             "blueprint": (0, "blueprint")}
# Sanic's `api = Blueprint.group(users, admin, url_prefix="/api")`: the blueprints listed are included in the group, its
# `url_prefix` before their own (the class and method, as the call names them).
BLUEPRINT_GROUP_CALLS = frozenset({"Blueprint.group"})
GROUP_METHOD = "group"
# Django Ninja guards with authentication objects given as `auth=` to `NinjaAPI(...)`, `Router(...)`,
# `api.add_router(...)` or a route decorator; a route's own `auth=` replaces its router's (`auth=None` opens it
# whatever its router or API requires), and a list that also lets anonymous callers in guards nothing.
AUTH_KEYWORD_MODULES = frozenset({"ninja", "ninja_extra"})
AUTH_KEYWORD = "auth"
AUTH_KEYWORD_CONSTRUCTORS = frozenset({"ninja.NinjaAPI", "ninja.Router", "ninja.main.NinjaAPI", "ninja.router.Router"})
# Route decorators' keywords that authenticate the route when they name something, by the module the file imports:
# Chalice's `@app.route("/docs", methods=["POST"], authorizer=cognito)`, Robyn's `@app.get("/me", auth_required=True)`.
ROUTE_GUARD_KEYWORDS: dict[str, str] = {"chalice": "authorizer", "robyn": "auth_required",
                                        "ninja_extra": CONTROLLER_PERMISSIONS}
# Guard decorators that only mark the function they are given (BlackSheep's `@auth("admin")` sets `f.auth_policy` and
# returns `f`), which the framework reads when it serves the route: above the route decorator they guard it as well.
MARKING_GUARD_MODULES = ("blacksheep.",)
# Azure Functions' HTTP triggers ask for a function key unless their level is anonymous: a route's own `auth_level=`
# decides, else the `http_auth_level=` of the app or blueprint in its module (`func.FunctionApp(...)`, whose default,
# like a blueprint's, is `AuthLevel.FUNCTION`).
AZURE_FUNCTIONS_MODULE = "azure.functions"
AZURE_ROUTE_LEVEL = "auth_level"
AZURE_APP_LEVEL = "http_auth_level"
AZURE_APPS = frozenset({"FunctionApp", "AsgiFunctionApp", "WsgiFunctionApp", "Blueprint"})
AZURE_OPEN_LEVEL = "anonymous"
# Decorators that make a view of a function and name its guard themselves: Pyramid's `@view_config(route_name=
# "invoice", request_method="POST", permission="edit")` (the route's name stands for its path, which `config.add_route`
# sets elsewhere) and Strawberry's resolvers, `@strawberry.mutation(permission_classes=[IsAuthenticated])` (a mutation
# changes state as a POST does, a field answers as a GET), and Modal's web endpoints (`@modal.fastapi_endpoint(method=
# "POST")`, formerly `web_endpoint`), served at a URL made from the function's name, open to anyone unless
# `requires_proxy_auth=True` asks for Modal's proxy-auth tokens. Decorator -> (keyword naming the path, keyword naming
# the methods, the method when it is fixed, the guard keyword).
GUARDED_VIEW_DECORATORS: dict[str, tuple[str | None, str | None, str | None, str]] = {
    "pyramid.view.view_config": ("route_name", "request_method", None, "permission"),
    "strawberry.mutation": (None, None, "POST", "permission_classes"),
    "strawberry.field": (None, None, "GET", "permission_classes"),
    "strawberry.subscription": (None, None, "GET", "permission_classes"),
    "modal.fastapi_endpoint": (None, "method", None, "requires_proxy_auth"),
    "modal.web_endpoint": (None, "method", None, "requires_proxy_auth"),
}
GUARDED_VIEW_MODULES = ("pyramid", "strawberry", "modal")
# What such a view is handed that the client does not choose: the GraphQL parent and resolve info, Pyramid's request
# and context; and the annotations of an id argument (`id: strawberry.ID`).
VIEW_SERVER_PARAMETERS = frozenset({"self", "cls", "root", "parent", "info", "request", "context"})
ID_TYPES = frozenset({"ID", "UUID", "GlobalID"})
# Containers of the URL's captures a view reads through the request (Pyramid's `request.matchdict["id"]`): a lookup
# keyed by what they hold is keyed by the client's choice.
VIEW_CAPTURES: dict[str, frozenset[str]] = {"pyramid.view.view_config": frozenset({"matchdict"})}
# Field resolvers are entry points only on a schema's root types (`class Query`, `class Mutation`); on the other types
# they compute a field of data the root resolvers already returned.
ROOT_TYPE_VIEWS = frozenset({"strawberry.field"})
ROOT_TYPE_NAMES = ("Query", "Mutation", "Subscription")
# Graphene's resolvers are methods found by name, not by a decorator: a root type's `resolve_<field>` answers as a GET
# does, a mutation class's `mutate` (Relay's `mutate_and_get_payload`) changes state as a POST does. Their guards are
# decorators (graphql_jwt's `@login_required`, `@superuser_required`). Method -> the method it answers.
GRAPHENE_MODULE = "graphene"
# Ariadne binds resolvers to a schema type's fields (`@query.field("order")`, `@mutation.field("refund")`); each is handed
# the resolve `info` (whose context carries the request) before the client's arguments.
ARIADNE_MODULE = "ariadne"
ARIADNE_FIELD = "field"
ARIADNE_INFO = "info"
ARIADNE_MUTATION_WORD = "mutation"
# Prefixes of the functions a resolver hands its `info` to refuse a caller (`require_member(info)`, `ensure_staff(info)`).
GUARD_CALL_PREFIXES = ("require_", "ensure_")
GRAPHENE_MUTATIONS: dict[str, str] = {"mutate": "POST", "mutate_and_get_payload": "POST"}
GRAPHENE_RESOLVER = lazy_pattern(r"^resolve_\w+$")
# Flask-AppBuilder's views and APIs (`class ReportsView(BaseView)`, `class CrmApi(BaseApi)`) route each method decorated
# with `@expose("/path", methods=[...])`; only its own `@has_access`/`@protect()` guards it (the generated CRUD views of a
# `ModelView` or `ModelRestApi` carry theirs).
FAB_MODULE = "flask_appbuilder"
FAB_EXPOSE = frozenset({"expose", "expose_api"})
# Class decorators that give each view of the class its default guard: `@view_defaults(permission="admin")`.
VIEW_DEFAULTS_DECORATORS: dict[str, str] = {"pyramid.view.view_defaults": "permission"}
# A guard keyword's value that requires nothing: Pyramid's `permission=NO_PERMISSION_REQUIRED`, Robyn's
# `auth_required=False`.
OPEN_GUARD_VALUES = frozenset({"NO_PERMISSION_REQUIRED", "False"})
# Flask-RESTful/Flask-RESTX: `api.add_resource(ItemResource, "/items/<int:item_id>")`.
RESOURCE_REGISTRATIONS = frozenset({"add_resource"})
# Keywords that give a router or an `include_router`/`register_blueprint` call a path prefix.
PREFIX_KEYWORDS = ("url_prefix", "prefix")
# The include keyword that replaces the included blueprint's own prefix instead of coming before it (Flask's and
# Quart's `register_blueprint`, Sanic's `blueprint`); the parent's prefix still comes before it.
REPLACING_PREFIX_KEYWORD = "url_prefix"
# Django URLconf entries and DRF router registrations: the view is their second argument.
URLCONF_CALLS = frozenset({"path", "re_path", "url", "register"})
# Where Django's URL helpers live: a call resolved to one of them is a URLconf entry also inside a function.
URLCONF_MODULES = ("django.urls.", "django.conf.urls.")
# Module-level settings that decide whether views are guarded by default (Django, DRF).
SECURITY_SETTINGS = frozenset({"REST_FRAMEWORK", "MIDDLEWARE"})
# Keys of `REST_FRAMEWORK` that decide it: unknown when the dict copies another (`{**BASE, ...}`).
DEFAULT_SETTINGS_KEYS = ("DEFAULT_PERMISSION_CLASSES",)
# `INSTALLED_APPS` and the lists it is often built from (`THIRD_PARTY_APPS`): a settings module that installs DRF
# and sets no `DEFAULT_PERMISSION_CLASSES` leaves DRF's own default, `AllowAny`. Only these apps are kept.
INSTALLED_APPS = "INSTALLED_APPS"
APP_LIST_SUFFIX = "_APPS"
APPS_THAT_MATTER = frozenset({"rest_framework"})
# Django middleware that makes every view require a login (Django 5.1+) unless marked `login_not_required`.
LOGIN_MIDDLEWARE = frozenset({"LoginRequiredMiddleware"})
# The methods of a Django middleware class that see each request before its view (a project's own login middleware
# turns callers away there).
DJANGO_MIDDLEWARE_METHODS = frozenset({"__call__", "process_request", "process_view"})
# DRF permission classes that let everyone in.
OPEN_PERMISSIONS = frozenset({"AllowAny"})
# Hooks that run before each request's view and may turn it away by answering, aborting or raising; Flask's
# `url_value_preprocessor` too (ihatemoney's `pull_project` raises a redirect to the project's sign-in form).
BEFORE_REQUEST_HOOKS = frozenset({"before_request", "before_app_request", "url_value_preprocessor"})
# `@app.middleware("http")` functions and `app.add_middleware(Cls)`: app-wide, but they only guard when they deny.
MIDDLEWARE_HOOKS = frozenset({"middleware"})
MIDDLEWARE_REGISTRATIONS = frozenset({"add_middleware"})
# Middleware that only identifies the user and leaves the decision to each route.
IDENTIFYING_MIDDLEWARE = frozenset({"AuthenticationMiddleware", "SessionMiddleware"})
APP_CONSTRUCTORS = frozenset({"Flask", "FastAPI", "Quart", "Starlette"})
ROUTER_CONSTRUCTORS = frozenset({"Blueprint", "APIRouter", "FastAPI"})
# The end of the name of FastAPI router classes that take `prefix=` and `dependencies=` as `APIRouter` does: cadwyn's
# `VersionedAPIRouter`, a project's `AuthedAPIRouter(APIRouter)`.
ROUTER_CLASS_SUFFIX = "APIRouter"

# Falcon: `app = falcon.App(middleware=[TokenMiddleware()])`, then `app.add_route("/items/{id}", ItemResource(db),
# suffix="item")` routes the resource's responders (`on_get`, `on_post_item` with that suffix) whatever its class
# derives from. A middleware class guards its app when its `process_request`/`process_resource` can deny;
# `@falcon.before(hook)` runs an auth hook before a responder, or before each responder of a class.
FALCON_MODULE = "falcon"
FALCON_APPS = frozenset({"falcon.App", "falcon.API", "falcon.app.App", "falcon.asgi.App", "falcon.asgi.app.App"})
FALCON_RESPONDER = lazy_pattern(r"^on_(get|head|options|post|put|patch|delete)(?:_(\w+))?$")
FALCON_MIDDLEWARE_METHODS = frozenset({"process_request", "process_resource"})
FALCON_HOOKS = frozenset({"falcon.before", "falcon.hooks.before"})

# Django and DRF function-view decorators that say which methods a view answers.
DJANGO_METHOD_DECORATORS: dict[str, frozenset[str] | None] = {
    "require_POST": frozenset({"POST"}),
    "require_GET": frozenset({"GET"}),
    "require_safe": frozenset({"GET", "HEAD"}),
    "require_http_methods": None,  # read the first argument
    "api_view": None,
}

# Class-based views: base class -> state-changing by inheritance alone (it handles POST without a method here).
VIEW_BASES: dict[str, bool] = {
    # Flask, Flask-RESTful, Flask-RESTX; Starlette's class endpoints; Tornado's handlers; Sanic's class views
    "MethodView": False, "View": False, "Resource": False, "HTTPEndpoint": False, "RequestHandler": False,
    "HTTPMethodView": False,
    # Django
    "TemplateView": False, "ListView": False, "DetailView": False, "RedirectView": False,
    "FormView": True, "CreateView": True, "UpdateView": True, "DeleteView": True,
    "BaseFormView": True, "BaseCreateView": True, "BaseUpdateView": True, "BaseDeleteView": True,
    # Django REST framework
    "APIView": False, "GenericAPIView": False, "ViewSet": False, "GenericViewSet": False,
    "ViewSetMixin": False, "ListAPIView": False, "RetrieveAPIView": False, "ReadOnlyModelViewSet": False,
    "ModelViewSet": True, "CreateAPIView": True, "UpdateAPIView": True, "DestroyAPIView": True,
    "ListCreateAPIView": True, "RetrieveUpdateAPIView": True, "RetrieveDestroyAPIView": True,
    "RetrieveUpdateDestroyAPIView": True,
    "CreateModelMixin": True, "UpdateModelMixin": True, "DestroyModelMixin": True,
}
DRF_VIEW_BASES = frozenset({
    "APIView", "GenericAPIView", "ViewSet", "GenericViewSet", "ViewSetMixin", "ListAPIView", "RetrieveAPIView",
    "ReadOnlyModelViewSet", "ModelViewSet", "CreateAPIView", "UpdateAPIView", "DestroyAPIView", "ListCreateAPIView",
    "RetrieveUpdateAPIView", "RetrieveDestroyAPIView", "RetrieveUpdateDestroyAPIView",
})
VIEW_MODULE_PREFIXES = ("flask.", "django.", "rest_framework.", "quart.", "flask_restful.", "flask_restx.",
                        "flask_smorest.", "starlette.", "aiohttp.", "tornado.web.", "sanic.views.")
# A module that imports Tornado names its handlers' bases `...Handler` (`BaseHandler`, `AuthedHandler`), often defined in
# another module of the project: such a base makes a class-based view there.
HANDLER_BASE_MODULE = "tornado"
HANDLER_BASE_SUFFIX = "Handler"
# Class attributes that list decorators applied to every handler of a class-based view.
CLASS_DECORATOR_ATTRIBUTES = frozenset({"decorators", "method_decorators"})
# Request attributes that only a handler of submitted data reads (Django).
SUBMITTED_DATA = frozenset({"request.POST", "request.FILES", "self.request.POST", "self.request.FILES"})
# Handler methods of class-based views that change state.
STATE_CHANGING_HANDLERS = frozenset({"post", "put", "patch", "delete", "create", "update", "partial_update", "destroy"})

# Last words of a handler parameter that carries a one-time credential the client presents (`token`, `reset_code`):
# a route that hands it to a check (`manager.verify(token)`) is opened by that credential, as a reset link is, and
# an object looked up by it (`/coupons/{code}`, `/invites/{token}`) is reached by whoever knows the value, by design.
PRESENTED_CREDENTIAL_LAST = (["token"], ["code"], ["otp"])

# Auth guards: decorators, mixins, dependencies (last dotted component).
GUARD_DECORATORS = (
    "login_required", "roles_required", "roles_accepted", "permission_required", "permissions_required",
    "jwt_required", "fresh_jwt_required", "jwt_optional_required", "auth_required", "token_required",
    "admin_required", "staff_member_required", "superuser_required", "user_passes_test", "requires",
    "requires_auth", "login_user_required", "http_auth_required", "verify_jwt_in_request",
    "permission_classes", "authenticated", "protected",
    "has_access", "has_access_api", "protect",  # Flask-AppBuilder
    "otp_required",  # django-otp: signed in and verified with a second factor
)
GUARD_MIXINS = (
    "LoginRequiredMixin", "PermissionRequiredMixin", "UserPassesTestMixin", "AccessMixin",
    "StaffRequiredMixin", "SuperuserRequiredMixin", "GroupRequiredMixin", "MultiplePermissionsRequiredMixin",
    "OTPRequiredMixin",  # django-two-factor-auth
)
GUARD_DEPENDENCIES = (
    "get_current_user", "get_current_active_user", "get_current_active_superuser", "get_current_superuser",
    "current_user", "verify_token", "verify_api_key", "get_api_key", "oauth2_scheme", "require_user",
    "require_admin", "authenticate", "HTTPBearer", "HTTPBasic", "HTTPDigest", "APIKeyHeader", "APIKeyQuery",
    "APIKeyCookie", "OAuth2PasswordBearer", "OAuth2AuthorizationCodeBearer", "OpenIdConnect",
)
# Words of dependencies that provide a resource, not a caller (`Depends(get_db)`, `Depends(RateLimiter(...))`): a
# `dependencies=[...]` list of only these guards nothing. Any other dependency there may check the caller.
RESOURCE_DEPENDENCY_WORDS = frozenset({
    "db", "database", "session", "sessions", "conn", "connection", "engine", "cursor", "redis", "cache", "settings",
    "config", "configuration", "logger", "logging", "limiter", "ratelimit", "throttle", "pagination", "paginate",
    "paginator", "locale", "language", "lang", "tracer", "tracing", "metrics", "storage", "repo", "repository",
})
# Calls, attributes and names that show an auth check inside a view body.
IN_BODY_CHECKS = (
    "is_authenticated", "is_anonymous", "is_staff", "is_superuser", "is_admin", "has_perm", "has_perms",
    "has_permission", "has_object_permission", "has_role", "check_permission", "check_permissions",
    "check_object_permissions", "verify_jwt_in_request", "get_jwt_identity", "get_jwt", "verify_token",
    "verify_api_key", "authenticate", "authorize", "get_current_user", "require_login", "require_auth", "check_access",
    "PermissionDenied", "NotAuthenticated", "Unauthorized", "NotAuthorized", "Forbidden", "HTTP_401_UNAUTHORIZED",
    "HTTP_403_FORBIDDEN", "HTTPUnauthorized", "HTTPForbidden", "HttpResponseForbidden",
)
# Exceptions whose raise (not whose catch: `except PermissionError` around a file read) shows an auth check in a body:
# Python's own, which GraphQL resolvers raise to refuse (Strawberry and Graphene answer it as an error).
RAISED_DENIALS = frozenset({"PermissionError"})
# Status codes that only an auth check sends: HTTP's, and the close codes a WebSocket endpoint refuses a client with
# before it accepts (the protocol's policy violation, Starlette's `status.WS_1008_POLICY_VIOLATION`, and the
# application codes 4001/4003 that mirror 401/403).
AUTH_STATUS_CODES = frozenset({"401", "403", "1008", "4001", "4003"})
AUTH_STATUS_NAMES = frozenset({"WS_1008_POLICY_VIOLATION"})
# Names whose use turns a caller away: exceptions and answers a function raises or returns to deny.
# Looked up for every name of a walk, so a set: a call is also read by its name's parts (`DENIAL_PARTS`).
DENIAL_NAMES = frozenset({
    "NotAuthenticated", "AuthenticationFailed", "redirect_to_login", "handle_no_permission", "HttpResponseRedirect",
    "LOGIN_URL", "login_url", "PermissionDenied", "Unauthorized", "Forbidden", "UNAUTHORIZED", "FORBIDDEN",
    "HTTP_401_UNAUTHORIZED", "HTTP_403_FORBIDDEN", "HTTPUnauthorized", "HTTPForbidden", "HttpResponseForbidden",
    "unauthorized", "forbidden", "AccessDenied", "PermissionDeniedError", "UnauthorizedError", "ForbiddenError",
    "NotAuthorized",
})
# Parts of the name of a call that turns a caller away: `login_manager.unauthorized()`, `_access_denied_response()`.
DENIAL_PARTS = ("unauthori", "forbidden", "denied", "unauthenticated")

# First words of calls that store, send or change something (`serializer.save()`, `session.commit()`, `send_mail(...)`,
# `redeem_coupon(...)`): a view opened with `[AllowAny]` that makes none of them only answers (checks a coupon code).
WRITING_VERBS = frozenset({
    "save", "delete", "create", "update", "add", "commit", "insert", "remove", "destroy", "bulk", "set", "put", "post",
    "patch", "send", "execute", "executemany", "write", "upload", "apply", "redeem", "charge", "pay", "refund", "transfer",
    "grant", "revoke", "register", "reset", "change", "mark", "approve", "cancel", "publish", "invite", "activate",
    "deactivate", "ban", "promote", "assign", "import", "sync", "enqueue", "delay", "store", "persist", "upsert", "merge",
    "incr", "increment", "decr", "flush", "purge", "claim", "book", "reserve", "order", "subscribe", "enroll",
})
# The collection a sign-up creates its account in (`POST /users`): open by design, like `/register`, unless the
# handler sets a privilege field itself (what a client sends, VC215 and VC217 report).
SIGN_UP_COLLECTIONS = frozenset({"users", "accounts"})
# The collections a visitor adds to without an account (`POST /posts/<id>/comments`, a vote, an RSVP, a review): a new
# row under an object is no change to it. Open by design when the handler only adds rows (`orm_writes.only_creates`).
VISITOR_SUBMISSIONS = frozenset({"comment", "comments", "reply", "replies", "review", "reviews", "rating", "ratings",
                                 "vote", "votes", "feedback", "rsvp", "rsvps", "guestbook", "signups"})
PRIVILEGE_FIELDS = frozenset({"is_admin", "is_staff", "is_superuser", "role", "roles", "permissions", "groups",
                              "user_permissions", "is_verified", "email_verified"})
# Explicit "this is meant to be open" markers (Django 5.1's `login_not_required` exempts a view from its
# `LoginRequiredMiddleware`).
PUBLIC_DECORATORS = ("public", "public_route", "public_endpoint", "allow_anonymous", "no_auth", "auth_exempt",
                     "login_exempt", "unauthenticated", "login_not_required")
# Path segments (and view-name words) of endpoints that are open by design.
PUBLIC_PATHS = (
    "login", "logout", "signin", "sign-in", "sign_in", "signup", "sign-up", "sign_up", "register", "registration",
    "authenticate",  # a visitor's password for a protected page (Wagtail's `authenticate_with_password`): a sign-in
    "token", "refresh", "health", "healthz", "healthcheck", "ready", "readyz", "livez", "ping", "status",
    "webhook", "webhooks", "callback", "oauth",
    # single sign-on: the identity provider posts its signed answer to the assertion consumer service (`/saml/acs/`) and
    # ends the session at the single logout service (`/saml/slo/`); the SAML library checks the signature
    "saml", "sso", "acs", "slo", "forgot-password", "forgot_password", "reset-password",
    "reset_password", "password-reset", "password_reset", "verify-email", "verify_email", "confirm-email", "confirm_email",
    "activate",
    "contact", "subscribe", "unsubscribe", "csp-report", ".well-known",
    # a visitor asks to be let in later (an invitation, access, a place on the waiting list): nothing is granted yet
    "request-invite", "request_invite", "request-access", "request_access", "waitlist",
    # a visitor asks for a sign-in link by e-mail, as a forgotten password is asked for
    "magic-link", "magic-links", "passwordless",
    # a visitor's own display preference, kept in their cookie or session (Django's `set_language` at `i18n/setlang/`)
    "setlang", "set-language", "set_language", "set-locale", "set_locale", "set-timezone", "set_timezone",
)
# Path segments (and view names) of a link a visitor redeems before signing up (`/accept-invite/<key>`, `AcceptInvite`),
# opened by the key it carries as a password-reset link is by its token; not a view named for the id it takes
# (`accept_invite_by_id`): anyone may name any id.
LINK_REDEMPTION_SEGMENTS = frozenset({"acceptinvite", "acceptinvitation"})
ID_WORDS = frozenset({"id", "pk", "ids"})
# A step of getting back into an account (`/auth/reset`, `/password/forgot`, `/auth/recover`): open by design right after
# a segment that scopes it to signing in; alone (`/game/reset`, `/settings/reset`) it acts on something of the caller's.
RECOVERY_SEGMENTS = frozenset({"reset", "forgot", "recover", "recovery"})
SIGN_IN_SCOPES = frozenset({"auth", "password", "passwords"})
# Words of a view's name or path that, with permission classes that open it explicitly (`[AllowAny]`), make it a step of
# signing in: djoser's social `ProviderAuthView`, `TokenObtainPairView`, `ResendActivationView`, `OTPVerifyView`. The
# explicit opening says the author meant it; a view that opens an object (`/users/<id>/`) or acts on one
# (`ChangePasswordView`) is not such a step.
AUTH_STEP_WORDS = frozenset({"auth", "authenticate", "authentication", "jwt", "otp", "mfa", "totp", "2fa", "password",
                             "activation", "resend", "social", "sso", "saml", "obtain", "verification", "verify",
                             "confirm", "confirmation", "passwordless", "magic", "provider", "invitation"})
# Verbs of a handler that acts on one stored object: `delete_contact`, `update_status`, `revoke_token` change what the
# object's owner has, however much the object's name sounds like an open endpoint (`contact`, `status`, `token`).
OBJECT_ACTION_WORDS = frozenset({"delete", "remove", "destroy", "update", "edit", "modify", "change", "set", "revoke",
                                 "cancel", "purge", "archive", "approve", "ban", "disable", "deactivate"})
# Path parameters that name no stored object: a language, an API version, an identity provider, or a credential the
# link itself carries (`/reset/<uidb64>/<token>`). Any other parameter before an open-by-design segment makes the
# route an action on that object (`/orders/<id>/status`, `/users/<id>/activate`), which is not open by design.
NON_OBJECT_PARAMETERS = frozenset({"lang", "language", "locale", "version", "provider", "backend", "token", "code",
                                   "key", "uid", "uidb64", "signature"})
# Webhook endpoints are open to the sender, who authenticates by signing the body: open by design only when they
# check that signature. Path segments and handler-name words that mark one:
WEBHOOK_WORDS = frozenset({"webhook", "webhooks"})
# Calls that read back what the server signed (`signing.loads(key)`, `TimestampSigner().unsign(token, max_age=...)`), on
# a receiver named for signing: handed a view's parameter, they check the link it came in, which only its recipient has
# (an e-mail's "mute this thread" link).
UNSIGNING_CALLS = frozenset({"loads", "unsign", "unsign_object"})
SIGNING_WORDS = frozenset({"signing", "signed", "signer", "signature"})
# Calls that check a request's signature (Stripe's `Webhook.construct_event`, `hmac.compare_digest`), and the words
# of a project's own such check (`verify_github_signature`, `check_hmac`): a route that makes one is authenticated.
SIGNATURE_CHECK_CALLS = frozenset({"construct_event", "compare_digest", "verify_header", "validate_request",
                                   "verify_signature", "validate_signature", "verify_webhook", "validate_webhook",
                                   # the Bot Framework adapter checks the token of the `Authorization` header it is given
                                   "process_activity"})
# Libraries whose objects verify a signature through a method (svix's and Standard Webhooks' `Webhook(secret).verify(body,
# headers)`, PyNaCl's `VerifyKey(key).verify(...)`, Slack's `SignatureVerifier(...).is_valid_request(...)`, Twilio's
# `RequestValidator(token).validate(...)`): in a file that imports one, such a method call checks the signature.
SIGNATURE_LIBRARIES = ("svix", "standardwebhooks", "nacl", "slack_sdk.signature", "slack.signature",
                       "twilio.request_validator", "cryptography.hazmat.primitives.asymmetric", "ecdsa")
VERIFIER_METHODS = frozenset({"verify", "is_valid_request", "is_valid", "validate"})
# Chat platforms' request handlers that verify every request before the bot sees it (Slack Bolt's adapters check the
# signing secret unless the app turns `request_verification_enabled` off): in a file that imports one, a route that
# hands the request to its `handle` (`SlackRequestHandler(app).handle(request)`) checks the signature.
# Bolt's own apps run the same check in `dispatch` (`await self.app.async_dispatch(bolt_request)`, Bolt's Tornado adapter).
VERIFYING_ADAPTERS = ("slack_bolt.adapter", "slack_bolt.app", "slack_bolt.async_app")
ADAPTER_METHODS = frozenset({"handle", "dispatch", "async_dispatch"})
# The objects a module builds from these libraries (`slack_app_handler = AsyncSlackRequestHandler(slack_app)`, svix's
# `webhook = Webhook(secret)`) and the methods of theirs that verify the request: a route of another module that imports
# the object and hands the request to one of them (`await slack_app_handler.handle(req)`) checks the signature too.
VERIFYING_OBJECTS = ((VERIFYING_ADAPTERS, ADAPTER_METHODS), (SIGNATURE_LIBRARIES, VERIFIER_METHODS))


def verifying_methods(constructor: str) -> frozenset[str]:
    """The methods that verify a request on an object built by `constructor` (a qualified name), none if it is no
    library's verifier."""
    return next((methods for prefixes, methods in VERIFYING_OBJECTS if constructor.startswith(prefixes)), frozenset())
# Calls that hand a chat bot the update a route was posted (python-telegram-bot's `application.process_update(...)`,
# `Update.de_json(...)`, pyTelegramBotAPI's `bot.process_new_updates([...])`, aiogram's `dp.feed_update(...)`): such a
# route is the platform's webhook, open to the platform alone, which it must tell by its secret or signature.
BOT_FEED_CALLS = frozenset({"process_update", "process_new_updates", "de_json", "feed_update", "feed_raw_update",
                            "feed_webhook_update"})
SIGNATURE_CHECK_VERBS = frozenset({"verify", "validate", "check", "ensure", "require", "authenticate"})
SIGNATURE_WORDS = frozenset({"signature", "signatures", "sig", "hmac", "webhook", "signed"})
# What a sender signs or shares, which `verify` (not `validate` or `check`, which read as a schema's or a form's) checks
# the origin of: `verify_bounce_message(notification)` (an SNS message's signature), `verify_secret(form, secret)`.
SIGNED_THINGS = frozenset({"message", "notification", "secret"})
# Paths that look administrative: any method on them needs a guard.
SENSITIVE_PATHS = (r"(^|/)(admin|administrator|delete|remove|destroy|purge|manage|internal|superuser|staff)([/_-]|$)"
                   r"|(^|/)users?/[<{]")

# Words that make a custom decorator, mixin or dependency name read as an auth guard.
GUARD_WORDS = frozenset({
    "auth", "authn", "authz", "authenticate", "authenticated", "authentication", "authorize", "authorized",
    "authorization", "login", "logged", "signed", "permission", "permissions", "perm", "perms", "role", "roles",
    "admin", "staff", "superuser", "jwt", "token", "apikey", "bearer", "oauth", "oauth2", "credentials",
    "principal", "protected", "secured", "guard", "guarded", "owner", "ownership", "verified", "moderator",
})
_WORD_SPLIT = lazy_pattern(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")
# `require_POST` and friends are method filters, not auth.
NOT_GUARDS = frozenset(DJANGO_METHOD_DECORATORS) | frozenset({"csrf_exempt", "csrf_protect", "never_cache"})


def name_words(name: str) -> list[str]:
    """`get_current_active_user` -> [get, current, active, user]; `HTTPBearer` -> [http, bearer]."""
    return list(_name_words(name))


@functools.lru_cache(maxsize=8192)
def _name_words(name: str) -> tuple[str, ...]:
    """`name_words`, split once per name: the app model and a dozen auth rules split the same callee names (`get`,
    `filter`, `save`) for every call of every file."""
    return tuple(w.lower() for w in _WORD_SPLIT.findall(name))


@functools.lru_cache(maxsize=8192)  # asked of the callee of every call of every file, which repeat
def checks_signature(name: str) -> bool:
    """`construct_event`, `compare_digest`, `verify_github_signature`, `require_signed_request`: a signature check."""
    words = set(name_words(name))
    return name in SIGNATURE_CHECK_CALLS or bool(words & SIGNATURE_CHECK_VERBS and words & SIGNATURE_WORDS) \
        or "verify" in words and bool(words & SIGNED_THINGS)


def provides_resource(name: str) -> bool:
    """`get_db`, `get_session`, `RateLimiter`: a dependency that hands the route a resource and checks nobody."""
    words = name_words(name)
    return bool(set(words) & RESOURCE_DEPENDENCY_WORDS) and not reads_as_guard(name)


def constructs_router(name: str) -> bool:
    """`Blueprint`, `APIRouter`, `VersionedAPIRouter`: a class whose instances take routes under a prefix."""
    return name in ROUTER_CONSTRUCTORS or name.endswith(ROUTER_CLASS_SUFFIX)


@functools.lru_cache(maxsize=8192)  # asked of the callee of every call of every file, which repeat
def reads_as_guard(name: str) -> bool:
    """A name that an auth guard would have: `admin_required`, `CurrentUser`, `verify_api_key`, `OwnerMixin`."""
    if name in NOT_GUARDS:
        return False
    words = name_words(name)
    joined = "".join(words)
    if "currentuser" in joined or "currentactiveuser" in joined or "apikey" in joined:
        return True
    return any(w in GUARD_WORDS for w in words)


def is_handler_class(qualified: str) -> bool:
    """`litestar.Controller` (however imported): a class whose verb-decorated methods are routes."""
    return qualified.startswith(HANDLER_DECORATOR_MODULES) and qualified.rpartition(".")[2] == HANDLER_CLASS


def bare_verb(qualified: str) -> str | None:
    """`get` of Litestar's `@get(...)`, `http_post` of ninja-extra's `@http_post(...)`: a verb of `BARE_VERBS` imported
    from a framework of `HANDLER_DECORATOR_MODULES`, however spelled; None for anything else."""
    kind = qualified.rpartition(".")[2]
    return kind if qualified.startswith(HANDLER_DECORATOR_MODULES) and kind in BARE_VERBS else None


@functools.lru_cache(maxsize=8192)  # asked of the callee of every call of every file, which repeat
def names_denial(name: str) -> bool:
    """`unauthorized`, `_access_denied_response`, `raise_forbidden`: the name of a call that turns a caller away."""
    lowered = name.lower()
    return any(part in lowered for part in DENIAL_PARTS)
