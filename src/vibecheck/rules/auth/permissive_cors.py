"""VC209: CORS that lets any origin make credentialed requests (cookies, auth headers) and read the answers."""

from __future__ import annotations

import libcst as cst

from vibecheck.cst_fields import names_in, walk_own
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule
from vibecheck.rules.auth.exprs import (
    argument,
    assignment_targets,
    elements,
    has_wildcard,
    is_true,
    string_items,
    string_value,
    subscript_key,
    target_name,
    value_name,
)

FLASK_CORS = frozenset({"flask_cors.CORS", "flask_cors.cross_origin", "flask_cors.extension.CORS",
                        "flask_cors.decorator.cross_origin"})
DJANGO_ALLOW_ALL = frozenset({"CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL"})
DJANGO_REGEXES = frozenset({"CORS_ALLOWED_ORIGIN_REGEXES", "CORS_ORIGIN_REGEX_WHITELIST"})
DJANGO_CREDENTIALS = "CORS_ALLOW_CREDENTIALS"
# Regular expressions that accept any origin.
MATCH_ALL = lazy_pattern(r"^\^?(https?(\?|\(s\)\?)?:(//|\\/\\/))?\.[*+]\$?$")
ALLOW_ORIGIN_HEADER = "access-control-allow-origin"
ALLOW_CREDENTIALS_HEADER = "access-control-allow-credentials"
HINT = 'List the exact origins that may call the API (e.g. `["https://app.example.com"]`), or do not allow credentials.'


# Calls that test a value's truth or shape, not whether it is one of the allowed origins.
SHAPE_CALLS = frozenset({"bool", "len", "isinstance", "str"})
# Statements that end a block early: an `if` that checks the origin and leaves protects what follows it.
EXITS = (cst.Return, cst.Raise, cst.Continue)


def _checked_names(test: cst.BaseExpression) -> set[str]:
    """The names a test compares or hands to a check (`origin in ALLOWED`, `is_allowed(origin)`,
    `origin.endswith(".example.com")`), not those it only tests for truth (`if origin:`) or against None."""
    if isinstance(test, cst.BooleanOperation):
        return _checked_names(test.left) | _checked_names(test.right)
    if isinstance(test, cst.UnaryOperation):
        return _checked_names(test.expression)
    if isinstance(test, cst.Name):
        return set()
    if isinstance(test, cst.Comparison) and all(isinstance(c.operator, (cst.Is, cst.IsNot)) for c in test.comparisons):
        return set()
    if isinstance(test, cst.Call) and isinstance(test.func, cst.Name) and test.func.value in SHAPE_CALLS:
        return set()
    return set(names_in(test))


def _ends_early(body: cst.BaseSuite) -> bool:
    last = body.body[-1] if body.body else None
    if isinstance(last, cst.SimpleStatementLine):
        return any(isinstance(small, EXITS) for small in last.body)
    return isinstance(body, cst.SimpleStatementSuite) and any(isinstance(small, EXITS) for small in body.body)


def _any_origin(items: list[str]) -> bool:
    return "*" in items or any(MATCH_ALL.match(item) for item in items)


# Flask-SocketIO's server, whose connections carry the Flask session (`current_user` in every event handler): opening
# it to every origin (`SocketIO(app, cors_allowed_origins="*")`, also through `socketio.init_app(app, ...)`) lets any
# website's script connect as the signed-in user (cross-site WebSocket hijacking).
SOCKETIO_SERVERS = frozenset({"flask_socketio.SocketIO"})
SOCKETIO_ORIGINS = "cors_allowed_origins"
# A Panel server's sessions run over a WebSocket too: `pn.serve(..., websocket_origin="*")` beside a login
# (`basic_auth=`, `oauth_provider=`, `cookie_secret=`) lets any website's script drive the signed-in user's session.
PANEL_SERVERS = frozenset({"panel.serve", "panel.io.serve", "panel.io.server.serve"})
PANEL_ORIGINS = "websocket_origin"
PANEL_LOGINS = ("basic_auth", "oauth_provider", "auth_provider", "cookie_secret")


class PermissiveCors(Rule):
    """CORS allows every origin together with credentials.

    ## What it does
    Reports CORS set-ups that accept any origin *and* credentials (cookies or `Authorization` headers):
    - Starlette/FastAPI `CORSMiddleware` (through `app.add_middleware(CORSMiddleware, ...)`,
      `Middleware(CORSMiddleware, ...)` or a direct call) with `allow_credentials=True` and
      `allow_origins=["*"]` or a match-everything `allow_origin_regex` such as `".*"`, also when the
      origins come from a variable bound to such a list in the same file or from an environment lookup
      that defaults to `"*"` (`os.getenv("CORS_ORIGINS", "*").split(",")`, also through a variable);
    - Flask-CORS `CORS(app, supports_credentials=True)` or `@cross_origin(supports_credentials=True)`
      with no `origins` (the default is `*`), `origins="*"`, or a `resources` entry allowing `*`;
    - Django (django-cors-headers) `CORS_ALLOW_ALL_ORIGINS = True` / `CORS_ORIGIN_ALLOW_ALL = True`, or
      a match-everything `CORS_ALLOWED_ORIGIN_REGEXES`, in a module that also sets
      `CORS_ALLOW_CREDENTIALS = True`;
    - a hand-written `Access-Control-Allow-Origin` header that echoes the request's own `Origin`, in a
      function that also sets `Access-Control-Allow-Credentials: true`, unless the origin was checked first: the
      echo sits under an `if` that compares it or hands it to a check (`if origin in ALLOWED:`,
      `if is_allowed(origin):`; not `if origin:`, nor its `else`), or follows one that leaves when the check fails
      (`if origin not in ALLOWED: return response`); nor when `origin` is an argument of an enclosing decorator
      factory that the function setting the header neither takes nor binds (`def crossdomain(origin=None): ...`):
      the origin the developer configured, not the request's.

    - Flask-SocketIO `SocketIO(app, cors_allowed_origins="*")` (or `socketio.init_app(app, cors_allowed_origins="*")`):
      its connections carry the session cookie, so every origin is a credentialed one; and so do a Panel server's
      (`pn.serve(..., websocket_origin="*")`) where the same call signs visitors in (`basic_auth=`,
      `oauth_provider=`, `cookie_secret=`).

    Allowing every origin *without* credentials is not reported: that is how public, read-only APIs work.
    Neither is a literal `Access-Control-Allow-Origin: *` header: browsers refuse it on credentialed requests.

    ## Why is this bad?
    With credentials allowed, these libraries answer a request from any website with that website's own
    origin, so a page on `evil.example` can call the API with the victim's session cookie and read the
    response: account data, CSRF tokens, API keys. Agents add `allow_origins=["*"]` to silence a CORS
    error in the browser and keep `allow_credentials=True` from the template.

    ## Example
    ```python
    from fastapi import FastAPI
    from fastapi.middleware.cors import CORSMiddleware

    app = FastAPI()
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
    ```

    ## Use instead
    ```python
    from fastapi import FastAPI
    from fastapi.middleware.cors import CORSMiddleware

    app = FastAPI()
    app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)
    ```

    ## References
    - [CWE-942: Permissive Cross-domain Policy with Untrusted Domains](https://cwe.mitre.org/data/definitions/942.html)
    - [Starlette: CORSMiddleware](https://www.starlette.io/middleware/#corsmiddleware)
    - [Flask-CORS: `supports_credentials`](https://flask-cors.readthedocs.io/en/latest/api.html)
    - [django-cors-headers: `CORS_ALLOW_ALL_ORIGINS`](https://github.com/adamchainz/django-cors-headers#cors_allow_all_origins-bool)
    """

    code = "VC209"
    name = "permissive-cors"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (942, 346)
    applies_to_tests = False  # a test's CORS set-up configures the app under test, not a deployment
    # Every finding needs credentials allowed: `allow_credentials=`, `supports_credentials=`,
    # `CORS_ALLOW_CREDENTIALS` or the `Access-Control-Allow-Credentials` header; or a Flask-SocketIO server's origins.
    file_hints = ("credentials", "cors_allowed_origins", "websocket_origin")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._bound: dict[str, cst.BaseExpression] = {}  # names bound to a literal list or string, file-wide
        self._django_allow_all: list[cst.CSTNode] = []
        self._django_credentials = False
        # Per function (module last): hand-written CORS headers seen so far.
        self._headers: list[tuple[list[cst.CSTNode], list[bool]]] = [([], [False])]
        self._depth = 0
        self._functions: list[cst.FunctionDef] = []  # the enclosing functions, innermost last
        # The enclosing `if`s and the names each checks in the branch being walked (none in its `else`); per
        # function, the names an `if` checked before leaving early (`if origin not in ALLOWED: return response`).
        self._conditions: list[tuple[cst.If, set[str]]] = []
        self._checked_before: list[set[str]] = [set()]

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._depth += 1
        self._functions.append(node)
        self._headers.append(([], [False]))
        self._checked_before.append(set())

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._depth -= 1
        self._functions.pop()
        self._checked_before.pop()
        self._report_headers(*self._headers.pop())

    def visit_If(self, node: cst.If) -> None:
        if self._conditions and self._conditions[-1][0].orelse is node:
            self._conditions[-1][1].clear()  # an `elif` runs where the test above failed
        self._conditions.append((node, _checked_names(node.test)))

    def visit_Else(self, node: cst.Else) -> None:
        if self._conditions:
            self._conditions[-1][1].clear()

    def leave_If(self, original_node: cst.If) -> None:
        self._conditions.pop()
        if original_node.orelse is None and _ends_early(original_node.body):
            self._checked_before[-1].update(_checked_names(original_node.test))

    def _allow_listed(self, value: cst.BaseExpression) -> bool:
        """The echoed origin was checked first: under an `if` that compares it or hands it to a check, or after one
        that leaves when the check fails."""
        if not isinstance(value, cst.Name):
            return False
        return value.value in self._checked_before[-1] or any(value.value in names for _, names in self._conditions)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in assignment_targets(node):
            if isinstance(target, cst.Name) and (elements(node.value) is not None or string_value(node.value) is not None
                                                 or has_wildcard(node.value, self.qualified_name)):
                self._bound[target.value] = node.value  # also `os.getenv("CORS_ORIGINS", "*").split(",")`
            name = target_name(target)
            if isinstance(target, cst.Subscript):
                self._check_header(node, (subscript_key(target) or "").lower(), node.value)
            elif isinstance(target, cst.Name) and self._depth == 0 and name is not None:
                self._check_django(node, name, node.value)

    def _check_django(self, node: cst.Assign, name: str, value: cst.BaseExpression) -> None:
        if (name in DJANGO_ALLOW_ALL and is_true(value)) or (name in DJANGO_REGEXES and _any_origin(string_items(value))):
            self._django_allow_all.append(node)
        elif name == DJANGO_CREDENTIALS and is_true(value):
            self._django_credentials = True

    def _check_header(self, node: cst.CSTNode, header: str, value: cst.BaseExpression) -> None:
        origins, credentials = self._headers[-1]
        if header == ALLOW_ORIGIN_HEADER and (value_name(value) or "").lower() == "origin" \
                and not self._allow_listed(value) and not self._factory_argument(value):
            origins.append(node)
        elif header == ALLOW_CREDENTIALS_HEADER and (string_value(value) or "").lower() == "true":
            credentials[0] = True

    def _factory_argument(self, value: cst.BaseExpression) -> bool:
        """`def crossdomain(origin=None, credentials=False): def decorator(f): ... h["Access-Control-Allow-Origin"] =
        origin`: the name is a parameter of an enclosing function that the function setting the header neither takes
        nor binds, the origin a decorator factory was configured with, not the request's."""
        if type(value) is not cst.Name or len(self._functions) < 2:
            return False
        inner, name = self._functions[-1], value.value
        if name in _parameter_names(inner) or name in _assigned_names(inner):
            return False
        return any(name in _parameter_names(outer) for outer in self._functions[:-1])

    def _report_headers(self, origins: list[cst.CSTNode], credentials: list[bool]) -> None:
        if credentials[0]:
            for node in origins:
                self.report(node, "`Access-Control-Allow-Origin` echoes the request's `Origin` while credentials are "
                            "allowed, so any website can read authenticated responses.", hint=HINT)

    def leave_Module(self, node: cst.Module) -> None:
        self._report_headers(*self._headers[-1])
        if self._django_credentials:
            for assignment in self._django_allow_all:
                self.report(assignment, "CORS allows every origin while `CORS_ALLOW_CREDENTIALS = True`, so any website can "
                            "make authenticated requests and read the responses.", hint=HINT)

    def _resolve(self, node: cst.BaseExpression | None) -> cst.BaseExpression | None:
        if isinstance(node, cst.Name) and node.value in self._bound:
            return self._bound[node.value]
        return node

    def visit_Call(self, node: cst.Call) -> None:
        qualified = self.qualified_name(node) or ""
        first = node.args[0].value if node.args and node.args[0].keyword is None else None
        if qualified.endswith("CORSMiddleware") or (first is not None and (self.qualified_name(first) or "").endswith(
                "CORSMiddleware")):
            self._check_starlette(node)
        elif qualified in FLASK_CORS or qualified in ("CORS", "cross_origin"):
            self._check_flask_cors(node, qualified.rsplit(".", 1)[-1])
        elif qualified in SOCKETIO_SERVERS or (type(node.func) is cst.Attribute and node.func.attr.value == "init_app"
                                               and self.context.imports.imports_any(("flask_socketio",))):
            self._check_socketio(node)
        elif qualified in PANEL_SERVERS and any(argument(node, None, login) is not None for login in PANEL_LOGINS):
            self._check_socketio(node, PANEL_ORIGINS, "a Panel session")

    def _check_socketio(self, node: cst.Call, keyword: str = SOCKETIO_ORIGINS, what: str = "a Socket.IO connection") -> None:
        origins = self._resolve(argument(node, None, keyword))
        if origins is not None and (_any_origin(string_items(origins)) or has_wildcard(origins, self.qualified_name)):
            self.report(node, f"`{keyword}` lets every website open {what} that carries the user's session cookie, so "
                        "any page the user visits can act in the app as them.", hint=HINT)

    def _check_starlette(self, node: cst.Call) -> None:
        if not is_true(argument(node, None, "allow_credentials")):
            return
        origins = self._resolve(argument(node, None, "allow_origins"))
        regex = string_value(self._resolve(argument(node, None, "allow_origin_regex")))
        if has_wildcard(origins, self.qualified_name) or (regex is not None and MATCH_ALL.match(regex)):
            self.report(node, "`CORSMiddleware` allows every origin together with `allow_credentials=True`, so any website "
                        "can make authenticated requests and read the responses.", hint=HINT)

    def _check_flask_cors(self, node: cst.Call, callee: str) -> None:
        if not is_true(argument(node, None, "supports_credentials")):
            return
        origins = self._resolve(argument(node, None, "origins"))
        resources = self._resolve(argument(node, None, "resources"))
        if origins is not None:
            permissive = _any_origin(string_items(origins)) or has_wildcard(origins, self.qualified_name)
        elif isinstance(resources, cst.Dict):
            permissive = any(self._resource_is_open(e.value) for e in resources.elements if isinstance(e, cst.DictElement))
        else:
            permissive = True
        if permissive:
            self.report(node, f"`{callee}(supports_credentials=True)` allows every origin, so any website can make "
                        "authenticated requests and read the responses.", hint=HINT)

    def _resource_is_open(self, options: cst.BaseExpression) -> bool:
        if not isinstance(options, cst.Dict):
            return False
        for element in options.elements:
            if isinstance(element, cst.DictElement) and string_value(element.key) == "origins":
                return _any_origin(string_items(self._resolve(element.value)))
        return True


def _parameter_names(function: cst.FunctionDef) -> set[str]:
    params = function.params
    stars = [star for star in (params.star_arg, params.star_kwarg) if isinstance(star, cst.Param)]
    return {param.name.value for param in (*params.posonly_params, *params.params, *params.kwonly_params, *stars)}


def _assigned_names(function: cst.FunctionDef) -> set[str]:
    """The names the function's own statements bind (`origin = request.headers.get("Origin")`)."""
    return {name for node in walk_own(function.body)
            if isinstance(node, (cst.AssignTarget, cst.AnnAssign, cst.AugAssign)) for name in names_in(node.target)}
