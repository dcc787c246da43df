"""The per-file half of the app model: one walker that records a file's routes, guards and wiring as facts.

It runs in the engine's one walk (it is the `fact_collectors` entry of the rules that read the model) and
writes `context.facts[APP_MODEL]`; `resolve.py` joins the files' facts in the project phase. Judgements
that need only this file (a guard decorator below the route decorator, a `Depends(get_current_user)`, a
`before_request` hook of the same blueprint) are made here with the reading rule's options; what may be
decided elsewhere (a decorator or dependency defined in another module, an `include_router(...,
dependencies=...)`, a URLconf wrapper, DRF settings) is recorded as names and resolved later.
Line numbers come from Python's `ast`, parsed only when the file has routes (libcst's walk has none).
"""

from __future__ import annotations

import ast
import builtins
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, cast

import libcst as cst

from vibecheck.analysis.app_model import frameworks as fw
from vibecheck.analysis.app_model.answer_only import (
    Answer,
    changes_nothing,
    class_attributes,
    form_methods_read,
    inert_refs,
)
from vibecheck.analysis.app_model.bots import BOT_MODULES
from vibecheck.analysis.app_model.fasthtml import FASTHTML_MODULES, FastApps, fast_apps, handler_methods
from vibecheck.analysis.app_model.handlers import (
    CALLER_ROLES,
    ID_NAME,
    IDENTITY_EXPRESSIONS,
    dependency_names,
    method_first_route,
    names_a_guard,
    names_the_caller,
    tool_guards,
)
from vibecheck.analysis.app_model.handlers import CALLER_WORDS as CALLER_NAME_WORDS
from vibecheck.analysis.app_model.method_dispatch import dispatched_calls
from vibecheck.analysis.app_model.middleware_classes import swallows_denial
from vibecheck.analysis.app_model.names import APP_MODEL, INERT_FUNCTIONS, OPTIONAL_MARK, relabelled, restricts
from vibecheck.analysis.app_model.openapi import operations_for
from vibecheck.analysis.app_model.optional_guards import attaches_to_request, is_optional
from vibecheck.analysis.app_model.options import GuardOptions
from vibecheck.analysis.app_model.orm_writes import (
    is_model_class,
    is_write_call,
    loads_record,
    only_creates,
    record_method,
    writes_records,
    writing_methods,
)
from vibecheck.analysis.app_model.shared_secrets import compares_header_to_secret
from vibecheck.analysis.app_model.skip_paths import skipped
from vibecheck.analysis.app_model.url_namespaces import app_name, guarded_namespaces, include_namespace
from vibecheck.analysis.app_model.urlconf_lists import LIST_EXTENDERS, UrlconfLists
from vibecheck.analysis.cherrypy_tree import (
    CherryPyClass,
    app_wide_tools,
    cherrypy_class,
    exposed_methods,
    method_tools,
)
from vibecheck.analysis.nodes import bound_names, head_name
from vibecheck.ast_fields import tree_nodes
from vibecheck.cst_fields import names_in, own_nodes_of, walk_own
from vibecheck.imports import full_name
from vibecheck.literals import path_text, text_value
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import RuleContext

DEPENDENCY_CALLS = frozenset({"Depends", "Security"})
# Session keys that hold the logged-in identity: `session["user_id"]`, `"logged_in" in session`.
SESSION_IDENTITY_WORDS = frozenset({"user", "uid", "userid", "username", "logged", "login", "auth", "authenticated", "account"})
SESSIONS = frozenset({"flask.session", "quart.session", "request.session", "self.request.session"})
# FastAPI parameter sources through which a client sends a credential (`x_token: Annotated[str, Header()]`).
CREDENTIAL_SOURCES = frozenset({"Header", "Cookie"})
CHECK_VERBS = frozenset({"verify", "check", "require", "requires", "ensure", "assert", "authenticate", "authorize",
                         "validate"})
EXIT_CALLS = frozenset({"abort", "redirect"})
# Calls that compare two values in constant time: handed the link's credential, they check it.
CONSTANT_TIME_COMPARISONS = frozenset({"compare_digest", "constant_time_compare", "safe_str_cmp"})
# First words of a permission query on an object (`article.can_write(request.user)`, `project.has_member(user)`): handed
# the caller, it is an authorization check.
PERMISSION_QUERY_WORDS = frozenset({"can", "may", "has"})
# Verbs of a call that redeems a one-time credential rather than checks one by name (`tokens.consume(session,
# payload.token, purpose)`, as an e-mail verification is confirmed): a guard only when handed the presented credential.
REDEEMING_VERBS = frozenset({"consume"})
# Last words of a checker object called on the request (`self._access_validator(self.request)`, `auth_checker(req)`):
# named for access or auth, it refuses by raising.
CHECKER_NOUNS = frozenset({"validator", "checker", "verifier", "authorizer", "authoriser", "authenticator"})
# Calls that read, test, reshape or log a signature header without checking it: handing it to one is no check.
SIGNATURE_READS = frozenset({"get", "getlist", "getone", "pop", "split", "strip", "lower", "encode", "decode",
                             "startswith", "removeprefix", "print", "debug", "info", "warning", "warn", "error",
                             "exception", "critical", "log", "abort", "HTTPException", "JSONResponse", "Response",
                             "jsonify", "make_response"})
REGISTRATIONS = fw.REGISTRATION_CALLS | fw.RESOURCE_REGISTRATIONS
REQUEST_NAMES = frozenset({"request", "req"})
BUILTIN_NAMES = frozenset(dir(builtins))
STATE_METHOD_NAMES = {"create": "POST", "update": "PUT", "partial_update": "PATCH", "destroy": "DELETE"}


@dataclass
class Frame:
    """What the walk learnt about one function body."""

    node: cst.FunctionDef
    body_guard: bool = False
    exits: bool = False
    posts: bool = False
    raises: bool = False
    credentials: frozenset[str] = frozenset()
    credential_compared: bool = False
    parent: Frame | None = None
    authenticates: bool = False  # it, or a function nested in it (a decorator's wrapper), checks auth
    verifies_signature: bool = False  # it checks the request's signature (`construct_event`, `compare_digest`)
    names_signature: bool = False  # it names a signature header (`"Stripe-Signature"`): read only then for hand-offs
    hands_on_request: bool = False  # it passes the request to a function (`handle_event(request.data)`) that may check it
    denies_by_call: bool = False  # it calls a check that refuses by raising (`verify_jwt_in_request()`, `@login_required`)
    denies: bool = False  # it, or a function nested in it, can turn a caller away: raise, abort, answer 401/403
    returns_none: bool = False  # it returns None on some path (`return None`, a bare `return`)
    attaches_user: bool = False  # it, or a function nested in it, stores something on `g` or the request
    nests: bool = False  # it defines a function (a decorator's wrapper)
    persists: bool = False  # it, or a function nested in it, calls what stores or sends something (`save`, `send_mail`)
    write_calls: list[cst.Call] = field(default_factory=list)  # its calls that may write a record (`orm_writes.py`)
    records: set[str] = field(default_factory=set)  # the names it binds to a record it loads (`orm_writes.loads_record`)
    record_methods: set[str] = field(default_factory=set)  # the methods it calls on them (`notification.mark_as_read()`)
    sets_privilege: bool = False  # it passes or assigns a privilege field (`User(..., is_admin=True)`, `user.role = x`)
    feeds_bot: bool = False  # it hands a chat bot the update it was posted (`application.process_update(...)`)
    status_guard: bool = False  # it names a 401/403 status (`status=403`, `HTTP_403_FORBIDDEN`)
    callers: set[str] = field(default_factory=set)  # names bound to the caller a credential names (`user = ...`)

    @property
    def never_denies(self) -> bool:
        """A dependency that may hand the route None (`get_optional_user`), or a decorator whose wrapper only attaches
        the caller: nothing in it can turn a caller away."""
        if self.denies:
            return False
        returns = self.node.returns.annotation if self.node.returns is not None else None
        return self.returns_none or is_optional(returns) or (self.nests and self.attaches_user)

    @property
    def only_refuses(self) -> bool:
        """Its body, after a docstring, is one `raise` (`raise HTTPError(404)` for every verb of a not-found page):
        it serves and changes nothing, whoever calls it."""
        body = self.node.body.body if isinstance(self.node.body, cst.IndentedBlock) else ()
        if body and _is_docstring(body[0]):
            body = body[1:]
        return len(body) == 1 and isinstance(body[0], cst.SimpleStatementLine) and len(body[0].body) == 1 \
            and isinstance(body[0].body[0], cst.Raise)

    @property
    def checks_credential(self) -> bool:
        """A credential parameter compared in the body of a handler that can raise: a hand-written guard."""
        return self.credential_compared and self.raises


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1 \
        and isinstance(statement.body[0], cst.Expr) and isinstance(statement.body[0].value, cst.SimpleString)


@dataclass
class ClassView:
    """A class that may be a view: its framework, guards and handler methods."""

    node: cst.ClassDef
    view: bool = False
    drf: bool = False
    state_by_base: bool = False
    guarded: bool = False
    has_permission_classes: bool = False
    opened: bool = False  # its permission classes open it explicitly (`[AllowAny]`): public by the author's intent
    controller: bool = False  # a Litestar `Controller`: its verb-decorated methods are routes under `path`
    path: str = ""
    views_guarded: bool = False  # `@view_defaults(permission="admin")` (Pyramid): a guard for each view of the class
    methods: dict[str, Frame] = field(default_factory=dict)
    refs: list[str] = field(default_factory=list)  # bases and decorators another file may define as guards
    decorator_refs: list[str] = field(default_factory=list)  # its class decorators among `refs`
    decorated_guard: bool = False  # a class decorator of its own guards it (not one of a base's)
    # A framework's generic view taken as it is (`class BandCreateView(CreateView): pass`): with no model, queryset or
    # form it can change nothing until `as_view(model=...)` configures it, and raises ImproperlyConfigured until then.
    unconfigured: bool = False
    cherrypy: CherryPyClass | None = None  # a class of a CherryPy module: its exposure and tools (`cherrypy_tree`)


@dataclass
class Route:
    """One way a request reaches a handler, to be judged once the whole file is known."""

    report_node: cst.CSTNode
    label: str
    methods: frozenset[str]
    path: str | None
    receiver: str | None
    names: tuple[str, ...]
    frame: Frame | None
    guarded: bool = False
    guard_above: str | None = None
    drf_default: bool = False
    refs: tuple[str, ...] = ()  # decorators, dependencies and bases that another file may define as a guard
    heuristic: bool = False  # a Django view not registered in its file: routed only if a URLconf names it
    unconfigured: bool = False  # a bare generic view: it changes state only where a URLconf configures it
    own_auth: bool = False  # its decorator's `auth=` replaces its router's (django-ninja)
    framework: str | None = None
    handler: str | None = None
    imported: bool = False  # its handler is imported from another module (`Route("/x", handlers.purge)`)
    opened: bool = False  # its permission classes open it explicitly (`[AllowAny]`)
    opens_receiver: bool = False  # its own `auth=None` (Django Ninja) drops what its router or API requires
    dependency_refs: tuple[str, ...] | None = None  # when dependencies alone guard it: theirs, which may never deny
    resource_suffix: str | None = None  # a Falcon responder (`on_post_item`: "item"), routed by `add_route(..., suffix=)`
    # its parameters name an object it acts on (CherryPy fills `reset_password(self, user_id)` from the query or the
    # path's last segments): as a path parameter does, that makes a name such as `reset_password` no open endpoint
    names_object: bool = False


@dataclass(frozen=True)
class Matchers:
    """The options turned into sets and patterns, built once per distinct options value."""

    guard_decorators: frozenset[str]
    guard_mixins: frozenset[str]
    guard_dependencies: frozenset[str]
    in_body_checks: frozenset[str]
    public_decorators: frozenset[str]
    public_paths: frozenset[str]
    sensitive_paths: re.Pattern[str]
    guess: bool
    marking_names: frozenset[str]  # names that mark a body's guard or denial (`visit_Name`): most names are none


CONSTANT_NAMES = frozenset({"True", "False", "None"})


def _router_routes(app: cst.Arg | None) -> cst.Arg | None:
    """The `routes` of a `Router(...)` (its first argument) or `Starlette(routes=...)` made where a `Mount` is given it as
    its `app=`: a mount of a router is a mount of its routes."""
    if app is None or type(app.value) is not cst.Call:
        return None
    kind = _last(full_name(app.value.func))
    if kind not in fw.MOUNTED_APP_ROUTES:
        return None
    position = fw.MOUNTED_APP_ROUTES[kind]
    return _keyword(app.value, "routes") or (_positional(app.value, position) if position is not None else None)


def _serves_constants(function: cst.FunctionDef) -> bool:
    """The handler only returns values written in it (`return [{"name": "free", "price": 0}]`): it reads no data, so
    nobody's data can leak through it, whatever its path says."""
    if not isinstance(function.body, cst.IndentedBlock):
        return False
    returned = False
    for line in function.body.body:
        if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
            return False
        statement = line.body[0]
        if isinstance(statement, cst.Expr) and isinstance(statement.value, (cst.SimpleString, cst.ConcatenatedString)):
            continue  # the docstring
        if not isinstance(statement, cst.Return) or statement.value is None:
            return False
        if any(isinstance(n, cst.Name) and n.value not in CONSTANT_NAMES for n in walk_own(statement.value)):
            return False
        returned = True
    return returned


def _returns_caller(function: cst.FunctionDef) -> bool:
    """Annotated to return who calls (`def merchant_for(session, request) -> Merchant`): a function that compares the
    request's key with each account's (`hmac.compare_digest`) to find the caller signs them in; it checks no sender's
    signature, which lets a machine in."""
    annotation = function.returns.annotation if function.returns is not None else None
    words = fw.name_words(_last(full_name(annotation))) if annotation is not None else []
    return words[-1:] != [] and words[-1] in CALLER_NAME_WORDS | CALLER_ROLES


def _names_object(function: cst.FunctionDef) -> bool:
    """A parameter after `self` names a stored object (`user_id`, `pk`), not a language, a token or a code."""
    return any(ID_NAME.match(p.name.value) and _normal(p.name.value) not in fw.NON_OBJECT_PARAMETERS
               for p in function.params.params[1:])


def _normal(word: str) -> str:
    return re.sub(r"[-_.]", "", word.lower())


@functools.lru_cache(maxsize=8)
def _matchers(options: GuardOptions) -> Matchers:
    return Matchers(
        guard_decorators=frozenset(options.guard_decorators + options.extend_guard_decorators),
        guard_mixins=frozenset(options.guard_mixins + options.extend_guard_mixins),
        guard_dependencies=frozenset(options.guard_dependencies + options.extend_guard_dependencies),
        in_body_checks=frozenset(options.in_body_checks + options.extend_in_body_checks),
        public_decorators=frozenset(options.public_decorators + options.extend_public_decorators),
        public_paths=frozenset(_normal(p) for p in options.public_paths + options.extend_public_paths),
        sensitive_paths=re.compile(options.sensitive_paths, re.IGNORECASE),
        guess=options.guess_guards_from_names,
        marking_names=frozenset(options.in_body_checks + options.extend_in_body_checks) | fw.AUTH_STATUS_NAMES
        | fw.DENIAL_NAMES,
    )


def _anchor(node: cst.FunctionDef | cst.ClassDef) -> cst.CSTNode:
    """Where a finding about a definition starts: its first decorator, else the definition itself."""
    return node.decorators[0] if node.decorators else node


_PATH_PARAMETER = lazy_pattern(r"<(?:[^<>:]*:)?([^<>:]+)>|\{([^{}:]+)(?::[^{}]*)?\}|\(\?P<(\w+)>")
FRAMEWORK_PREFIXES = (("fastapi", "fastapi"), ("starlette", "starlette"), ("flask", "flask"), ("quart", "quart"),
                      ("rest_framework", "drf"), ("django", "django"), ("cherrypy", "cherrypy"))


def _path_params(path: str | None) -> list[str]:
    """`/users/<int:user_id>/posts/{post_id}` -> [user_id, post_id]."""
    return [next(g for g in m.groups() if g) for m in _PATH_PARAMETER.finditer(path or "")]


class _Places:
    """Line and column of definitions and registration calls, read from Python's `ast` (once, on demand).

    The walk meets definitions and registration calls in source order, so the n-th one it met is the n-th
    `def`/`class` (or registration call) of the file sorted by position.
    """

    def __init__(self, source: str, tree: ast.Module | None) -> None:
        """`tree` is the file's `ast` the pipeline parsed once for every reader; None (no places) if it does not parse."""
        self.lines = source.splitlines()
        if tree is None:
            tree = ast.Module(body=[], type_ignores=[])
        definitions: list[ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef] = []
        calls: list[ast.Call] = []
        for node in tree_nodes(tree):  # the file's nodes, listed once for every reader of its whole tree
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                definitions.append(node)
            elif type(node) is ast.Call and _registration_anchor(node.func):
                calls.append(node)
        definitions.sort(key=lambda n: (n.lineno, n.col_offset))
        calls.sort(key=lambda n: (n.lineno, n.col_offset))
        self.definitions = [(d.decorator_list[0].lineno, d.decorator_list[0].col_offset) if d.decorator_list
                            else (d.lineno, d.col_offset + 1) for d in definitions]
        self.calls = [(c.lineno, c.col_offset + 1) for c in calls]

    def of(self, anchor: tuple[str, int]) -> tuple[int, int]:
        kind, index = anchor
        places = self.definitions if kind == "def" else self.calls
        return places[index] if 0 <= index < len(places) else (1, 1)

    def text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""


def _registration_anchor(func: ast.expr | cst.BaseExpression) -> bool:
    """A call that may register a route (`app.add_url_rule(...)`, `Route(...)`), told by its spelling alone, so that
    the walk and `_Places` (libcst and `ast`) count the same calls in the same order."""
    if type(func) is cst.Attribute or type(func) is ast.Attribute:
        attribute = func.attr.value if type(func) is cst.Attribute else func.attr
        return attribute in REGISTRATIONS or attribute in fw.ROUTE_OBJECT_NAMES or (
            attribute in fw.AIOHTTP_ROUTE_DEFS and _is_aiohttp_web(func.value))
    name = func.value if type(func) is cst.Name else func.id if isinstance(func, ast.Name) else None
    return name in fw.ROUTE_OBJECT_NAMES


def _is_aiohttp_web(receiver: ast.expr | cst.BaseExpression) -> bool:
    """The `web` of `web.post(...)`, as `from aiohttp import web` names it."""
    name = receiver.value if isinstance(receiver, cst.Name) else receiver.id if isinstance(receiver, ast.Name) else None
    return name == fw.AIOHTTP_MODULE


def _declares_nothing(node: cst.ClassDef) -> bool:
    """A class whose body is only a docstring, `pass` or `...`: it adds nothing to its bases."""
    body = node.body
    statements = body.body if isinstance(body, cst.IndentedBlock) else ()
    return all(isinstance(statement, cst.SimpleStatementLine) and all(
        type(small) is cst.Pass or (type(small) is cst.Expr and isinstance(small.value, (cst.SimpleString,
                                                                                                  cst.Ellipsis)))
        for small in statement.body) for statement in statements)


def _builds_view(method: str) -> bool:
    """`V.as_view()`, and the same classmethod under a project's own name (allauth's `V.as_api_view(client=...)`)."""
    return method == "as_view" or (method.startswith("as_") and method.endswith("_view"))


def _required_source(param: cst.Param) -> bool:
    """`authorization: str = Header(...)`, `Header()`, `Annotated[str, Header()]` with no default: FastAPI answers 422
    to a request without it."""
    if is_optional(param.annotation.annotation if param.annotation is not None else None):
        return False
    default = param.default
    if default is None:
        return True
    first = default.args[0].value if type(default) is cst.Call and default.args and default.args[0].keyword is None \
        else None
    return type(default) is cst.Call and (first is None or type(first) is cst.Ellipsis) \
        and not any(a.keyword is not None and a.keyword.value in ("default", "default_factory") for a in default.args)


def _guards_as_middleware(target: cst.Arg | None) -> bool:
    """`TokenAuthMiddleware`: an auth-named middleware class, not one that only identifies the user."""
    middleware = _last(full_name(target.value)) if target is not None else ""
    return middleware not in fw.IDENTIFYING_MIDDLEWARE and fw.reads_as_guard(middleware)


def _mentions_signature(node: cst.BaseExpression, carriers: set[str]) -> bool:
    """An expression built from a signature header: it names one (`"Stripe-Signature"`) or a name holding one."""
    for found in walk_own(node):
        if isinstance(found, cst.Name) and found.value in carriers \
                or isinstance(found, cst.SimpleString) and "signature" in found.value.lower():
            return True
    return False


def _last(name: str | None) -> str:
    return (name or "").rsplit(".", 1)[-1]


def _string(node: cst.BaseExpression | None) -> str | None:
    return text_value(node) if isinstance(node, cst.SimpleString) else None


def _strings(node: cst.BaseExpression | None) -> list[str] | None:
    """The strings of a literal list/tuple/set of strings, else None."""
    if isinstance(node, (cst.List, cst.Tuple, cst.Set)):
        values = [_string(e.value) for e in node.elements if isinstance(e, cst.Element)]
        return [v for v in values if v is not None] if all(v is not None for v in values) else None
    return None


def _names_listed(node: cst.List | cst.Tuple) -> list[str]:
    """The dotted names of a literal list or tuple of names (`(api.flows.router, admin.bp)`), else []."""
    names = [name for e in node.elements if type(e) is cst.Element and type(e.value) in (cst.Name, cst.Attribute)
             and (name := full_name(e.value)) is not None]
    return names if len(names) == len(node.elements) else []


def _lists_any(arg: cst.Arg | None) -> bool:
    """`guards=[requires_login]`, `guards=GUARDS`: a keyword that names something; `guards=[]` names nothing."""
    return arg is not None and _names_something(arg.value)


def _names_something(value: cst.BaseExpression) -> bool:
    """`[requires_login]`, `GUARDS`: not `[]`, `()` or `None`."""
    return bool(value.elements) if isinstance(value, (cst.List, cst.Tuple)) else not isinstance(value, cst.Name) \
        or value.value != "None"


def _keyword(call: cst.Call, name: str) -> cst.Arg | None:
    return next((a for a in call.args if a.keyword is not None and a.keyword.value == name), None)


def _positional(call: cst.Call, index: int) -> cst.Arg | None:
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[index] if len(positional) > index else None


# An authenticator that lets callers without credentials in (`AllowAnonymous()`, `django_auth_is_anonymous`).
ANONYMOUS_AUTH = lazy_pattern(r"anonymous|optional|allow_?any|public", re.IGNORECASE)


def _non_empty(arg: cst.Arg | None) -> bool:
    value = arg.value if arg is not None else None
    if isinstance(value, (cst.List, cst.Tuple, cst.Set)):
        return bool(value.elements)
    return value is not None and not (isinstance(value, cst.Name) and value.value == "None")


def _requires_something(arg: cst.Arg | None) -> bool:
    """A guard keyword that names a guard: not `None`, an empty list or Pyramid's `NO_PERMISSION_REQUIRED`."""
    return arg is not None and names_a_guard(arg.value)


def _is_open_level(value: cst.BaseExpression) -> bool:
    """`func.AuthLevel.ANONYMOUS` or `"anonymous"`: an Azure Functions level that asks for no key."""
    text = text_value(value) or full_name(value) or ""
    return text.rpartition(".")[2].lower() == fw.AZURE_OPEN_LEVEL


def _azure_app_open(module: cst.Module) -> bool:
    """The module makes its Azure Functions app or blueprint with `http_auth_level=AuthLevel.ANONYMOUS`."""
    for statement in module.body:
        for inner in walk_own(statement) if isinstance(statement, cst.SimpleStatementLine) else ():
            if isinstance(inner, cst.Call) and (full_name(inner.func) or "").rpartition(".")[2] in fw.AZURE_APPS:
                level = _keyword(inner, fw.AZURE_APP_LEVEL)
                if level is not None and _is_open_level(level.value):
                    return True
    return False


def _authenticates(arg: cst.Arg | None) -> bool:
    """django-ninja's `auth=`: authenticators that refuse a request none of them accepts; not `None`, and not a list
    that also lets anonymous callers through (`auth=[BearerTokenAuth(), AllowAnonymous()]`, a public read)."""
    if not _non_empty(arg):
        return False
    value = arg.value  # type: ignore[union-attr]
    members = [e.value for e in value.elements] if isinstance(value, (cst.List, cst.Tuple)) else [value]
    return not any(ANONYMOUS_AUTH.search(full_name(m.func if isinstance(m, cst.Call) else m) or "") for m in members)


def _session_reads(test: cst.BaseExpression) -> list[tuple[cst.BaseExpression, cst.BaseExpression]]:
    """(mapping, key) pairs read in a condition: `m.get(k)`, `m[k]`, `k in m`, through `not`, `and`, `or`, `is None`."""
    while type(test) is cst.UnaryOperation:  # a loop: `not not ... x` may nest thousands deep
        test = test.expression
    if type(test) is cst.BooleanOperation:
        return _session_reads(test.left) + _session_reads(test.right)
    if type(test) is cst.Comparison:
        target = test.comparisons[0]
        if type(target.operator) is cst.In or type(target.operator) is cst.NotIn:
            return [(target.comparator, test.left)]
        return _session_reads(test.left)
    if type(test) is cst.Call and type(test.func) is cst.Attribute and test.func.attr.value == "get" and test.args:
        return [(test.func.value, test.args[0].value)]
    if type(test) is cst.Subscript and len(test.slice) == 1 and type(test.slice[0].slice) is cst.Index:
        return [(test.value, test.slice[0].slice.value)]
    return []


def _hands_caller(call: cst.Call) -> bool:
    """`article.can_write(request.user)`, `doc.may_edit(user=current_user)`: the call is handed the signed-in caller."""
    return any(full_name(arg.value) in IDENTITY_EXPRESSIONS for arg in call.args)


# Receivers that answer for the signed-in caller themselves (Flask-AppBuilder's `self.appbuilder.sm`, a
# `security_manager`): `sm.has_access(permission, view)` asks about the current user without being handed them.
SECURITY_MANAGERS = frozenset({"sm", "security_manager", "securitymanager", "auth_manager", "access_manager"})


def _asks_security_manager(func: cst.BaseExpression) -> bool:
    """`self.appbuilder.sm.has_access(...)`, `current_app.security_manager.has_access(...)`."""
    if type(func) is not cst.Attribute:
        return False
    receiver = func.value
    name = receiver.attr.value if type(receiver) is cst.Attribute else receiver.value if type(receiver) is cst.Name else ""
    return name.lower() in SECURITY_MANAGERS


def _hook_refuses(frame: Frame, must_deny: bool) -> bool:
    """Whether an app-wide hook can turn a request away. An HTTP middleware (`must_deny`) always answers with the
    next handler's response, so only an auth check in it that can deny counts (one that only records the verdict,
    `request["token_ok"] = compare_digest(...)`, turns nobody away); a `before_request` hook refuses by answering,
    aborting or raising, or through a check that raises (`verify_jwt_in_request()`): one that only loads the user
    (`g.user = None`, also under `if "user_id" in session:`) or logs leaves every route open."""
    return frame.body_guard and frame.denies if must_deny else frame.exits or frame.denies_by_call


def _calls_denying_method(frame: Frame, view: ClassView) -> bool:
    """`return self._login_redirect(request)`: the method hands the refusal to another method of its class."""
    return any(view.methods[name].denies for name in _own_methods_called(frame, view))


def _calls_guarding_method(frame: Frame, view: ClassView) -> bool:
    """`context = self._prepare(id)`: a view method that first runs a method of its class which checks the caller and
    refuses (CKAN's `_prepare`: `check_access(...)`, then `abort(403)` on `NotAuthorized`)."""
    return any(view.methods[name].body_guard and view.methods[name].denies for name in _own_methods_called(frame, view))


def _own_methods_called(frame: Frame, view: ClassView) -> set[str]:
    return _self_methods_called(frame.node.body, view)


def _self_methods_called(body: cst.CSTNode, view: ClassView) -> set[str]:
    """The methods of the class that `self.<method>(...)` calls in `body` reach."""
    called = {n.func.attr.value for n in walk_own(body) if type(n) is cst.Call
              and type(n.func) is cst.Attribute and type(n.func.value) is cst.Name and n.func.value.value == "self"}
    return called & view.methods.keys()


def _may_hook(frame: Frame) -> bool:
    """A module-level function that takes no arguments, as a `before_request` hook is called."""
    params = frame.node.params
    return not (params.params or params.posonly_params or params.kwonly_params)


class AppModelCollector:
    """Walks one file and writes its part of the app model (see `vibecheck.analysis.app_model`)."""

    code = "app-model"

    def __init__(self, context: RuleContext, options: GuardOptions | None = None) -> None:
        self.context = context
        # another rule that reads the model (the untested-code rules) passes its own options: defaults then
        self.options = options if isinstance(options, GuardOptions) else GuardOptions()
        self.match = _matchers(self.options)
        self.scopes: list[Frame | ClassView] = []
        self.in_decorator = 0
        # the function body the walk is in (not in a decorator): kept as scopes change, read by every evidence handler
        self.frame: Frame | None = None
        self.routes: list[Route] = []
        self.functions: dict[str, Frame] = {}
        self.classes: dict[str, ClassView] = {}
        self.writers: set[str] | None = None  # `_writing_methods`
        self.hooks: list[tuple[str, Frame | str, bool]] = []
        self.guarded_receivers: set[str] = set()
        self.auth_keyword_receivers: set[str] = set()  # django-ninja routers and APIs: a route's `auth=` replaces theirs
        self.restricted_receivers: set[str] = set()  # guarded by a role, not only a login (`Depends(require_admin)`)
        self.app_names: set[str] = {"app", "application"}
        self.guard_names: set[str] = set()
        self.view_registrations: dict[str, list[tuple[str | None, str | None, cst.Call | None]]] = {}
        self.function_registrations: list[tuple[str | None, str | None, frozenset[str], str, cst.Call]] = []
        self.prefixes: dict[str, str] = {}
        self.router_prefixes: dict[str, str] = {}  # module-level routers made with a prefix, which other modules import
        self.global_guard = False
        self.guarded_handlers: set[str] = set()  # handlers a Litestar `Router(..., guards=[...])` lists
        self.uses_django = False
        self.uses_tornado = False
        self.uses_falcon = False
        self.uses_graphene = False
        # Graphene's resolvers, kept only where the module guards some of them itself: a schema whose GraphQL view is
        # guarded where it is mounted (`login_required(GraphQLView.as_view())`) decorates none of its resolvers.
        self.graphene_routes: list[Route] = []
        self.uses_fab = False
        self.resources: list[dict[str, Any]] = []  # Falcon's `app.add_route("/x", Resource(), suffix=...)`
        self.instances: dict[str, str] = {}  # `items = ItemResource(db)`: the class a name is bound to an instance of
        # `api_service = ApiService()` at module level: a handler's `api_service.add(...)` calls `ApiService.add`
        self.service_objects: dict[str, str] = {}
        # `slack_app_handler = AsyncSlackRequestHandler(app)` at module level: the object's methods that verify a request
        self.verifying_objects: dict[str, frozenset[str]] = {}
        self.middleware_lists: dict[str, cst.List | cst.Tuple] = {}  # `middleware = [TokenMiddleware()]`
        # `middlewares.append(BasicAuthMiddleware(...))` to a list a name holds, before `Application(middlewares=...)`
        self.appended_middleware: dict[str, list[cst.BaseExpression]] = {}
        self.uses_ninja = False
        self.guard_keywords: tuple[str, ...] = ()  # route decorators' keywords that authenticate (Chalice's `authorizer`)
        self.framework: str | None = None
        self.anchors: dict[int, tuple[str, int]] = {}
        self.definitions_seen = 0
        self.registrations_seen = 0
        self.includes: list[dict[str, Any]] = []
        self.url_views: list[dict[str, Any]] = []
        self.view_aliases: dict[str, dict[str, Any]] = {}
        self.dependency_aliases: dict[str, str] = {}
        self.settings: dict[str, Any] = {}
        self.signature_library = False  # the file imports a library whose objects verify signatures (svix, PyNaCl)
        self.verifying_adapter = False  # the file imports a chat platform's request handler that verifies (Slack Bolt)
        self.bot_library = False  # the file imports a chat-bot library (`bots.BOT_MODULES`)
        self.mount_prefixes: dict[int, str] = {}  # route objects listed in a `Mount(...)`: the prefix it adds
        # route objects in a module-level list (`admin_routes = [Route(...)]`) -> the list; a `Mount` of it adds a prefix
        self.route_lists: dict[int, str] = {}
        self.list_prefixes: dict[str, str] = {}
        # route objects (and module-level route lists) under a `Mount(..., middleware=[Middleware(TokenAuth)])` or
        # with a `Route(..., middleware=[...])` of their own; and the `Middleware(...)` calls that guard only those
        self.guarded_objects: set[int] = set()
        self.guarded_lists: set[str] = set()
        self.scoped_middleware: set[int] = set()
        self.constants: dict[str, str] = {}  # module-level strings (`ADMIN_PREFIX = "/admin"`)
        self.hook_refs: list[list[str]] = []  # [receiver, hook] of hooks imported from another module
        self.wrapped: list[tuple[str, cst.Call]] = []  # `delete_note = login_required(_delete_note)`: a handler, maybe
        # routers and apps guarded by `dependencies=[Depends(f)]` -> the dependencies, which may never deny; and those
        # guarded by something else too (a hook, a list built elsewhere), whose guard stands whatever the dependencies do
        self.receiver_dependencies: dict[str, list[str]] = {}
        self.receivers_guarded_otherwise: set[str] = set()
        self.written_names: set[int] = set()  # `is_admin=` of a call, `user.is_admin = ...`: a field set, not checked
        self.urlconf = UrlconfLists()  # pattern lists guarded whole (`decorate_urlpatterns(urlpatterns, guard)`)
        self.url_namespace: str | None = None  # a URLconf's `app_name = "orga"`
        self.urlconf_scopes: set[int] = set()  # the nodes whose `leave_` ends a list, hook or loop of `urlconf`
        # module-level sequences of names (`ROUTERS = (api.flows.router, ...)`), and the loop variables that run over
        # one (`for router in ROUTERS: app.include_router(router)`) -> the names they stand for
        self.name_sequences: dict[str, list[str]] = {}
        self.loop_names: dict[str, list[str]] = {}

    # names ---------------------------------------------------------------------------------------------

    def _is_guard_name(self, name: str, table: frozenset[str]) -> bool:
        last = _last(name)
        if last in fw.NOT_GUARDS:
            return False
        return last in table or last in self.guard_names or (self.match.guess and fw.reads_as_guard(last))

    def _is_public_name(self, name: str) -> bool:
        """`login_view`, `reset_password`, `health_check`, `AcceptInvite`; not `delete_contact` or `update_status`, which
        act on an object whose name only sounds like an open endpoint, nor `accept_invite_by_id`."""
        words = fw.name_words(name)
        joined = {a + b for a, b in zip(words, words[1:], strict=False)}
        if joined & self.match.public_paths or joined & fw.LINK_REDEMPTION_SEGMENTS and not fw.ID_WORDS & set(words):
            return True
        return any(w in self.match.public_paths for w in words) and not fw.OBJECT_ACTION_WORDS & set(words)

    def _is_public_path(self, path: str | None) -> bool:
        """An open-by-design segment (`/auth/login`, `/reset-password/<token>`, `/auth/reset`) that no object's id comes
        before."""
        previous = ""
        for segment in (path or "").split("/"):
            parameters = _path_params(segment)
            if parameters:
                if _normal(parameters[0]) not in fw.NON_OBJECT_PARAMETERS:
                    return False
            elif segment and (_normal(segment) in self.match.public_paths or _normal(segment) in fw.LINK_REDEMPTION_SEGMENTS
                              or (previous in fw.SIGN_IN_SCOPES and _normal(segment) in fw.RECOVERY_SEGMENTS)):
                return True
            previous = _normal(segment) if segment else previous
        return False

    def _is_public_route(self, path: str | None, names: tuple[str, ...], names_object: bool = False) -> bool:
        """Open by design: its path says so, or (for a path and parameters that name no object) its handler's name
        does."""
        if self._is_public_path(path):
            return True
        names_object = names_object or any(_normal(p) not in fw.NON_OBJECT_PARAMETERS for p in _path_params(path))
        return not names_object and any(self._is_public_name(n) for n in names)

    def _marks_guard(self, expression: cst.BaseExpression) -> bool:
        """BlackSheep's `@auth("admin")` above `@app.router.get(...)`: a guard that marks the function the route holds,
        so it guards from either side of the route decorator."""
        callee = expression.func if isinstance(expression, cst.Call) else expression
        qualified = self.qualified_name(callee) or ""
        return qualified.startswith(fw.MARKING_GUARD_MODULES) and self._decorator_guards(expression)

    def _decorator_guards(self, expression: cst.BaseExpression) -> bool:
        """`@login_required`, `@roles_required("x")`, `@method_decorator(login_required)`, `@permission_classes([...])`."""
        callee = expression.func if isinstance(expression, cst.Call) else expression
        name = _last(self.qualified_name(callee))
        if isinstance(expression, cst.Call) and name == "method_decorator":
            first = _positional(expression, 0)
            if first is None:
                return False
            inner = _strings(first.value)
            targets = first.value.elements if isinstance(first.value, (cst.List, cst.Tuple)) and inner is None else [first]
            return any(self._decorator_guards(t.value) for t in targets)  # type: ignore[union-attr]
        if isinstance(expression, cst.Call) and name == "permission_classes":
            first = _positional(expression, 0)
            return first is not None and self._permissions_guard(first.value)
        if isinstance(expression, cst.Call) and self.qualified_name(callee) in fw.FALCON_HOOKS:
            hook = _positional(expression, 0) or _keyword(expression, "action")  # a hook runs as a dependency does
            return hook is not None and self._is_guard_name(full_name(hook.value) or "", self.match.guard_dependencies)
        return self._is_guard_name(name, self.match.guard_decorators)

    def _decorator_refs(self, expression: cst.BaseExpression) -> list[str]:
        """The names a decorator may be defined under elsewhere (`method_decorator(x)` is `x`)."""
        callee = expression.func if isinstance(expression, cst.Call) else expression
        name = full_name(callee)
        if name is None:
            return []
        if isinstance(expression, cst.Call) and _last(self.qualified_name(callee)) == "method_decorator":
            first = _positional(expression, 0)
            if first is None:
                return []
            inner = first.value.elements if isinstance(first.value, (cst.List, cst.Tuple)) else [first]
            return [r for e in inner for r in self._decorator_refs(e.value)]  # type: ignore[union-attr]
        if isinstance(expression, cst.Call) and self.qualified_name(callee) in fw.FALCON_HOOKS:
            hook = _positional(expression, 0) or _keyword(expression, "action")  # `@falcon.before(auth.require_user)`
            hook_name = full_name(hook.value) if hook is not None else None
            return [self._ref_text(hook_name)] if hook_name else []
        return [self._ref_text(name)]

    def _dependency_refs(self, node: cst.FunctionDef) -> list[str]:
        """`Depends(x)` targets in the signature (also inside `Annotated[...]`), and annotation names."""
        refs = []
        for param in [*node.params.posonly_params, *node.params.params, *node.params.kwonly_params]:
            values = [param.default] if param.default is not None else []
            annotation = param.annotation.annotation if param.annotation is not None else None
            if isinstance(annotation, cst.Subscript):
                values += [e.slice.value for e in annotation.slice if isinstance(e.slice, cst.Index)]
            elif annotation is not None:
                values.append(annotation)
            if any(self._names_factory(v) for v in values):
                values = [v for v in values if isinstance(v, cst.Call)]  # the type it returns guards nothing
            for value in values:
                if isinstance(value, cst.Call) and _last(self.qualified_name(value.func)) in DEPENDENCY_CALLS:
                    first = _positional(value, 0) or _keyword(value, "dependency")
                    value = first.value if first is not None else None  # type: ignore[assignment]
                    if isinstance(value, cst.Call):
                        value = value.func
                name = full_name(value) if value is not None else None
                if name is not None:
                    refs.append(self._ref_text(name))
        return refs

    def _dependencies_guard(self, arg: cst.Arg | None) -> bool:
        """`dependencies=[Depends(verify_token)]` on a route, router, app or include: it may check the caller, unless
        every dependency listed only provides a resource (`[Depends(get_db)]`, `[Depends(RateLimiter(times=2))]`)."""
        if not _non_empty(arg):
            return False
        value = arg.value  # type: ignore[union-attr]
        if not isinstance(value, (cst.List, cst.Tuple)):
            return True  # `dependencies=AUTH`: a list built elsewhere
        return not all(self._provides_resource(e.value) for e in value.elements)

    def _dependency_list_refs(self, arg: cst.Arg | None) -> list[str] | None:
        """The dependencies a `dependencies=[Depends(f), ...]` list may guard with, as refs (not `get_db`); None when
        the list is built elsewhere or names what is no plain function (`Security(...)`, `Depends(RoleChecker(...))`)."""
        if not _non_empty(arg):
            return []
        value = arg.value  # type: ignore[union-attr]
        if not isinstance(value, (cst.List, cst.Tuple)):
            return None
        refs = []
        for element in value.elements:
            if self._provides_resource(element.value):
                continue
            target = self._plain_dependency(element.value)
            if target is None:
                return None
            refs.append(self._ref_text(target))
        return refs

    def _plain_dependency(self, value: cst.BaseExpression) -> str | None:
        """`Depends(get_user)` -> `get_user`; None for `Security(...)` or a dependency built by a call."""
        if not isinstance(value, cst.Call) or _last(self.qualified_name(value.func)) != "Depends":
            return None
        first = _positional(value, 0) or _keyword(value, "dependency")
        if first is None or isinstance(first.value, cst.Call):
            return None
        return full_name(first.value)

    def _note_receiver_guard(self, receiver: str, arg: cst.Arg | None) -> None:
        """Remember which dependencies guard a router or app, to drop the guard if none of them can deny."""
        refs = self._dependency_list_refs(arg)
        if refs:
            self.receiver_dependencies.setdefault(receiver, []).extend(refs)
        else:
            self.receivers_guarded_otherwise.add(receiver)

    def _provides_resource(self, element: cst.BaseExpression) -> bool:
        if not isinstance(element, cst.Call) or _last(self.qualified_name(element.func)) != "Depends":
            return False
        first = _positional(element, 0) or _keyword(element, "dependency")
        target = first.value.func if first is not None and isinstance(first.value, cst.Call) else \
            first.value if first is not None else None
        name = full_name(target) if target is not None else None
        return name is not None and fw.provides_resource(_last(name))

    def _names_factory(self, value: cst.BaseExpression) -> bool:
        """`Depends(get_user)`, not `Depends()`: a dependency whose factory, not its parameter's type, is called."""
        return isinstance(value, cst.Call) and bool(value.args) \
            and _last(self.qualified_name(value.func)) in DEPENDENCY_CALLS

    def _permissions_open(self, value: cst.BaseExpression) -> bool:
        """`[AllowAny]`: permission classes that name only an open one, so the view is public on purpose (not `[]`,
        which may be a leftover)."""
        names = [_last(self.qualified_name(e.value)) for e in value.elements] \
            if isinstance(value, (cst.List, cst.Tuple)) else []
        return bool(names) and all(n in fw.OPEN_PERMISSIONS for n in names)

    def _opens(self, decorator: cst.BaseExpression) -> bool:
        """`@permission_classes([AllowAny])` on a DRF function view."""
        if not isinstance(decorator, cst.Call) or _last(self.qualified_name(decorator.func)) != "permission_classes":
            return False
        first = _positional(decorator, 0)
        return first is not None and self._permissions_open(first.value)

    def _is_auth_step(self, path: str | None, names: tuple[str, ...]) -> bool:
        """A step of signing in, told by its name or path (`ProviderAuthView`, `/auth/o/<provider>/`), on no object."""
        if any(_normal(p) not in fw.NON_OBJECT_PARAMETERS for p in _path_params(path)):
            return False
        words = {w for n in names for w in fw.name_words(n)} | {w for s in (path or "").split("/") for w in fw.name_words(s)}
        return bool(words & fw.AUTH_STEP_WORDS) and not words & fw.OBJECT_ACTION_WORDS

    def _permissions_guard(self, value: cst.BaseExpression) -> bool:
        """DRF permission classes other than an empty list or `AllowAny` alone."""
        if isinstance(value, (cst.List, cst.Tuple)):
            names = [_last(self.qualified_name(e.value)) for e in value.elements]
            return any(n != "AllowAny" for n in names)
        return True

    # scopes ---------------------------------------------------------------------------------------------

    def _scoped(self) -> None:
        """Set `frame` after a change of scope or decorator depth: the innermost scope if it is a function body."""
        innermost = self.scopes[-1] if self.scopes and not self.in_decorator else None
        self.frame = innermost if type(innermost) is Frame else None

    def qualified_name(self, node: cst.CSTNode) -> str | None:
        return self.context.qualified_name(node)

    def visit_Module(self, node: cst.Module) -> None:
        imported = self.context.imports.aliases.values()
        self.uses_django = any(v.startswith(("django", "rest_framework")) for v in imported)
        self.uses_ninja = any(v.partition(".")[0] in fw.AUTH_KEYWORD_MODULES for v in imported)
        self.framework = next((name for prefix, name in FRAMEWORK_PREFIXES
                               if any(v == prefix or v.startswith(prefix + ".") for v in imported)), None)
        # FastHTML's apps, their route functions (`rt`) and Beforeware; the paths each app's Beforeware skips
        self.fasthtml = fast_apps(node, self.context.imports) if self.context.imports.imports_any(FASTHTML_MODULES) \
            else FastApps()
        self.receiver_skips: dict[str, list[tuple[str, ...]]] = {}  # per app, the skip list of each hook that refuses
        for before in self.fasthtml.befores:
            self.hooks.append((before.receiver, before.hook, False))
        if self.fasthtml.route_functions:
            self.framework = self.framework or "fasthtml"
        self.signature_library = any(v.startswith(fw.SIGNATURE_LIBRARIES) for v in imported)
        self.verifying_adapter = any(v.startswith(fw.VERIFYING_ADAPTERS) for v in imported)
        self.bot_library = self.context.imports.imports_any(BOT_MODULES)
        self.uses_tornado = any(v == fw.HANDLER_BASE_MODULE or v.startswith(fw.HANDLER_BASE_MODULE + ".") for v in imported)
        self.uses_falcon = any(v == fw.FALCON_MODULE or v.startswith(fw.FALCON_MODULE + ".") for v in imported)
        self.uses_graphene = any(v == fw.GRAPHENE_MODULE or v.startswith(fw.GRAPHENE_MODULE + ".") for v in imported)
        self.uses_fab = any(v == fw.FAB_MODULE or v.startswith(fw.FAB_MODULE + ".") for v in imported)
        self.guard_keywords = tuple(keyword for module, keyword in fw.ROUTE_GUARD_KEYWORDS.items()
                                    if any(v == module or v.startswith(module + ".") for v in imported))
        self.uses_azure = any(v == fw.AZURE_FUNCTIONS_MODULE or v.startswith(fw.AZURE_FUNCTIONS_MODULE + ".")
                              for v in imported)
        self.azure_open_by_default = self.uses_azure and _azure_app_open(node)

    def visit_Decorator(self, node: cst.Decorator) -> None:
        self.in_decorator += 1
        self.frame = None

    def leave_Decorator(self, node: cst.Decorator) -> None:
        self.in_decorator -= 1
        self._scoped()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._place(node)
        parent = self.scopes[-1] if self.scopes else None
        frame = Frame(node, parent=parent if isinstance(parent, Frame) else None)
        self.scopes.append(frame)
        self._scoped()
        if isinstance(parent, ClassView):
            parent.methods[node.name.value] = frame
            if parent.controller:
                self._collect_controller_routes(node, frame, parent)
            elif self._entrypoint(node):
                self._collect_entrypoint_routes(node, frame, parent)  # a Nameko service's `@http(...)` method
            else:
                self._collect_guarded_views(node, frame, parent)
            return
        if parent is None:
            self.functions[node.name.value] = frame
            if not node.decorators and self._requires_credentials(node):
                self.guard_names.add(node.name.value)
            if self.urlconf.enter_hook_function([d.decorator for d in node.decorators]):
                self.urlconf_scopes.add(id(node))
        self._collect_function_routes(node, frame)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        frame = self.scopes.pop()
        self._scoped()
        if id(node) in self.urlconf_scopes:
            self.urlconf.leave_hook_function()
        if isinstance(frame, Frame) and (frame.body_guard or frame.checks_credential or frame.authenticates) \
                and frame.parent is not None:
            frame.parent.authenticates = True
        if isinstance(frame, Frame) and frame.parent is not None:
            frame.parent.denies |= frame.denies
            frame.parent.persists |= frame.persists
            frame.parent.sets_privilege |= frame.sets_privilege
            frame.parent.attaches_user |= frame.attaches_user
            frame.parent.nests = True
        if isinstance(frame, Frame):
            frame.authenticates |= frame.body_guard and frame.exits

    def _place(self, node: cst.FunctionDef | cst.ClassDef) -> None:
        self.anchors[id(node)] = self.anchors[id(_anchor(node))] = ("def", self.definitions_seen)
        self.definitions_seen += 1

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._place(node)
        view = self._class_view(node)
        self.scopes.append(view)
        self._scoped()
        if not self.scopes[:-1]:
            self.classes[node.name.value] = view

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        view = self.scopes.pop()
        self._scoped()
        if isinstance(view, ClassView):
            view.guarded |= self._guards_own_views(view)

    def _guards_own_views(self, view: ClassView) -> bool:
        """A mixin or base view of the module that checks the caller for every view built on it: its `dispatch`
        checks and refuses (`if not self._is_authorized(request): return JsonResponse(..., status=403)`), or its
        `as_view` hands the view to a guard decorator (`return check_event_permissions(super().as_view(**kwargs))`)."""
        dispatch = view.methods.get("dispatch")
        if dispatch is not None and not swallows_denial(dispatch.node) and (
                dispatch.body_guard and dispatch.denies or _calls_guarding_method(dispatch, view)):
            return True  # also through a method of its class (pretalx's `self.get_user()`, found by the reset token)
        as_view = view.methods.get("as_view")
        return as_view is not None and any(
            type(n) is cst.Return and type(n.value) is cst.Call and self._decorator_guards(n.value.func)
            for n in walk_own(as_view.node.body))

    # URLconf lists guarded whole (`urlconf_lists.py`), and loops over sequences of names -------------------------

    def visit_For(self, node: cst.For) -> None:
        """A module-level loop that collects a URLconf's hook patterns; `for router in ROUTERS:` (or over a literal list
        of names): what the loop variable stands for in the body."""
        if not self.scopes and self.urlconf.enter_loop(node.iter):
            self.urlconf_scopes.add(id(node))
        if type(node.target) is not cst.Name:
            return
        names = _names_listed(node.iter) if isinstance(node.iter, (cst.List, cst.Tuple)) \
            else self.name_sequences.get(full_name(node.iter) or "")
        if names:
            self.loop_names[node.target.value] = names

    def leave_For(self, node: cst.For) -> None:
        if id(node) in self.urlconf_scopes:
            self.urlconf.leave_loop()
        if type(node.target) is cst.Name:
            self.loop_names.pop(node.target.value, None)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        if self.scopes or type(node.target) is not cst.Name:
            return
        self.urlconf.extended(node.target.value)
        if isinstance(node.value, (cst.List, cst.Tuple)):
            self.urlconf.enter_list(node.target.value)
            self.urlconf_scopes.add(id(node))

    def leave_AugAssign(self, node: cst.AugAssign) -> None:
        if id(node) in self.urlconf_scopes:
            self.urlconf.leave_list()

    def leave_Assign(self, node: cst.Assign) -> None:
        if id(node) in self.urlconf_scopes:
            self.urlconf.leave_list()

    def _wraps_pattern_list(self, call: cst.Call) -> None:
        """`decorate_urlpatterns(urlpatterns, require_admin_access)` at module level: a call given a pattern list and
        the decorators to wrap its views in (any other names it is given); `urlpatterns.extend(...)`, which in a
        hook-collecting loop adds the hook's patterns."""
        func = call.func
        if type(func) is cst.Attribute and func.attr.value in LIST_EXTENDERS and type(func.value) is cst.Name:
            self.urlconf.extended(func.value.value)
            return
        named = [a.value for a in call.args if type(a.value) in (cst.Name, cst.Attribute)]
        listed = [n.value for n in named if type(n) is cst.Name and n.value in self.urlconf.lists]
        decorators = [n for n in named if not (type(n) is cst.Name and n.value in self.urlconf.lists)]
        if len(listed) == 1 and decorators:
            wrappers = [self._ref_text(full_name(d) or "") for d in decorators]
            self.urlconf.decorate(listed[0], wrappers, any(self._decorator_guards(d) for d in decorators))

    # body evidence --------------------------------------------------------------------------------------

    def visit_Name(self, node: cst.Name) -> None:
        """The walk's most frequent node: outside a function body, and for most names, two set lookups decide."""
        frame = self.frame
        value = node.value
        if frame is None or value not in self.match.marking_names:
            return
        status = value in fw.AUTH_STATUS_NAMES
        checks = status or value in self.match.in_body_checks
        denial = status or value in fw.DENIAL_NAMES
        if (checks or denial) and id(node) not in self.written_names:
            if checks:
                frame.body_guard = True
                frame.status_guard |= status
            if denial:
                frame.denies = True

    def visit_Integer(self, node: cst.Integer) -> None:
        if node.value in fw.AUTH_STATUS_CODES:
            self._mark_body_guard(by_status=True)
            self._mark_denial()

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        lowered = node.value.lower()
        if "login" in lowered:
            self._mark_body_guard()
            self._mark_denial()  # `redirect("/login")`, `HttpResponseRedirect(settings.LOGIN_URL + "?next=")`
        if "signature" in lowered:
            frame = self.frame
            if frame is not None:
                frame.names_signature = True

    def _mark_body_guard(self, *, by_status: bool = False) -> None:
        frame = self.frame
        if frame is not None:
            frame.body_guard = True
            frame.status_guard |= by_status

    def _mark_denial(self) -> None:
        frame = self.frame
        if frame is not None:
            frame.denies = True

    def visit_Raise(self, node: cst.Raise) -> None:
        frame = self.frame
        if frame is not None:
            frame.exits = True
            frame.raises = frame.denies = True
            raised = node.exc.func if type(node.exc) is cst.Call else node.exc
            if type(raised) is cst.Name and raised.value in fw.RAISED_DENIALS:
                frame.body_guard = True

    def visit_Assert(self, node: cst.Assert) -> None:
        self._mark_denial()

    def _note_stores(self, frame: Frame, node: cst.Assign) -> None:
        """An assignment's targets, read by `visit_Assign` (their only parent) rather than by a handler per target, and
        before the walk meets their names: `g.user = ...` attaches the caller, `user.is_admin = ...` sets a field."""
        for assigned in node.targets:
            target = assigned.target
            if attaches_to_request(target):
                frame.attaches_user = True
            if type(target) is cst.Attribute:
                self.written_names.add(id(target.attr))
                frame.sets_privilege |= target.attr.value in fw.PRIVILEGE_FIELDS

    def visit_Return(self, node: cst.Return) -> None:
        frame = self.frame
        if frame is None:
            return
        if node.value is None or _is_none(node.value):
            frame.returns_none = True
        else:
            frame.exits = True
            frame.returns_none |= type(node.value) is cst.IfExp and (_is_none(node.value.body) or _is_none(node.value.orelse))

    def visit_If(self, node: cst.If) -> None:
        """`if not session.get("user_id"):`, `if "logged_in" not in session:`: a hand-written login check. So is a test
        of the caller a credential names that refuses (`user = api_service.current_user(cookie)`, then `if user is
        None: return ..., 404`): the result of such a call is authentication once it is checked, whatever the status."""
        frame = self.frame
        if frame is not None and any(self._session_identity(s, k) for s, k in _session_reads(node.test)):
            self._mark_body_guard()
        elif frame is not None and self._tests_caller(node.test, frame) and _refuses(node.body):
            frame.body_guard = frame.denies = True

    @staticmethod
    def _tests_caller(test: cst.BaseExpression, frame: Frame) -> bool:
        """The test reads a name bound to the caller a credential names, or calls for that caller itself (`if not
        api_service.current_user(cookie):`, `if get_user(request) is None:`)."""
        while type(test) is cst.UnaryOperation:
            test = test.expression
        if type(test) is cst.Comparison:
            test = test.left
        if type(test) is cst.Call:
            return _credential_caller(test)
        return bool(frame.callers) and any(type(n) is cst.Name and n.value in frame.callers for n in walk_own(test))

    def _session_identity(self, session: cst.BaseExpression, key: cst.BaseExpression) -> bool:
        name = _string(key)
        if name is None or not SESSION_IDENTITY_WORDS & set(fw.name_words(name)):
            return False
        return (self.qualified_name(session) or full_name(session)) in SESSIONS

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in ("POST", "FILES"):
            frame = self.frame
            if frame is not None and full_name(node) in fw.SUBMITTED_DATA:
                frame.posts = True

    def visit_Comparison(self, node: cst.Comparison) -> None:
        frame = self.frame
        if frame is None:
            return
        sides = (node.left, *(c.comparator for c in node.comparisons))
        if compares_header_to_secret(node, frame.node):
            frame.verifies_signature = True  # `if token != self.secret_token:`: the webhook's shared secret checked
        if frame.credentials and any(isinstance(side, cst.Name) and side.value in frame.credentials for side in sides):
            frame.credential_compared = True
        if any(isinstance(c.operator, (cst.Equal, cst.NotEqual)) for c in node.comparisons) and not any(
                isinstance(side, (cst.SimpleString, cst.Integer)) or _is_none(side) for side in sides) and any(
                isinstance(side, cst.Name) and side.value in _presented_credentials(frame.node) for side in sides):
            frame.body_guard = frame.denies = True  # `if profile.confirm_token == token:`: the link's credential checked
        if full_name(node.left) not in ("request.method", "self.request.method"):
            return
        for target in node.comparisons:
            values = _strings(target.comparator) or [_string(target.comparator) or ""]
            if any(v.upper() in fw.STATE_CHANGING_METHODS for v in values):
                frame.posts = True

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        last = func.attr.value if type(func) is cst.Attribute else func.value if type(func) is cst.Name else ""
        if type(func) is cst.Name and func.value in self.context.imports.aliases:
            last = _last(self.qualified_name(func))
        frame = self.frame
        if frame is not None:
            for arg in node.args:  # `User(..., is_admin=True)`: a field set, not checked (a frame's `Arg` is a call's)
                if arg.keyword is not None:
                    self.written_names.add(id(arg.keyword))
                    frame.sets_privilege |= arg.keyword.value in fw.PRIVILEGE_FIELDS
            words = fw.name_words(last)
            if last in EXIT_CALLS:
                frame.exits = frame.denies = True
            if words and words[0] in fw.WRITING_VERBS:
                frame.persists = True
            if is_write_call(node):
                frame.write_calls.append(node)
            elif (method := record_method(node, frame.records)) is not None:
                frame.record_methods.add(method)
            if fw.names_denial(last):
                frame.denies = True
            if words and (words[0] in CHECK_VERBS and (fw.reads_as_guard(last) or last in self.match.in_body_checks
                                                       or _checks_presented_credential(node, frame.node))
                          or words[0] in REDEEMING_VERBS and _checks_presented_credential(node, frame.node)
                          or _looks_up_presented_credential(node, frame.node)
                          or last in CONSTANT_TIME_COMPARISONS and _checks_presented_credential(node, frame.node)
                          or last in fw.UNSIGNING_CALLS and _unsigns_parameter(node, frame.node)):
                frame.body_guard = frame.denies_by_call = frame.denies = True
            if len(words) > 1 and words[0] in PERMISSION_QUERY_WORDS and (_hands_caller(node) or _asks_security_manager(func)):
                frame.body_guard = True  # `if not article.can_write(request.user): return response_forbidden(...)`
            if len(words) > 1 and words[-1] in CHECKER_NOUNS and (fw.reads_as_guard(last) or "access" in words):
                frame.body_guard = frame.denies_by_call = frame.denies = True  # `self._access_validator(self.request)`
            if type(func) is cst.Call and self._decorator_guards(func):
                frame.denies_by_call = frame.denies = True  # `login_required(view)(*args)`: a guard applied on the way
            if fw.checks_signature(last) or isinstance(func, cst.Attribute) and (
                    self.signature_library and last in fw.VERIFIER_METHODS
                    or self.verifying_adapter and last in fw.ADAPTER_METHODS):
                frame.verifies_signature = True  # also `Webhook(secret).verify(body, headers)` (svix), `key.verify(...)`
            if self.bot_library and last in fw.BOT_FEED_CALLS and isinstance(func, cst.Attribute):
                frame.feeds_bot = True
            if type(func) is cst.Name and func.value[:1].islower() and func.value not in BUILTIN_NAMES \
                    and any(head_name(a.value) in REQUEST_NAMES for a in node.args):
                frame.hands_on_request = True
        if _registration_anchor(func):
            self.anchors[id(node)] = ("call", self.registrations_seen)
            self.registrations_seen += 1
        if type(func) is cst.Attribute and func.attr.value in fw.AIOHTTP_ROUTE_DEFS and _is_aiohttp_web(func.value) \
                and (self.qualified_name(func) or "").startswith("aiohttp.web."):
            self._collect_aiohttp_route(node, func.attr.value)
        if last in fw.HANDLER_OWNERS and _lists_any(_keyword(node, "guards")) \
                and (self.qualified_name(func) or "").startswith(fw.HANDLER_DECORATOR_MODULES):
            self._collect_guarded_handlers(node, last)
        if (func.attr.value if type(func) is cst.Attribute else func.value if type(func) is cst.Name else "") \
                in fw.ROUTE_OBJECT_NAMES and _last(full_name(func)) in fw.ROUTE_OBJECT_NAMES:  # the spelling first: cheap
            qualified = self.qualified_name(func) or ""
            if qualified.startswith(fw.ROUTE_OBJECT_MODULES):
                kind = _last(qualified)
                if kind in fw.ROUTE_OBJECTS:
                    self._collect_route_object(node, kind)
                elif kind in fw.MOUNTS:
                    self._collect_mount(node)
                elif kind in fw.MIDDLEWARE_WRAPPERS and id(node) not in self.scoped_middleware:
                    self._collect_middleware(_positional(node, 0) or _keyword(node, "cls"))
        if last in fw.URLCONF_CALLS and (not self.scopes or (self.qualified_name(func) or "").startswith(fw.URLCONF_MODULES)):
            self._collect_url(node)  # also in a function that builds the patterns (allauth's `build_urlpatterns(client)`)
        elif not self.scopes and self.urlconf.lists:
            self._wraps_pattern_list(node)
        if last in fw.REGISTRATION_CALLS and isinstance(node.func, cst.Attribute):
            self._collect_registration(node)
        elif last in fw.BEFORE_REQUEST_HOOKS and isinstance(node.func, cst.Attribute):
            target = _positional(node, 0)
            if target is not None and not self.in_decorator:
                receiver = full_name(node.func.value) or ""
                hook_receiver = "*" if last == "before_app_request" else receiver
                self.hooks.append((hook_receiver, full_name(target.value) or "*", False))
        elif last in fw.MIDDLEWARE_REGISTRATIONS and isinstance(node.func, cst.Attribute) and self.uses_falcon:
            app, added = full_name(node.func.value), _positional(node, 0) or _keyword(node, "middleware")
            if app is not None and added is not None:
                self._collect_falcon_middleware(app, added.value)
        elif last in fw.MIDDLEWARE_REGISTRATIONS and isinstance(node.func, cst.Attribute):
            self._collect_middleware(_positional(node, 0))
        elif last == "Application" and self.qualified_name(func) == fw.AIOHTTP_APPLICATION:
            listed = _keyword(node, "middlewares")
            for element in self._listed_middleware(listed.value) if listed is not None else ():
                self._collect_middleware(cst.Arg(element))
        elif last == "append" and isinstance(func, cst.Attribute) and isinstance(func.value, cst.Attribute) \
                and func.value.attr.value in fw.MIDDLEWARE_LISTS:
            self._collect_middleware(_positional(node, 0))
        elif last == "append" and isinstance(func, cst.Attribute) and type(func.value) is cst.Name \
                and func.value.value in self.middleware_lists and (added := _positional(node, 0)) is not None:
            self.appended_middleware.setdefault(func.value.value, []).append(added.value)
        elif last in fw.INCLUDE_CALLS:
            position, keyword = fw.INCLUDE_CALLS[last]
            target = _positional(node, position) or _keyword(node, keyword)
            name = full_name(target.value) if target is not None else None
            for included in self.loop_names.get(name, [name]) if name is not None else ():
                self._collect_include(node, included, position)
        elif last in fw.RESOURCE_REGISTRATIONS and isinstance(node.func, cst.Attribute):
            resource = _positional(node, 0)
            name = full_name(resource.value) if resource is not None else None
            paths = [_string(a.value) for a in node.args[1:] if a.keyword is None and not a.star]
            if name is not None:
                for path in paths or [None]:
                    self.view_registrations.setdefault(name, []).append((None, path, node))

    def _listed_middleware(self, listed: cst.BaseExpression) -> list[cst.BaseExpression]:
        """The middleware of `middlewares=[...]`, or of a name holding a list (`middlewares = [errors]`) with what was
        appended to it before (`middlewares.append(BasicAuthMiddleware(...))`, also only when a setting asks)."""
        if type(listed) is cst.Name and listed.value in self.middleware_lists:
            return [*(e.value for e in self.middleware_lists[listed.value].elements),
                    *self.appended_middleware.get(listed.value, ())]
        return [e.value for e in listed.elements] if isinstance(listed, (cst.List, cst.Tuple)) else []

    def _collect_include(self, node: cst.Call, name: str, position: int) -> None:
        """`app.include_router(items.router, ...)`, `app.register_blueprint(bp)`: the child joins the parent's app and
        takes the guards the call adds. Flask's and Quart's `url_prefix=` replaces the blueprint's own prefix
        (`Blueprint(..., url_prefix="/admin")` registered with `url_prefix="/api"` serves `/api/...`); FastAPI's
        `prefix=` comes before the router's own."""
        replaced = _keyword(node, fw.REPLACING_PREFIX_KEYWORD)
        replacement = self._text(replaced.value) if replaced is not None else None
        if replacement is not None:
            self.prefixes[name] = replacement.rstrip("/")
        elif replaced is not None:
            self.prefixes.pop(name, None)  # `url_prefix=settings.API_PREFIX`: the blueprint's own prefix is gone
        else:
            self._record_prefix(name, node)
        guarded = self._dependencies_guard(_keyword(node, "dependencies")) or self._auth_guards(node)
        if guarded:
            self.guarded_receivers.add(name)
            self._note_receiver_guard(name, _keyword(node, "dependencies"))
        if restricts(dependency_names(node)):
            self.restricted_receivers.add(name)
        parent = full_name(node.func.value) if isinstance(node.func, cst.Attribute) else None
        prefix = _keyword(node, "prefix") or _keyword(node, "url_prefix") or (_positional(node, 0) if position else None)
        known = self._text(prefix.value) if prefix is not None else None
        # `prefix=ADMIN_PREFIX` imported, `url_prefix=settings.ADMIN_PREFIX`: another module's constant, which the
        # project phase looks up (`path_constants`)
        named = full_name(prefix.value) if prefix is not None and known is None else None
        self.includes.append({"parent": self._ref_text(parent) if parent else None,
                              "child": self._ref_text(name), "guarded": guarded,
                              "dependencies": self._dependency_list_refs(_keyword(node, "dependencies")) or [],
                              "prefix": known, "prefix_ref": self._ref_text(named) if named else None,
                              "replaces": replaced is not None})

    def _collect_group(self, group: str, call: cst.Call) -> None:
        """`api = Blueprint.group(users, admin, url_prefix="/api")`: each blueprint listed is included in the group, the
        group's prefix before its own; `app.blueprint(api)` then includes the group."""
        prefix = _keyword(call, "url_prefix")
        for member in (a.value for a in call.args if a.keyword is None and not a.star):
            name = full_name(member)
            if name is not None:
                self.includes.append({"parent": self._ref_text(group), "child": self._ref_text(name), "guarded": False,
                                      "dependencies": [], "replaces": False,
                                      "prefix": self._text(prefix.value) if prefix is not None else None})

    def _collect_guarded_handlers(self, call: cst.Call, owner: str) -> None:
        """`Litestar(route_handlers=[...], guards=[requires_login])` guards the whole app; a `Router(...)` with guards,
        the handlers it lists."""
        if owner == "Litestar":
            self.global_guard = True
            return
        listed = _keyword(call, "route_handlers")
        if listed is not None and isinstance(listed.value, (cst.List, cst.Tuple)):
            self.guarded_handlers.update(_last(full_name(e.value)) for e in listed.value.elements)

    def _collect_middleware(self, target: cst.Arg | None) -> None:
        """`app.add_middleware(TokenAuthMiddleware)`, `Middleware(TokenAuthMiddleware)`: app-wide when it reads as auth;
        a middleware function of this module (aiohttp's `middlewares=[token_middleware]`) only if it can deny."""
        if not _guards_as_middleware(target):
            return
        if target is not None and type(target.value) is cst.Name and not target.value.value[:1].isupper():
            self.hooks.append(("*", target.value.value, True))  # judged by its body once the file is walked
        else:
            self.global_guard = True

    def _scoped_middleware_guards(self, call: cst.Call) -> bool:
        """`Mount(..., middleware=[Middleware(TokenAuth)])`, `Route(..., middleware=[...])`: middleware that runs for
        this object's routes only. Its `Middleware(...)` calls are set aside so that they do not guard the whole app."""
        listed = _keyword(call, "middleware")
        if listed is None or not isinstance(listed.value, (cst.List, cst.Tuple)):
            return False
        guards = False
        for element in listed.value.elements:
            wrapper = element.value
            if isinstance(wrapper, cst.Call) and _last(self.qualified_name(wrapper.func)) in fw.MIDDLEWARE_WRAPPERS:
                self.scoped_middleware.add(id(wrapper))
                guards |= _guards_as_middleware(_positional(wrapper, 0) or _keyword(wrapper, "cls"))
        return guards

    def _collect_url(self, call: cst.Call) -> None:
        """`path("x/", login_required(views.f))`, `re_path(...)`, `router.register("x", ViewSet)`: what a URLconf routes."""
        view_arg = _positional(call, 1) or _keyword(call, "view") or _keyword(call, "viewset")
        view = self._view_of(view_arg.value) if view_arg is not None else None
        included = self._included_module(view_arg.value) if view_arg is not None and view is None else None
        if included is not None and view_arg is not None and type(view_arg.value) is cst.Call:
            self.urlconf.note_include(included, include_namespace(view_arg.value))
        if view is not None:
            self.urlconf.note_view(view)
            route = _positional(call, 0)
            url_name = _keyword(call, "name") or _keyword(call, "basename")
            view["path"] = _string(route.value) if route is not None else None  # the pattern, or a router's prefix
            view["name"] = _string(url_name.value) if url_name is not None else None  # or a router's basename
            view["router"] = _last(full_name(call.func) or "") == "register"
            self.url_views.append(view)

    def _included_module(self, expression: cst.BaseExpression) -> str | None:
        """`include(admin_urls)`, `include("shop.urls")`: the URLconf module included, as other files can match it."""
        if type(expression) is not cst.Call or _last(self.qualified_name(expression.func)) != "include":
            return None
        first = _positional(expression, 0) or _keyword(expression, "arg")
        if first is None:
            return None
        if type(first.value) is cst.SimpleString:
            return _string(first.value)
        name = full_name(first.value) if type(first.value) in (cst.Name, cst.Attribute) else None
        return self._ref_text(name) if name is not None else None

    def _view_of(self, expression: cst.BaseExpression, *, called: bool = False) -> dict[str, Any] | None:
        """`login_required(views.f)`, `staff_member_required(V.as_view())`: the view and the wrappers around it.

        With `called`, only an expression that builds a view (`V.as_view()`, a wrapper call) counts.
        """
        wrappers: list[str] = []
        view = expression
        built = configured = False
        while isinstance(view, cst.Call):
            callee = view.func
            built = True
            if isinstance(callee, cst.Attribute) and _builds_view(callee.attr.value):
                configured = bool(view.args)  # `V.as_view(model=Band, fields=[...])`
                view = callee.value
                break
            inner = _positional(view, 0)
            if inner is None or _last(self.qualified_name(callee)) == "include":
                return None
            wrappers.append(self._ref_text(full_name(callee) or ""))
            view = inner.value
        name = full_name(view)
        if name is None or (called and not built):
            return None
        guarded = any(self._is_guard_name(w.lstrip("@").rpartition(".")[2], self.match.guard_decorators)
                      for w in wrappers)
        return {"view": self._ref_text(name), "wrappers": wrappers, "guarded": guarded, "configured": configured}

    def visit_Assign(self, node: cst.Assign) -> None:
        frame = self.frame
        if frame is not None:
            self._note_stores(frame, node)
        if frame is not None and loads_record(node.value):
            frame.records.update(name for target in node.targets for name in bound_names(target.target))
        if frame is not None and type(node.value) is cst.Call and _credential_caller(node.value):
            frame.callers.update(t.target.value for t in node.targets if type(t.target) is cst.Name)
        if len(node.targets) == 1 and type(node.value) is cst.Call and self.uses_falcon:
            self._note_falcon_assignment(node.targets[0].target, node.value)
        elif len(node.targets) == 1 and (type(node.value) is cst.List or type(node.value) is cst.Tuple) \
                and type(node.targets[0].target) is cst.Name:
            # `middleware = [TokenMiddleware()]`, then `falcon.App(middleware=middleware)` or aiohttp's
            # `web.Application(middlewares=middlewares)`
            self.middleware_lists[node.targets[0].target.value] = node.value
        if self.scopes and len(node.targets) == 1 and type(node.targets[0].target) is cst.Name \
                and type(node.value) is cst.Call:
            self._note_receiver_guards(node.targets[0].target.value, node.value)
        if self.scopes or len(node.targets) != 1:
            return
        assigned = node.targets[0].target
        if type(assigned) is cst.Name and (type(node.value) is cst.List or type(node.value) is cst.Tuple):
            self.urlconf.enter_list(assigned.value)  # `urlpatterns = [path(...), ...]`: a pattern list, maybe
            self.urlconf_scopes.add(id(node))
        if type(assigned) is cst.Subscript:
            self._collect_setting_item(assigned, node.value)
            return
        if type(node.value) is cst.SimpleString and (namespace := app_name(node)) is not None:
            self.url_namespace = namespace
        target = full_name(assigned)
        if target is None:
            return
        value = node.value
        if type(value) is cst.SimpleString:
            self.constants[target] = _string(value) or ""
        elif (type(value) is cst.List or type(value) is cst.Tuple) and (names := _names_listed(value)):
            self.name_sequences[target] = names
        elif type(value) is cst.Call and len(value.args) == 1 and type(value.args[0].value) is cst.Name:
            self.wrapped.append((target, value))
        elif type(value) is cst.List or type(value) is cst.Tuple:
            self.route_lists.update((id(e.value), target) for e in value.elements if type(e.value) is cst.Call)
        if target in fw.SECURITY_SETTINGS:
            self._collect_setting(target, value)
        elif target.endswith(fw.APP_LIST_SUFFIX) and (type(value) is cst.List or type(value) is cst.Tuple):
            apps = self.settings.setdefault(fw.INSTALLED_APPS, [])
            apps.extend(a for a in _strings(value) or () if a in fw.APPS_THAT_MATTER and a not in apps)
        if self.uses_django and type(value) is cst.Call:
            view = self._view_of(value, called=True)
            if view is not None:  # `edit = login_required(EditView.as_view())`: a URLconf may route the alias
                self.view_aliases[target] = view
        if type(value) is cst.Call:
            qualified = self.qualified_name(value.func) or ""
            constructor = _last(qualified)
            built = full_name(value.func)
            if type(assigned) is cst.Name and built is not None and _last(built)[:1].isupper():
                self.service_objects[target] = built
            if type(assigned) is cst.Name and (methods := fw.verifying_methods(qualified)):
                self.verifying_objects[target] = methods
            if constructor in fw.APP_CONSTRUCTORS:
                self.app_names.add(target)
            if fw.constructs_router(constructor):
                self._record_prefix(target, value)
                if type(assigned) is cst.Name and target in self.prefixes:
                    self.router_prefixes[target] = self.prefixes[target]
            elif constructor == fw.GROUP_METHOD and ".".join(qualified.split(".")[-2:]) in fw.BLUEPRINT_GROUP_CALLS:
                self._collect_group(target, value)
            if qualified in fw.AUTH_KEYWORD_CONSTRUCTORS:
                self.auth_keyword_receivers.add(target)
            self._note_receiver_guards(target, value)
            if constructor in self.match.guard_dependencies:
                self.guard_names.add(target)
        elif type(value) is cst.Subscript and _last(self.qualified_name(value.value)) == "Annotated":
            if self._type_guards(value):
                self.guard_names.add(target)
            for element in value.slice:  # `Account = Annotated[dict, Depends(current_account)]`: resolved later
                inner = element.slice.value if isinstance(element.slice, cst.Index) else None
                if isinstance(inner, cst.Call) and _last(self.qualified_name(inner.func)) in DEPENDENCY_CALLS:
                    first = _positional(inner, 0) or _keyword(inner, "dependency")
                    name = full_name(first.value) if first is not None else None
                    if name is not None:
                        self.dependency_aliases[target] = self._ref_text(name)

    def _note_falcon_assignment(self, assigned: cst.BaseExpression, value: cst.Call) -> None:
        """`app = falcon.App(middleware=[...])`, `items = ItemResource(db)` (also inside `create_app()`)."""
        target = full_name(assigned)
        if target is None:
            return
        if self.qualified_name(value.func) in fw.FALCON_APPS:
            listed = _keyword(value, "middleware")
            if listed is not None:
                self._collect_falcon_middleware(target, listed.value)
            return
        resource = self._resource_class(value)
        if resource is not None and type(assigned) is cst.Name:
            self.instances[target] = resource

    def _collect_setting(self, name: str, value: cst.BaseExpression) -> None:
        """`REST_FRAMEWORK = {"DEFAULT_PERMISSION_CLASSES": [...]}` (or `dict(...)`), `MIDDLEWARE = [...]`: settings
        that guard views. A key the dict may take from elsewhere (`{**BASE, ...}`) is unknown (None), not absent."""
        if isinstance(value, cst.Dict):
            table: dict[str, Any] = {}
            for element in value.elements:
                if isinstance(element, cst.StarredDictElement):
                    table.update({key: None for key in fw.DEFAULT_SETTINGS_KEYS})
                key = _string(element.key) if isinstance(element, cst.DictElement) else None
                if key is not None:
                    table[key] = _strings(element.value)
            self.settings[name] = table
        elif isinstance(value, cst.Call) and _last(full_name(value.func)) == "dict":
            self.settings[name] = {a.keyword.value: _strings(a.value) for a in value.args if a.keyword is not None}
            if any(a.star for a in value.args):
                self.settings[name].update({key: None for key in fw.DEFAULT_SETTINGS_KEYS})
        else:
            self.settings[name] = _strings(value)

    def _collect_setting_item(self, target: cst.Subscript, value: cst.BaseExpression) -> None:
        """`REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"] = (...)`: one key of a settings dict set on its own."""
        name = full_name(target.value)
        index = target.slice[0].slice if len(target.slice) == 1 else None
        key = _string(index.value) if isinstance(index, cst.Index) else None
        if name in fw.SECURITY_SETTINGS and key is not None:
            table = self.settings.get(name)
            if not isinstance(table, dict):
                table = self.settings[name] = {}
            table[key] = _strings(value)

    def _note_receiver_guards(self, target: str, value: cst.Call) -> None:
        """`router = APIRouter(dependencies=[Depends(require_user)])`, also in an app factory's body (`def
        build_router(): router = APIRouter(...)`, whose routes are declared there too): the routes it receives are
        guarded."""
        constructor = _last(self.qualified_name(value.func))
        if (fw.constructs_router(constructor) or constructor in fw.APP_CONSTRUCTORS) \
                and self._dependencies_guard(_keyword(value, "dependencies")):
            self.guarded_receivers.add(target)
            self._note_receiver_guard(target, _keyword(value, "dependencies"))
            if restricts(dependency_names(value)):
                self.restricted_receivers.add(target)
        if self._auth_guards(value) and self.qualified_name(value.func) in fw.AUTH_KEYWORD_CONSTRUCTORS:
            self.guarded_receivers.add(target)
            self.receivers_guarded_otherwise.add(target)

    def _record_prefix(self, name: str, call: cst.Call) -> None:
        for keyword in fw.PREFIX_KEYWORDS:
            prefix = self._text(_keyword(call, keyword).value) if _keyword(call, keyword) is not None else None  # type: ignore[union-attr]
            if prefix:
                self.prefixes[name] = prefix.rstrip("/") + self.prefixes.get(name, "")

    def _full_path(self, route: Route) -> str | None:
        if route.path is None:
            return None
        if route.receiver is None:
            listed = self.route_lists.get(id(route.report_node))
            return self.list_prefixes.get(listed, "") + route.path if listed is not None else route.path
        return self.prefixes.get(route.receiver, "") + route.path

    # routes ---------------------------------------------------------------------------------------------

    def _collect_function_routes(self, node: cst.FunctionDef, frame: Frame) -> None:
        decorators = [d.decorator for d in node.decorators]
        if not decorators:
            if self.uses_django and self._takes_request(node):
                self._add_django_view(node, frame, None, decorators)
            return
        names = [_last(self.qualified_name(d.func if isinstance(d, cst.Call) else d)) for d in decorators]
        if any(n in self.match.public_decorators for n in names):
            return
        registered = False
        for decorator in decorators:
            if isinstance(decorator, cst.Attribute) and decorator.attr.value in fw.BEFORE_REQUEST_HOOKS:
                hooked = full_name(decorator.value) or ""
                self.hooks.append(("*" if decorator.attr.value == "before_app_request" else hooked, frame, False))
                frame.denies_by_call |= any(self._decorator_guards(d) for d in decorators)  # `@bp.before_request @login_required`
            elif isinstance(decorator, cst.Call) and isinstance(decorator.func, cst.Attribute) \
                    and decorator.func.attr.value in fw.MIDDLEWARE_HOOKS:
                self.hooks.append(("*", frame, True))
        for index, decorator in enumerate(decorators):
            route = self._route_decorator(decorator, node.name.value)
            if route is None:
                continue
            registered = True
            receiver, path, methods, has_dependencies = route
            frame.credentials = self._credential_params(node)
            applied = [*decorators[index + 1:], *(d for d in decorators[:index] if self._marks_guard(d))]
            below = [d for d in applied if self._decorator_guards(d)]
            above = [d for d in decorators[:index] if self._decorator_guards(d)]
            label = f"The route `{'/'.join(sorted(methods))} {path if path is not None else '<path>'}` (`{node.name.value}`)"
            refs = [r for d in applied for r in self._decorator_refs(d)] + self._dependency_refs(node)
            signature = self._signature_guard_refs(node)
            listed = self._dependency_list_refs(_keyword(decorator, "dependencies")) \
                if isinstance(decorator, cst.Call) else []
            named = self._named_guards(below)
            only_dependencies = signature is not None and listed is not None and named is not None \
                and (bool(listed) or not has_dependencies)
            auth = _keyword(decorator, fw.AUTH_KEYWORD) if isinstance(decorator, cst.Call) else None
            own_auth = receiver in self.auth_keyword_receivers and auth is not None
            self.routes.append(Route(
                _anchor(node), label, methods, path, receiver, (node.name.value,), frame,
                own_auth=own_auth,
                guarded=bool(below) or has_dependencies or signature is None or bool(signature)
                or (own_auth and _authenticates(auth)),
                guard_above=self.context.module.code_for_node(above[0]) if above and not below else None,
                refs=tuple(refs),
                dependency_refs=(*named, *listed, *signature) if only_dependencies else None,  # type: ignore[misc]
                opens_receiver=self._auth_opens(decorator),
            ))
        if registered or self._collect_guarded_views(node, frame, None):
            return
        method_names = [n for n in names if n in fw.DJANGO_METHOD_DECORATORS]
        if method_names or (self.uses_django and self._takes_request(node)):
            method_decorator = decorators[names.index(method_names[0])] if method_names else None
            self._add_django_view(node, frame, method_decorator, decorators)

    def _collect_guarded_views(self, node: cst.FunctionDef, frame: Frame, owner: ClassView | None) -> bool:
        """The views a decorator makes that names its own guard (Pyramid's `@view_config(..., permission="edit")`, also
        on a method of a class whose `@view_defaults(permission=...)` guards them all; Strawberry's
        `@strawberry.mutation(permission_classes=[...])`); whether there was one."""
        decorators = [d.decorator for d in node.decorators]
        views = [view for d in decorators if (view := self._guarded_view(d, owner)) is not None]
        graphene = self._graphene_view(node, owner)
        cherrypy = self._cherrypy_view(node, owner)
        views += graphene + self._fab_view(decorators, owner) + cherrypy
        handler = f"{owner.node.name.value}.{node.name.value}" if cherrypy and owner is not None else None
        for path, methods, guarded in views:
            shown = path if path is not None else "<path>"
            label = f"The view method `{handler}`" if handler is not None and path is None \
                else f"The view `{'/'.join(sorted(methods))} {shown}` (`{handler or node.name.value}`)"
            refs = [r for d in decorators for r in self._decorator_refs(d)]
            guarded = guarded or (owner is not None and owner.views_guarded) \
                or any(self._decorator_guards(d) for d in decorators)
            route = Route(_anchor(node), label, methods, path, None, (node.name.value,), frame, guarded=guarded,
                          refs=tuple(refs), handler=handler, names_object=bool(cherrypy) and _names_object(node))
            (self.graphene_routes if graphene else self.routes).append(route)
        return bool(views)

    def _fab_view(self, decorators: list[cst.BaseExpression], owner: ClassView | None
                  ) -> list[tuple[str | None, frozenset[str], bool]]:
        """Flask-AppBuilder's `@expose("/export", methods=["POST"])` on a method of a view or API class."""
        if owner is None or not self.uses_fab:
            return []
        return [(_string(path.value) if (path := _positional(d, 0)) is not None else None, self._methods_keyword(d), False)
                for d in decorators if isinstance(d, cst.Call) and _last(self.qualified_name(d.func)) in fw.FAB_EXPOSE]

    def _cherrypy_view(self, node: cst.FunctionDef, owner: ClassView | None
                       ) -> list[tuple[str | None, frozenset[str], bool]]:
        """A method of CherryPy's object tree a request reaches (`@cherrypy.expose`, a dispatched resource's `PUT`),
        guarded by a tool its class or itself turns on (`_cp_config = {"tools.require_login.on": True}`); its path is
        where the tree mounts it, which no route names."""
        if owner is None or owner.cherrypy is None:
            return []
        methods = exposed_methods(node, owner.cherrypy.exposed, self.context.imports)
        if methods is None:
            return []
        return [(None, methods, bool(tool_guards([*owner.cherrypy.tools, *method_tools(node, self.context.imports)])))]

    def _graphene_view(self, node: cst.FunctionDef, owner: ClassView | None
                       ) -> list[tuple[str | None, frozenset[str], bool]]:
        """Graphene's resolver of a root type's field (`Query.resolve_loan`) or a mutation's `mutate`: a view guarded
        only by its own decorators."""
        if owner is None or not self.uses_graphene:
            return []
        name = node.name.value
        method = fw.GRAPHENE_MUTATIONS.get(name)
        if method is None and fw.GRAPHENE_RESOLVER.match(name) and owner.node.name.value.endswith(fw.ROOT_TYPE_NAMES):
            method = "GET"
        return [] if method is None else [(None, frozenset({method}), False)]

    def _guarded_view(self, decorator: cst.BaseExpression, owner: ClassView | None
                      ) -> tuple[str | None, frozenset[str], bool] | None:
        """(path, methods, whether its guard keyword names a guard) of a view decorator of `GUARDED_VIEW_DECORATORS`;
        a resolver of a GraphQL type's field is one only on a root type (`class Query`), the others' fields are data."""
        call = decorator if isinstance(decorator, cst.Call) else None
        decorator_name = self.qualified_name(call.func if call is not None else decorator) or ""
        spec = fw.GUARDED_VIEW_DECORATORS.get(decorator_name)
        if spec is None or (decorator_name in fw.ROOT_TYPE_VIEWS and not (
                owner is not None and owner.node.name.value.endswith(fw.ROOT_TYPE_NAMES))):
            return None
        path_keyword, methods_keyword, fixed, guard_keyword = spec
        path_arg = _keyword(call, path_keyword) if call is not None and path_keyword else None
        path = _string(path_arg.value) if path_arg is not None else None
        if fixed:
            methods = frozenset({fixed})
        elif call is not None and methods_keyword:
            methods = self._methods_keyword(call, methods_keyword)
        else:
            methods = frozenset({"GET"})
        return path, methods, call is not None and _requires_something(_keyword(call, guard_keyword))

    def _collect_controller_routes(self, node: cst.FunctionDef, frame: Frame, controller: ClassView) -> None:
        """The routes of a Litestar controller's method: under the controller's `path`, guarded also by its `guards`,
        and named by the class too (a `Router(route_handlers=[NoteController], guards=[...])` lists the class)."""
        first = len(self.routes)
        self._collect_function_routes(node, frame)
        name = controller.node.name.value
        own = self._own_permissions(node)
        inherited = controller.guarded and own is None
        for index in range(first, len(self.routes)):
            route = self.routes[index]
            path = controller.path.rstrip("/") + route.path if route.path not in (None, "/") else controller.path or "/"
            label = f"The route `{'/'.join(sorted(route.methods))} {path}` (`{name}.{node.name.value}`)"
            self.routes[index] = replace(route, label=label, path=path, names=(*route.names, name),
                                         guarded=route.guarded or inherited, handler=f"{name}.{node.name.value}",
                                         dependency_refs=None if inherited else route.dependency_refs,
                                         opened=route.opened or (own is not None and not route.guarded))

    def _collect_entrypoint_routes(self, node: cst.FunctionDef, frame: Frame, service: ClassView) -> None:
        """The routes of a Nameko service's `@http(...)` method, its handler named with its class (`Service.get`), as
        the rules that judge it from inside hold their findings for it."""
        first = len(self.routes)
        self._collect_function_routes(node, frame)
        for index in range(first, len(self.routes)):
            self.routes[index] = replace(self.routes[index], handler=f"{service.node.name.value}.{node.name.value}")

    def _own_permissions(self, node: cst.FunctionDef) -> cst.Arg | None:
        """A ninja-extra route's own `permissions=[...]`, which replaces its controller's (`[AllowAny]` opens it)."""
        if not self.guard_keywords or fw.CONTROLLER_PERMISSIONS not in self.guard_keywords:
            return None
        return next((arg for d in node.decorators if type(d.decorator) is cst.Call
                     and fw.bare_verb(self.qualified_name(d.decorator.func) or "")
                     and (arg := _keyword(d.decorator, fw.CONTROLLER_PERMISSIONS)) is not None), None)

    def _route_decorator(self, decorator: cst.BaseExpression, function: str | None = None
                         ) -> tuple[str | None, str | None, frozenset[str], bool] | None:
        """(receiver, path, methods, has dependencies) of `@app.route(...)`/`@router.post(...)`, else None; FastHTML's
        `@rt("/x")` and `@app.route("/x")` without `methods=` answer the verb the `function`'s name says."""
        if type(decorator) is cst.Name and decorator.value in self.fasthtml.route_functions and function:
            return self.fasthtml.route_functions[decorator.value], f"/{function}", handler_methods(function), False
        if isinstance(decorator, cst.Call) and isinstance(decorator.func, cst.Name) \
                and decorator.func.value in self.fasthtml.route_functions:
            path_arg = _positional(decorator, 0) or _keyword(decorator, "path")
            path = _string(path_arg.value) if path_arg is not None else f"/{function}" if function else None
            methods = self._methods_keyword(decorator) if _keyword(decorator, "methods") is not None \
                else handler_methods(function or "")
            return self.fasthtml.route_functions[decorator.func.value], path, methods, False
        if isinstance(decorator, cst.Call) and isinstance(decorator.func, cst.Name):
            return self._handler_decorator(decorator)
        if not isinstance(decorator, cst.Call) or not isinstance(decorator.func, cst.Attribute):
            return None
        kind = decorator.func.attr.value
        if kind not in fw.ROUTE_DECORATORS:
            return None
        path_arg = _positional(decorator, 0) or _keyword(decorator, "path") or _keyword(decorator, "rule")
        path = _string(path_arg.value) if path_arg is not None else None
        if path is None and kind not in ("route", "api_route"):
            return None
        if path is not None and path and not path.startswith("/"):
            return None
        method = fw.ROUTE_DECORATORS[kind]
        methods = frozenset({method}) if method else self._methods_keyword(decorator)
        receiver = full_name(decorator.func.value)
        if not method and self.fasthtml.route_functions and _keyword(decorator, "methods") is None and function:
            methods = handler_methods(function)  # FastHTML's `@app.route("/x") def post(...)`
        return receiver, path, methods, self._dependencies_guard(_keyword(decorator, "dependencies")) \
            or self._auth_guards(decorator)

    def _auth_guards(self, call: cst.Call) -> bool:
        """Django Ninja's `auth=JWTAuth()` (or `auth=[...]`) on an API, a router, an include or a route: every route
        it holds is authenticated (`Router(auth=BearerTokenAuth())`), unless the list also lets anonymous callers in;
        Chalice's `authorizer=` on a route authenticates it."""
        return (self.uses_ninja and _authenticates(_keyword(call, fw.AUTH_KEYWORD))) \
            or any(_requires_something(_keyword(call, keyword)) for keyword in self.guard_keywords) \
            or (self.uses_azure and self._azure_key_required(call))

    def _azure_key_required(self, call: cst.Call) -> bool:
        """An Azure Functions route asks for a function key: its `auth_level=`, else its app's, is not anonymous."""
        level = _keyword(call, fw.AZURE_ROUTE_LEVEL)
        return not _is_open_level(level.value) if level is not None else not self.azure_open_by_default

    def _auth_opens(self, decorator: cst.BaseExpression) -> bool:
        """Django Ninja's `@router.post("/x", auth=None)`: the route needs no authentication, whatever its router's."""
        auth = _keyword(decorator, fw.AUTH_KEYWORD) if self.uses_ninja and isinstance(decorator, cst.Call) else None
        return auth is not None and _is_none(auth.value)

    def _entrypoint(self, node: cst.FunctionDef) -> bool:
        """A method routed by a decorator of its own that no class of routes needs: Nameko's `@http("POST", "/x")`."""
        return any(type(d.decorator) is cst.Call and method_first_route(
            d.decorator, self.qualified_name(d.decorator.func) or "") is not None for d in node.decorators)

    def _handler_decorator(self, decorator: cst.Call) -> tuple[str | None, str | None, frozenset[str], bool] | None:
        """Litestar's `@get("/notes/{note_id:int}", guards=[requires_login])`: a route of whatever router or app lists the
        handler, guarded by the guards it names (a handler listed under guards of its own `Router`/`Litestar` too)."""
        qualified = self.qualified_name(decorator.func) or ""
        nameko = method_first_route(decorator, qualified)
        if nameko is not None:
            return None, nameko[1], nameko[0], False
        kind = fw.bare_verb(qualified)
        if kind is None:
            return None
        path_arg = _positional(decorator, 0) or _keyword(decorator, "path")
        path = (_string(path_arg.value) or next(iter(_strings(path_arg.value) or ()), None)) if path_arg else "/"
        method = fw.BARE_VERBS[kind]
        methods = frozenset({method}) if method else self._methods_keyword(decorator, "http_method")
        return None, path, methods, _lists_any(_keyword(decorator, "guards")) or self._auth_guards(decorator)

    def _methods_keyword(self, call: cst.Call, keyword: str = "methods") -> frozenset[str]:
        arg = _keyword(call, keyword)
        if arg is None:
            return frozenset({"GET"})
        single = _string(arg.value)
        values = [single] if single is not None else _strings(arg.value)
        return frozenset(v.upper() for v in values) if values is not None else frozenset({"GET"})

    def _takes_request(self, node: cst.FunctionDef) -> bool:
        params = node.params.posonly_params or node.params.params
        return bool(params) and params[0].name.value == "request" and not self.scopes[:-1]

    def _add_django_view(self, node: cst.FunctionDef, frame: Frame, method_decorator: cst.BaseExpression | None,
                         decorators: list[cst.BaseExpression]) -> None:
        methods: frozenset[str] | None = None
        drf = False
        if method_decorator is not None:
            callee = method_decorator.func if isinstance(method_decorator, cst.Call) else method_decorator
            name = _last(self.qualified_name(callee))
            drf = name == "api_view"
            fixed = fw.DJANGO_METHOD_DECORATORS[name]
            if fixed is not None:
                methods = fixed
            elif isinstance(method_decorator, cst.Call):
                first = _positional(method_decorator, 0) or _keyword(method_decorator, "http_method_names")
                values = _strings(first.value) if first is not None else None
                methods = frozenset(v.upper() for v in values) if values is not None else frozenset({"GET"})
            else:
                methods = frozenset({"GET"})
        guarding = [d for d in decorators if self._decorator_guards(d)]
        guarded = bool(guarding)
        has_permissions = any(_last(self.qualified_name(d.func if isinstance(d, cst.Call) else d)) == "permission_classes"
                              for d in decorators)
        self.routes.append(Route(
            _anchor(node), f"The Django view `{node.name.value}`", methods or frozenset(), None, None, (node.name.value,), frame,
            guarded=guarded, drf_default=drf and not has_permissions,
            refs=tuple(r for d in decorators for r in self._decorator_refs(d)),
            heuristic=method_decorator is None, framework="drf" if drf else "django",
            opened=any(self._opens(d) for d in decorators), dependency_refs=self._named_guards(guarding),
        ))

    def _named_guards(self, decorators: list[cst.BaseExpression]) -> tuple[str, ...] | None:
        """The refs of guard decorators used bare (`@auth_context`), which a project may define to only attach the
        caller; None when one is called (`@roles_required("admin")`) or names nothing."""
        names = [full_name(d) if not isinstance(d, cst.Call) else None for d in decorators]
        return tuple(self._ref_text(n) for n in names if n is not None) if None not in names else None

    def _collect_registration(self, call: cst.Call) -> None:
        """`app.add_url_rule("/x", view_func=f, methods=[...])`, `router.add_api_route("/x", f, methods=[...])`,
        Starlette's `app.add_route("/x", f)`, aiohttp's `router.add_route("POST", "/x", f)` and `router.add_post("/x", f)`."""
        func = cast(cst.Attribute, call.func)
        kind = func.attr.value
        receiver = full_name(func.value)
        first = _positional(call, 0)
        method = _string(first.value) if first is not None else None
        second = _positional(call, 1)
        if kind == "add_route" and method is not None and method.upper() in fw.HTTP_METHODS:  # aiohttp: method first
            path_arg, view_arg = second, _positional(call, 2) or _keyword(call, "handler")
            methods = fw.STATE_CHANGING_METHODS | {"GET"} if method == "*" else frozenset({method.upper()})
        elif kind == "add_route" and first is not None and method is None:  # Sanic: `app.add_route(handler, "/x")`
            path_arg, view_arg = second or _keyword(call, "uri"), first
            methods = self._methods_keyword(call)
        else:
            path_arg = first or _keyword(call, "rule") or _keyword(call, "path")
            if kind == "add_url_rule":
                view_arg = _keyword(call, "view_func") or _positional(call, 2)
            else:
                view_arg = _keyword(call, "endpoint") or _keyword(call, "route") or _keyword(call, "handler") \
                    or _positional(call, 1)
            fixed = fw.REGISTRATION_METHODS.get(kind)
            methods = frozenset({fixed}) if fixed else self._methods_keyword(call)
        path = _string(path_arg.value) if path_arg is not None else None
        resource = self._resource_class(view_arg.value) if view_arg is not None and kind == "add_route" else None
        if resource is not None:
            suffix = _keyword(call, "suffix")
            self.resources.append({"resource": self._ref_text(resource), "receiver": self._ref_text(receiver or "*"),
                                   "path": path, "suffix": (_string(suffix.value) or "") if suffix is not None else ""})
        elif view_arg is not None:
            self._register_view(receiver, path, methods, view_arg.value, call)

    def _resource_class(self, resource: cst.BaseExpression) -> str | None:
        """Falcon's `app.add_route("/x", ItemResource(db))`, or a name bound to such an instance: the resource's class."""
        if not self.uses_falcon:
            return None
        if isinstance(resource, cst.Name) and resource.value in self.instances:
            return self.instances[resource.value]
        name = full_name(resource.func) if isinstance(resource, cst.Call) else None
        return name if name is not None and _last(name)[:1].isupper() else None

    def _collect_falcon_middleware(self, app: str, value: cst.BaseExpression) -> None:
        """`falcon.App(middleware=[TokenMiddleware()])`, `app.add_middleware(TokenMiddleware())`: each middleware class
        guards the app if it can deny, which is known where the class is defined (`refusing_hooks`). Middleware the
        walk cannot name (`middleware=build_middleware()`, a factory's instance) may guard it: the app counts as
        guarded."""
        if isinstance(value, cst.Name) and value.value in self.middleware_lists:
            value = self.middleware_lists[value.value]
        elements = [e.value for e in value.elements] if isinstance(value, (cst.List, cst.Tuple)) else [value]
        for element in elements:
            middleware = self._resource_class(element)
            if middleware is None:
                self.guarded_receivers.add(app)
                self.receivers_guarded_otherwise.add(app)
            else:
                self.hook_refs.append([self._ref_text(app), self._ref_text(middleware)])

    def _collect_route_object(self, call: cst.Call, kind: str) -> None:
        """`Route("/jobs/{job_id}", delete_job, methods=["DELETE"])` in a route list (also inside a `Mount`)."""
        path_arg = _positional(call, 0) or _keyword(call, "path")
        view_arg = _positional(call, 1) or _keyword(call, "endpoint")
        if self._scoped_middleware_guards(call):
            self.guarded_objects.add(id(call))
        path = _string(path_arg.value) if path_arg is not None else None
        if path is not None:
            path = self.mount_prefixes.get(id(call), "") + path
        fixed = fw.ROUTE_OBJECTS[kind]
        if view_arg is not None:
            self._register_view(None, path, frozenset({fixed}) if fixed else self._methods_keyword(call), view_arg.value, call)

    def _collect_aiohttp_route(self, call: cst.Call, kind: str) -> None:
        """`web.post("/items", create_item)`, `web.route("DELETE", "/items/{id}", f)`, `web.view("/items", ItemView)`."""
        arguments = [a for a in call.args if a.keyword is None and not a.star]
        fixed = fw.AIOHTTP_ROUTE_DEFS[kind]
        if fixed is None:
            method = _string(arguments[0].value) if arguments else None
            if method is None or method.upper() not in fw.HTTP_METHODS:
                return
            arguments = arguments[1:]
            methods = fw.STATE_CHANGING_METHODS | {"GET"} if method == "*" else frozenset({method.upper()})
        else:
            methods = frozenset({fixed})
        path = _string(arguments[0].value) if arguments else None
        view = arguments[1] if len(arguments) > 1 else _keyword(call, "handler")
        if view is not None:
            self._register_view(None, path, methods, view.value, call)

    def _collect_mount(self, call: cst.Call) -> None:
        """`Mount("/api", routes=[Route(...), Mount(...)])`, `Mount("/api", app=Router(routes=[...]))`: the prefix of the
        route objects listed inside; also of a list named there (`Mount(ADMIN_PREFIX, routes=admin_routes)`), which
        another module may hold (`admin.routes`)."""
        path_arg = _positional(call, 0) or _keyword(call, "path")
        own = self._text(path_arg.value) if path_arg is not None else None
        prefix = (self.mount_prefixes.get(id(call), "") + (own or "")).rstrip("/")
        guarded = self._scoped_middleware_guards(call) or id(call) in self.guarded_objects
        routes = _keyword(call, "routes") or _positional(call, 1) or _router_routes(_keyword(call, "app"))
        if routes is not None and isinstance(routes.value, (cst.List, cst.Tuple)):
            for element in routes.value.elements:
                self.mount_prefixes[id(element.value)] = prefix
                if guarded:
                    self.guarded_objects.add(id(element.value))
            return
        listed = full_name(routes.value) if routes is not None else None
        if listed is None or not (prefix or guarded):
            return
        if listed in self.route_lists.values():
            self.list_prefixes[listed] = prefix
            if guarded:
                self.guarded_lists.add(listed)
        else:
            self.includes.append({"parent": None, "child": self._ref_text(listed), "guarded": guarded, "prefix": prefix})

    def _text(self, node: cst.BaseExpression) -> str | None:
        """A string literal, a module-level name bound to one, or what an f-string's parts say (`literals.path_text`)."""
        return path_text(node, self.constants) if type(node) is cst.Name or type(node) is cst.FormattedString \
            else _string(node)

    def _register_view(self, receiver: str | None, path: str | None, methods: frozenset[str], view: cst.BaseExpression,
                       call: cst.Call) -> None:
        """A view registered by a call: a function, a class-based view (`V.as_view()`, a Starlette `HTTPEndpoint`)."""
        if isinstance(view, cst.Call):
            callee = view.func
            if isinstance(callee, cst.Attribute) and _builds_view(callee.attr.value):
                view_class = full_name(callee.value) or ""
                self.view_registrations.setdefault(view_class, []).append((receiver, path, call))
            return  # wrapped in a decorator call (`login_required(f)`) or built by a factory: not judged
        name = full_name(view)
        if name is None:
            return
        if name in self.classes:
            self.view_registrations.setdefault(name, []).append((receiver, path, call))
            return
        self.function_registrations.append((receiver, path, methods, name, call))

    def _signature_guard_refs(self, node: cst.FunctionDef) -> list[str] | None:
        """The dependencies that guard a handler through its parameters, as refs ([] when none does); None when one
        guards through what is no plain function (`Security(scheme)`, `Depends(RoleChecker("admin"))`). A parameter
        typed `X | None` is marked: its dependency may let anonymous callers in."""
        refs: list[str] = []
        for param in [*node.params.posonly_params, *node.params.params, *node.params.kwonly_params]:
            annotation = param.annotation.annotation if param.annotation is not None else None
            mark = OPTIONAL_MARK if is_optional(annotation) else ""
            default = param.default
            if isinstance(default, cst.Call) and _last(self.qualified_name(default.func)) in DEPENDENCY_CALLS:
                if self._dependency_guards(default) or fw.reads_as_guard(param.name.value):
                    target = self._plain_dependency(default)
                    if target is None:
                        return None
                    refs.append(mark + self._ref_text(target))
                    continue
                if default.args:
                    continue  # `user: AdminUser = Depends(load_user)`: the factory decides, not the type it returns
            if annotation is not None and self._type_guards(annotation):
                target = self._annotation_dependency(annotation)
                if target is None:
                    return None
                refs.append(mark + self._ref_text(target))
        return refs

    def _annotation_dependency(self, annotation: cst.BaseExpression) -> str | None:
        """`CurrentUser` (an alias resolved later) or the `f` of `Annotated[User, Depends(f)]`."""
        if not isinstance(annotation, cst.Subscript):
            return full_name(annotation)
        targets = [self._plain_dependency(e.slice.value) for e in annotation.slice if isinstance(e.slice, cst.Index)]
        found = [t for t in targets if t is not None]
        return found[0] if len(found) == 1 else None

    def _credential_params(self, node: cst.FunctionDef) -> frozenset[str]:
        """Auth-named parameters read from a header or cookie: `x_token: Annotated[str, Header()]`, `api_key=Cookie()`."""
        names = set()
        for param in [*node.params.posonly_params, *node.params.params, *node.params.kwonly_params]:
            if not fw.reads_as_guard(param.name.value):
                continue
            sources = [param.default] if param.default is not None else []
            annotation = param.annotation.annotation if param.annotation is not None else None
            if isinstance(annotation, cst.Subscript):
                sources += [e.slice.value for e in annotation.slice if isinstance(e.slice, cst.Index)]
            if any(isinstance(s, cst.Call) and _last(self.qualified_name(s.func)) in CREDENTIAL_SOURCES for s in sources):
                names.add(param.name.value)
        return frozenset(names)

    def _requires_credentials(self, node: cst.FunctionDef) -> bool:
        """A plain function that requires a credential from a header or cookie and hands it on (`def member(
        authorization: str = Header(...)): return decode_token(authorization.removeprefix("Bearer "))`): a dependency
        that authenticates, whatever its name; not one that lets a request without the header in (`Header(None)`)."""
        credentials = self._credential_params(node)
        if not credentials:
            return False
        handed = {name for call in own_nodes_of(node.body, cst.Call) for arg in call.args for name in names_in(arg.value)}
        return any(param.name.value in credentials and param.name.value in handed and _required_source(param)
                   for param in node.params.params)

    def _type_guards(self, annotation: cst.BaseExpression) -> bool:
        if isinstance(annotation, cst.Subscript):
            return _last(self.qualified_name(annotation.value)) == "Annotated" and self._annotation_guards(annotation)
        name = full_name(annotation)
        return name is not None and self._is_guard_name(name, self.match.guard_dependencies)

    def _annotation_guards(self, annotation: cst.Subscript) -> bool:
        for element in annotation.slice:
            value = element.slice.value if isinstance(element.slice, cst.Index) else None
            calls_dependency = isinstance(value, cst.Call) and _last(self.qualified_name(value.func)) in DEPENDENCY_CALLS
            if calls_dependency and self._dependency_guards(value):  # type: ignore[arg-type]
                return True
        return False

    def _dependency_guards(self, call: cst.Call) -> bool:
        """`Security(...)` always authenticates; `Depends(x)` when `x` is a known or auth-named dependency."""
        if _last(self.qualified_name(call.func)) == "Security":
            return True
        first = _positional(call, 0) or _keyword(call, "dependency")
        if first is None:
            return False
        target = first.value.func if isinstance(first.value, cst.Call) else first.value
        name = full_name(target)
        return name is not None and self._is_guard_name(name, self.match.guard_dependencies)

    # class-based views ----------------------------------------------------------------------------------

    def _class_view(self, node: cst.ClassDef) -> ClassView:
        view = ClassView(node, unconfigured=_declares_nothing(node))
        if self.framework == "cherrypy":
            view.cherrypy = cherrypy_class(node, self.context.imports)
        for base in node.bases:
            qualified = self.qualified_name(base.value) or ""
            last = _last(qualified)
            local = self.classes.get(qualified)
            view.controller |= fw.is_handler_class(qualified)
            if local is not None:
                view.view |= local.view
                view.unconfigured &= local.unconfigured
                view.drf |= local.drf
                view.state_by_base |= local.state_by_base
                view.guarded |= local.guarded
                view.has_permission_classes |= local.has_permission_classes
                view.opened |= local.opened
                view.methods.update(local.methods)
            elif last in fw.VIEW_BASES and (qualified.startswith(fw.VIEW_MODULE_PREFIXES) or qualified == last):
                view.view = True
                view.drf |= last in fw.DRF_VIEW_BASES
                view.state_by_base |= fw.VIEW_BASES[last]
            elif self._is_guard_name(last, self.match.guard_mixins):
                view.guarded = True
            else:
                view.refs.append(self._ref_text(full_name(base.value) or last))
                view.view |= self.uses_tornado and last.endswith(fw.HANDLER_BASE_SUFFIX)
        for decorator in node.decorators:
            route = self._route_decorator(decorator.decorator)
            defaults = fw.VIEW_DEFAULTS_DECORATORS.get(self.qualified_name(decorator.decorator) or "")
            if defaults is not None and isinstance(decorator.decorator, cst.Call):
                view.views_guarded |= _requires_something(_keyword(decorator.decorator, defaults))
            elif route is not None:
                self.view_registrations.setdefault(node.name.value, []).append((route[0], route[1], None))
                view.guarded |= route[3]
            elif self._controller_decorator(view, decorator.decorator):
                continue
            elif self._decorator_guards(decorator.decorator):
                view.guarded = view.decorated_guard = True
            else:
                view.decorator_refs.extend(self._decorator_refs(decorator.decorator))
        view.refs.extend(view.decorator_refs)
        if isinstance(node.body, cst.IndentedBlock):
            for statement in node.body.body:
                self._class_statement(view, statement)
        return view

    def _controller_decorator(self, view: ClassView, decorator: cst.BaseExpression) -> bool:
        """ninja-extra's `@api_controller("/projects", permissions=[IsAuthenticated])`: the class is a controller under
        that prefix, guarded by its `permissions=` or `auth=`; whether the decorator was one."""
        if type(decorator) is not cst.Call or self.qualified_name(decorator.func) != fw.CONTROLLER_DECORATOR:
            return False
        prefix = _positional(decorator, 0) or _keyword(decorator, "prefix_or_class")
        view.controller = True
        view.path = (_string(prefix.value) if prefix is not None else None) or ""
        view.guarded |= self._auth_guards(decorator)
        return True

    def _class_statement(self, view: ClassView, statement: cst.BaseStatement) -> None:
        if type(statement) is cst.FunctionDef and statement.name.value in ("get_permissions", "has_permission"):
            view.guarded = True
        if type(statement) is cst.FunctionDef and statement.name.value == "dispatch":
            for decorator in statement.decorators:
                if self._decorator_guards(decorator.decorator):
                    view.guarded = True
                else:  # `@method_decorator(get_article(can_write=True))`: a project's guard, maybe in another module
                    refs = self._decorator_refs(decorator.decorator)
                    view.decorator_refs.extend(refs)
                    view.refs.extend(refs)
        if type(statement) is not cst.SimpleStatementLine:
            return
        for small in statement.body:
            if isinstance(small, cst.Assign) and len(small.targets) == 1:
                target, value = full_name(small.targets[0].target), small.value
            elif isinstance(small, cst.AnnAssign) and small.value is not None:
                target, value = full_name(small.target), small.value
            else:
                continue
            if target == "permission_classes":
                view.has_permission_classes = True
                view.guarded = self._permissions_guard(value)
                view.opened = self._permissions_open(value)
            elif target in fw.CLASS_DECORATOR_ATTRIBUTES and isinstance(value, (cst.List, cst.Tuple)):
                view.guarded |= any(self._decorator_guards(e.value) for e in value.elements)
            elif target in ("permission_required", "login_url") and value is not None:
                view.guarded = True
            elif view.controller and target == "guards":
                view.guarded |= _names_something(value)
            elif view.controller and target == "path":
                view.path = _string(value) or ""

    def _class_routes(self) -> None:
        for name, view in self.classes.items():
            if not view.view and self.uses_falcon:
                self._resource_routes(name, view)  # open by design (`HealthResource`) or not, judged per route
            if not view.view or self._is_public_name(name):
                continue
            registrations = self.view_registrations.get(name) or [(None, None, None)]
            for receiver, path, _ in registrations:
                handlers = {m: f for m, f in view.methods.items() if m in fw.STATE_CHANGING_HANDLERS or m == "get"}
                framework = "drf" if view.drf else self.framework
                unregistered = name not in self.view_registrations and (self.uses_django or view.drf)
                if view.state_by_base and not any(m in fw.STATE_CHANGING_HANDLERS for m in handlers):
                    self.routes.append(Route(_anchor(view.node), f"The view `{name}`", frozenset({"POST"}), path, receiver,
                                             (name,), None, guarded=view.guarded, drf_default=self._drf_default(view),
                                             refs=tuple(view.refs), framework=framework, handler=name,
                                             heuristic=unregistered, opened=view.opened, unconfigured=view.unconfigured))
                for method, frame in handlers.items():
                    guarded = view.guarded or any(self._decorator_guards(d.decorator) for d in frame.node.decorators)
                    http = STATE_METHOD_NAMES.get(method, method.upper())
                    label = f"The view method `{name}.{method}`"
                    refs = view.refs + [r for d in frame.node.decorators for r in self._decorator_refs(d.decorator)]
                    self.routes.append(Route(_anchor(frame.node), label, frozenset({http}), path, receiver, (name,), frame,
                                             guarded=guarded, drf_default=self._drf_default(view), refs=tuple(refs),
                                             framework=framework, handler=f"{name}.{method}", heuristic=unregistered,
                                             opened=view.opened))
                if view.drf:
                    self._action_routes(name, view, path, receiver, unregistered)

    def _action_routes(self, name: str, view: ClassView, path: str | None, receiver: str | None, unregistered: bool) -> None:
        """A DRF `@action` that sets its own `permission_classes` (`@action(detail=True, methods=["post"],
        permission_classes=[AllowAny])`): a route of its own, which its class's permission classes no longer guard."""
        for method, frame in view.methods.items():
            for decorator in frame.node.decorators:
                call = decorator.decorator
                if not isinstance(call, cst.Call) or _last(self.qualified_name(call.func)) != "action":
                    continue
                permissions = _keyword(call, "permission_classes")
                if permissions is None:
                    continue
                verbs = _keyword(call, "methods")
                http = frozenset(v.upper() for v in (_strings(verbs.value) if verbs is not None else None) or ["get"])
                self.routes.append(Route(_anchor(frame.node), f"The action `{name}.{method}`", http, path, receiver,
                                         (name,), frame, guarded=self._permissions_guard(permissions.value),
                                         refs=tuple(view.refs), framework="drf", handler=f"{name}.{method}",
                                         heuristic=unregistered, opened=self._permissions_open(permissions.value)))

    def _resource_routes(self, name: str, view: ClassView) -> None:
        """A Falcon resource's responders (`on_post`, `on_delete_item`): routes wherever a module registers the class
        with `add_route` (and the matching `suffix=`), which the resolver joins."""
        for method, frame in view.methods.items():
            responder = fw.FALCON_RESPONDER.match(method)
            if responder is None:
                continue
            guarded = view.guarded or any(self._decorator_guards(d.decorator) for d in frame.node.decorators)
            refs = view.refs + [r for d in frame.node.decorators for r in self._decorator_refs(d.decorator)]
            self.routes.append(Route(_anchor(frame.node), f"The responder `{name}.{method}`",
                                     frozenset({responder.group(1).upper()}), None, None, (name,), frame, guarded=guarded,
                                     refs=tuple(refs), framework="falcon", handler=f"{name}.{method}",
                                     resource_suffix=responder.group(2) or ""))

    def _guarded_classes(self) -> dict[str, list[str]]:
        """Falcon resource classes whose class decorators may guard them: [] for a guard (`@falcon.before(require_user)`),
        else the decorators' refs. A class decorator wraps the responders the class inherits too, which may be defined
        in another module (`class AdminItems(BaseItems)`)."""
        if not self.uses_falcon:
            return {}
        return {name: [] if view.decorated_guard else view.decorator_refs for name, view in self.classes.items()
                if view.decorated_guard or view.decorator_refs}

    def _middleware_classes(self) -> list[str]:
        """Falcon middleware classes of this module whose request hook can turn a request away and does not catch its
        own refusal."""
        return sorted(name for name, view in self.classes.items()
                      if any(_hook_refuses(frame, True) and not swallows_denial(frame.node)
                               for method, frame in view.methods.items() if method in fw.FALCON_MIDDLEWARE_METHODS))

    def _login_middleware(self) -> list[str]:
        """Django middleware classes of this module that turn away a caller who is not signed in (pretix's
        `PermissionMiddleware`: `if not request.user.is_authenticated: return self._login_redirect(request)`): listed
        in `MIDDLEWARE`, they guard the views as Django's `LoginRequiredMiddleware` does."""
        if not self.uses_django:
            return []
        return sorted(name for name, view in self.classes.items()
                      if any(frame.body_guard and (frame.denies or _calls_denying_method(frame, view))
                               and not swallows_denial(frame.node)
                               for method, frame in view.methods.items() if method in fw.DJANGO_MIDDLEWARE_METHODS))

    def _namespace_middleware(self) -> dict[str, list[str]]:
        """Django middleware classes of this module that turn away a caller who is not signed in only for the views of
        some URL namespaces (pretalx's `EventPermissionMiddleware`, `url_namespaces.py`) -> those namespaces."""
        if not self.uses_django:
            return {}
        found: dict[str, list[str]] = {}
        for name, view in self.classes.items():
            namespaces = set().union(*(
                guarded_namespaces(frame.node, functools.partial(self._runs_refusing_check, view=view))
                for method, frame in view.methods.items() if method in fw.DJANGO_MIDDLEWARE_METHODS))
            if namespaces:
                found[name] = sorted(namespaces)
        return found

    def _runs_refusing_check(self, body: cst.CSTNode, view: ClassView) -> bool:
        """The body runs a check of the caller that refuses: a method of the class or a function of the module."""
        checks = [*(view.methods[m] for m in _self_methods_called(body, view)),
                  *(f for f in self._denying_functions(body) if f.body_guard)]
        return any(f.body_guard and (f.denies or self._denying_functions(f.node.body)) and not swallows_denial(f.node)
                   for f in checks)

    def _denying_functions(self, body: cst.CSTNode) -> list[Frame]:
        """The module's functions a body calls that can turn a caller away (`return login_redirect(request)`)."""
        called = {n.func.value for n in walk_own(body) if type(n) is cst.Call and type(n.func) is cst.Name}
        return [self.functions[n] for n in called & self.functions.keys() if self.functions[n].denies]

    def _guarded_by_helper(self, frame: Frame, names: tuple[str, ...]) -> bool:
        """The handler first runs a function of its module, or a method of its class, that checks the caller and
        refuses (CKAN's `extra_vars = _extra_template_variables(...)`, `context = self._prepare(id)`)."""
        view = self.classes.get(names[0]) if len(names) == 1 else None
        if view is not None and view.methods.get(frame.node.name.value) is frame and _calls_guarding_method(frame, view):
            return True
        called = {n.func.value for n in own_nodes_of(frame.node.body, cst.Call) if type(n.func) is cst.Name}
        return any(self.functions[name].body_guard and self.functions[name].denies
                   for name in called & self.functions.keys() if self.functions[name] is not frame)

    def _drf_default(self, view: ClassView) -> bool:
        return view.drf and not view.has_permission_classes

    # facts --------------------------------------------------------------------------------------------

    def leave_Module(self, node: cst.Module) -> None:
        if self.context.is_test_file:
            return  # apps built inside tests are fixtures, not the application's routes
        self._resolve_hooks()
        self._class_routes()
        if any(route.guarded for route in self.graphene_routes):
            self.routes.extend(self.graphene_routes)
        for receiver, path, methods, name, call in self.function_registrations:
            frame = self.functions.get(_last(name))
            label = f"The route `{'/'.join(sorted(methods))} {path if path is not None else '<path>'}` (`{_last(name)}`)"
            dependencies = self._dependencies_guard(_keyword(call, "dependencies"))  # `add_api_route(..., dependencies=[...])`
            if frame is None:
                # `Route("/x", handlers.purge)`: judged with its module's facts (a class endpoint is judged there alone)
                if name.split(".")[0] in self.context.imports.aliases and not _last(name)[:1].isupper():
                    self.routes.append(Route(call, label, methods, path, receiver, (_last(name),), None,
                                             guarded=dependencies or self._object_guarded(call),
                                             refs=(self._ref_text(name),), imported=True))
                continue
            guarded = dependencies or self._object_guarded(call) \
                or any(self._decorator_guards(d.decorator) for d in frame.node.decorators)
            refs = tuple(r for d in frame.node.decorators for r in self._decorator_refs(d.decorator))
            self.routes.append(Route(call, label, methods, path, receiver, (_last(name),), frame, guarded=guarded,
                                     refs=refs))
        self._openapi_routes()
        routes: list[dict[str, Any]] = []
        seen: set[int] = set()
        places = _Places(self.context.source, self.context.python_ast()) if self.routes else None
        for route in self.routes:
            if id(route.report_node) in seen:
                continue
            seen.add(id(route.report_node))
            fact = self._route_fact(route, places)  # type: ignore[arg-type]
            if fact is not None:
                routes.append(fact)
        guard_functions = sorted(self._guard_functions())
        # a guard tool the config of a CherryPy app turns on at its root (`{"/": {"tools.auth_basic.on": True}}`)
        cherrypy_guard = self.framework == "cherrypy" and bool(tool_guards(app_wide_tools(node, self.context.imports)))
        facts = {
            "routes": routes,
            "guarded_receivers": sorted(self._ref_text(r) for r in self.guarded_receivers if r != "*"),
            "restricted_receivers": sorted(self._ref_text(r) for r in self.restricted_receivers if r != "*"),
            "app_guard": self.global_guard,
            "includes": self.includes,
            "url_views": self.url_views,
            "view_aliases": self.view_aliases,
            "dependency_aliases": self.dependency_aliases,
            "settings": self.settings,
            "guard_functions": guard_functions,
            "handler_guards": self._handler_guards(),
            "signature_functions": sorted([n for n, f in self.functions.items()
                                           if f.verifies_signature and not _returns_caller(f.node)]
                                          + [f"{name}.{m}" for name, ms in self.verifying_objects.items() for m in ms]),
            "writing_methods": sorted(self._writing_methods()),
            "guarding_helpers": self._guarding_helpers(),
            "method_dispatch": self._method_dispatch(),
            "hook_refs": self.hook_refs,
            # FastHTML: the paths an app's Beforeware lets by, and the Beforeware objects the module builds for others
            "receiver_skips": {self._ref_text(r): [list(s) for s in skips] for r, skips in self.receiver_skips.items()},
            "beforewares": {name: [self._ref_text(hook), list(skip)]
                            for name, (hook, skip) in self.fasthtml.beforewares.items()},
            "dependency_receivers": {self._ref_text(r): sorted(set(refs)) for r, refs in self.receiver_dependencies.items()
                                     if r not in self.receivers_guarded_otherwise},
            "optional_dependencies": {n: self._dependency_refs(f.node) for n, f in self.functions.items() if f.never_denies},
            "dependency_runners": self._dependency_runners(guard_functions),
            "refusing_hooks": sorted(n for n, f in self.functions.items() if _may_hook(f) and _hook_refuses(f, False))
            + self._middleware_classes(),
            "login_middleware": self._login_middleware(),
            "namespace_middleware": self._namespace_middleware(),
            "url_namespace": self.url_namespace,
            "resources": self.resources,
            "guarded_classes": self._guarded_classes(),
            "router_prefixes": self.router_prefixes,
            "path_constants": _path_constants(node, self.constants),
            **self.urlconf.facts(),
            "cherrypy_app_guard": cherrypy_guard,
            "authenticates": self.global_guard or cherrypy_guard or bool(guard_functions)
            or any(r["guarded"] for r in routes),
        }
        if routes or any(facts[k] for k in ("guarded_receivers", "includes", "url_views", "view_aliases", "settings",
                                            "guard_functions", "dependency_aliases", "handler_guards", "method_dispatch",
                                            "signature_functions", "guarding_helpers", "hook_refs", "optional_dependencies",
                                            "dependency_runners",
                                            "refusing_hooks", "resources", "url_includes", "guarded_hooks",
                                            "guarded_classes", "login_middleware", "namespace_middleware", "url_namespace",
                                            "router_prefixes", "writing_methods",
                                            "path_constants", "beforewares", "cherrypy_app_guard")):
            self.context.facts[APP_MODEL] = facts
        inert = sorted(n for n, f in self.functions.items() if changes_nothing(f.node, self.qualified_name, self._imported()))
        inert += [m for view in self.classes.values() for m in form_methods_read(view.node, self.qualified_name,
                                                                                self._imported())]
        if inert:
            self.context.facts[INERT_FUNCTIONS] = inert

    def _skipped(self, receiver: str, path: str | None) -> bool:
        """A path every refusing FastHTML Beforeware of the app skips."""
        skips = self.receiver_skips.get(receiver)
        return bool(skips) and all(skipped(path, skip) for skip in skips or ())

    def _resolve_hooks(self) -> None:
        skips = {(b.receiver, b.hook): b.skip for b in self.fasthtml.befores}
        for receiver, target, must_deny in self.hooks:
            frame = target if isinstance(target, Frame) else self.functions.get(_last(target))
            if frame is None and isinstance(target, str) and receiver != "*" \
                    and target.split(".")[0] in self.context.imports.aliases:
                # `app.before_request(auth.load_user)`: whether the hook refuses is known where it is defined
                self.hook_refs.append([self._ref_text(receiver), self._ref_text(target)])
                continue
            if frame is not None and not _hook_refuses(frame, must_deny):
                continue
            if isinstance(target, str) and (receiver, target) in skips:
                self.receiver_skips.setdefault(receiver, []).append(skips[(receiver, target)] or ())
            self.guarded_receivers.add(receiver)
            self.receivers_guarded_otherwise.add(receiver)
            if frame is not None and restricts([frame.node.name.value]):  # `@bp.before_request def require_admin()`
                self.restricted_receivers.add(receiver)
        apps = {b.receiver for b in self.fasthtml.befores}  # a FastHTML app's Beforeware guards that app's routes alone
        if "*" in self.guarded_receivers or (self.guarded_receivers - apps) & self.app_names:
            self.global_guard = True

    def _handler_guards(self) -> dict[str, list[str]]:
        """Decorated module-level functions that another module may register as handlers (`Route("/x", views.f)`,
        `app.add_url_rule(..., view_func=views.f)`): [] for a guard decorator, else the decorators' names (a guard
        defined elsewhere in the project)."""
        found: dict[str, list[str]] = {}
        if self.uses_django:
            return found  # Django and DRF route views through URLconfs, which the model reads on their own
        for name, frame in self.functions.items():
            decorators = [d.decorator for d in frame.node.decorators]
            if not decorators or any(self._route_decorator(d) is not None for d in decorators):
                continue
            if any(self._decorator_guards(d) for d in decorators):
                found[name] = []
            else:
                refs = [r for d in decorators for r in self._decorator_refs(d)]
                if refs:
                    found[name] = refs
        for name, call in self.wrapped:
            if self._decorator_guards(call.func):
                found[name] = []
            elif call.args[0].value.value in self.functions:  # type: ignore[attr-defined]
                found[name] = self._decorator_refs(call.func)
        return found

    def _dependency_runners(self, guards: list[str]) -> dict[str, list[str]]:
        """FastAPI dependencies of the module that are no guard by themselves, with the dependencies their signature
        runs (`def get_membership(org_id: int, user: CurrentUser)`): the resolver makes them guards when one of those
        is, wherever it is defined. Read only in modules that import FastAPI."""
        if self.framework != "fastapi":
            return {}
        runners = {}
        for name, frame in self.functions.items():
            if name in guards or frame.never_denies:
                continue
            refs = [r for r in self._dependency_refs(frame.node) if _last(r) not in BUILTIN_NAMES]
            if refs:
                runners[name] = refs
        return runners

    def _guard_functions(self) -> set[str]:
        """Module-level functions and classes that authenticate: project-defined decorators and dependencies."""
        return {name for name, frame in self.functions.items() if frame.authenticates or frame.checks_credential}

    def _ref_text(self, name: str) -> str:
        """A name as other files can match it: imported names resolve through the imports, others are `@local`."""
        head = name.split(".")[0]
        if head in self.context.imports.aliases:
            resolved = self.context.imports.aliases[head]
            return resolved + name[len(head):]
        return "@" + name

    def _imported(self) -> frozenset[str]:
        return frozenset(self.context.imports.aliases)

    def _answer_refs(self, frame: Frame | None) -> Answer | None:
        """The project functions a handler that only answers calls (`answer_only.inert_refs`), None if it may act."""
        if frame is None:
            return None
        view = next((v for v in self.classes.values() if v.methods.get(frame.node.name.value) is frame), None)
        methods = {name: f.node for name, f in view.methods.items()} if view is not None else {}
        attributes = class_attributes(view.node) if view is not None else None
        return inert_refs(frame.node, methods, self.qualified_name, self._imported(), attributes=attributes)

    def _method_verifies(self, frame: Frame) -> bool:
        """A view method that calls a method of its class which checks the request's signature or shared secret
        (`self._validate_post()`: `if token != self.secret_token: raise HTTPError(403)`)."""
        view = next((v for v in self.classes.values() if v.methods.get(frame.node.name.value) is frame), None)
        return view is not None and any(view.methods[name].verifies_signature for name in _own_methods_called(frame, view))

    def _guarding_helpers(self) -> list[str]:
        """Module-level functions and methods of module-level classes (`ApiService.add`) that check the caller and
        refuse: a handler of another module that calls one is guarded by it, as by a helper of its own module."""
        helpers = [name for name, frame in self.functions.items() if frame.body_guard and frame.denies]
        helpers += [f"{cls}.{name}" for cls, view in self.classes.items() for name, frame in view.methods.items()
                    if frame.body_guard and frame.denies]
        return sorted(helpers)

    def _method_dispatch(self) -> dict[str, list[str]]:
        """Module-level functions that hand each writing method to an imported function (`method_dispatch.py`), read
        only in a module that tests a request's method."""
        if ".method" not in self.context.source or self.uses_django:
            return {}
        return {name: refs for name, frame in self.functions.items()
                if not frame.node.decorators and (refs := dispatched_calls(frame.node, self._imported_ref)) is not None}

    def _imported_ref(self, name: str) -> str | None:
        """An imported function's name as other files can match it; None for a name not imported."""
        return self._ref_text(name) if name.split(".")[0] in self.context.imports.aliases else None

    def _helpers_called(self, frame: Frame) -> list[str]:
        """The imported functions a handler calls (`is_authentic(body, sig)`, `security.check(body)`), also as methods
        of a module-level service object (`api_service.add(...)` is `ApiService.add`): one defined elsewhere in the
        project may check the caller, or a webhook's signature, for it. Read only for handlers nothing here guards."""
        found = set()
        for node in own_nodes_of(frame.node.body, cst.Call):  # the body's calls, indexed once for `_guarded_by_helper` too
            name = full_name(node.func)
            if name is None:
                continue
            head, dot, rest = name.partition(".")
            if dot and head in self.service_objects:
                head, name = self.service_objects[head], f"{self.service_objects[head]}.{rest}"
            if head.split(".")[0] in self.context.imports.aliases or head in self.classes or name in self.functions:
                found.add(name)
        return sorted(found)

    def _opens_sign_up(self, route: Route, path: str | None) -> bool:
        """`POST /users` (or `/accounts`) with no parameter: a sign-up, open by design like `/register`, unless under an
        administrative path or setting a privilege field itself (`User(..., is_admin=True)`)."""
        segments = [s for s in (path or "").split("/") if s]
        return route.methods == {"POST"} and bool(segments) and segments[-1] in fw.SIGN_UP_COLLECTIONS \
            and not _path_params(path) and not self.match.sensitive_paths.search(path or "") \
            and route.frame is not None and not route.frame.sets_privilege

    def _visitor_submission(self, route: Route, path: str | None) -> bool:
        """`POST /post/<int:post_id>/comments` whose handler only adds rows: a visitor's comment, vote or review under
        an object, open by design like a contact form, unless under an administrative path or setting a privilege
        field; editing or removing one (`/comments/<id>`, a `delete()`) is no submission, nor is a top-level collection
        (`POST /comments`), which names no object the visitor responds to."""
        segments = [s for s in (path or "").split("/") if s]
        frame = route.frame
        return route.methods == {"POST"} and len(segments) > 1 and _normal(segments[-1]) in fw.VISITOR_SUBMISSIONS \
            and bool(_path_params(segments[-2])) \
            and not self.match.sensitive_paths.search(path or "") and frame is not None and not frame.sets_privilege \
            and only_creates(frame.node, frame.write_calls)

    def _guard_dependencies(self, route: Route, receiver_guard: bool) -> list[str]:
        """The dependencies that alone guard a route here (its own, its router's `dependencies=[...]`), [] when
        something else guards it too (a guard decorator, a hook, `Security(...)`)."""
        refs = list(route.dependency_refs or ()) if route.guarded else []
        if route.guarded and route.dependency_refs is None:
            return []
        if receiver_guard:
            receiver = route.receiver or ""
            if self.global_guard or receiver in self.receivers_guarded_otherwise \
                    or receiver not in self.receiver_dependencies:
                return []
            refs += self.receiver_dependencies[receiver]
        return sorted(set(refs))

    def _object_guarded(self, call: cst.Call) -> bool:
        """A route object under a guarding `Mount`'s middleware, or in a route list such a `Mount` lists."""
        return id(call) in self.guarded_objects or self.route_lists.get(id(call)) in self.guarded_lists

    def _hands_on_signature(self, frame: Frame) -> bool:
        """The handler passes the signature header it reads to a method or an imported function
        (`handler.process(payload, sig)`), which may check it. Reading the header, testing that it is there or
        logging it checks nothing; a function of this module is judged by its own body (`_helpers_called`)."""
        if not frame.names_signature:
            return False
        nodes = list(walk_own(frame.node.body))
        carriers: set[str] = set()
        assigns = [n for n in nodes if isinstance(n, cst.Assign)]
        for _ in range(3):  # `sig = headers.get(...)`, then `parts = sig.split(",")`: a few steps, in any order
            grown = {t for a in assigns if _mentions_signature(a.value, carriers)
                     for target in a.targets for t in bound_names(target.target)}
            if grown <= carriers:
                break
            carriers |= grown
        return any(self._hands_on(n, carriers) for n in nodes if isinstance(n, cst.Call))

    def _hands_on(self, call: cst.Call, carriers: set[str]) -> bool:
        """A call that gets the signature and is not a read, a log line or a builtin; nor a local function."""
        func = call.func
        if isinstance(func, cst.Attribute):
            if func.attr.value in SIGNATURE_READS:
                return False
        elif not isinstance(func, cst.Name) or func.value in BUILTIN_NAMES or func.value in self.functions \
                or func.value in SIGNATURE_READS:
            return False
        return any(_mentions_signature(a.value, carriers) for a in call.args)

    def _unmounted_list(self, route: Route) -> str | None:
        """The module-level list a route object is in, when no `Mount` of this file gives it its prefix."""
        listed = self.route_lists.get(id(route.report_node)) if route.receiver is None else None
        return listed if listed is not None and listed not in self.list_prefixes else None

    def _is_webhook(self, path: str | None, names: tuple[str, ...]) -> bool:
        words = {w for n in names for w in fw.name_words(n)} | {_normal(s) for s in (path or "").split("/")}
        return bool(words & fw.WEBHOOK_WORDS)

    def _writing_methods(self) -> set[str]:
        """The methods of the module's model classes that write records (`orm_writes.writing_methods`), found once."""
        if self.writers is None:
            self.writers = set().union(*(writing_methods({name: (f.node, f.write_calls) for name, f in view.methods.items()})
                                         for view in self.classes.values() if is_model_class(view.node)))
        return self.writers

    def _openapi_routes(self) -> None:
        """Connexion's routes: the module-level functions an OpenAPI document near the file routes by `operationId`
        (`openapi.operations_for`), guarded by the document's security requirements or their own decorators."""
        operations = operations_for(self.context.path)
        routed = {id(route.frame) for route in self.routes} if operations else set()
        for name, operation in operations.items():
            frame = self.functions.get(name)
            if frame is None or id(frame) in routed:
                continue  # no such function, or one the module routes itself (`@app.get`): its own route says it all
            decorated = any(self._decorator_guards(d.decorator) for d in frame.node.decorators)
            refs = tuple(r for d in frame.node.decorators for r in self._decorator_refs(d.decorator))
            # one route per handler (its facts are the handler's): the operations that let anyone in, if any
            chosen = [r for r in operation.routes if not r[2]] or list(operation.routes)
            methods = frozenset(r[0] for r in chosen)
            if all(r[3] for r in chosen) and not methods & fw.STATE_CHANGING_METHODS:
                continue  # a read its own `security: []` opens on purpose, as a public decorator would; not a write
            path = chosen[0][1]
            label = f"The route `{'/'.join(sorted(methods))} {path}` (`{name}`)"
            self.routes.append(Route(frame.node, label, methods, path, None, (name,), frame,
                                     guarded=operation.secured or decorated, refs=refs, framework="connexion"))

    def _route_fact(self, route: Route, places: _Places) -> dict[str, Any] | None:
        path = self._full_path(route)
        frame = route.frame
        method_verifies = frame is not None and self._method_verifies(frame)
        signed = frame is not None and (frame.verifies_signature or self._hands_on_signature(frame)) \
            or any(fw.checks_signature(_last(r.lstrip("@"))) for r in route.refs) or method_verifies
        # a webhook is open to its sender by design, so it is reported only when nothing checks the signature
        feeds_bot = frame is not None and frame.feeds_bot
        webhook = (self._is_webhook(path, route.names) or feeds_bot) and frame is not None and not signed \
            and not frame.hands_on_request
        helpers = self._helpers_called(frame) if webhook and frame is not None else []
        helper_signed = any(self.functions[h].verifies_signature for h in helpers if h in self.functions)
        # checked by the signature its sender puts in a header or the link (`X-Hub-Signature-256`, `sig`): a machine's
        # or a mailed link's credential, no user's sign-in (unlike a shared key, `X-Admin-Key`, which lets an operator in)
        signed_webhook = helper_signed or signed and frame is not None and frame.names_signature
        webhook = webhook and not helper_signed
        if not webhook and (self._is_public_route(path, route.names, route.names_object) or self._opens_sign_up(route, path)
                            or self._visitor_submission(route, path)
                            or (route.opened or route.opens_receiver) and (self._is_auth_step(path, route.names)
                                                 or (frame is not None and not frame.persists))):
            return None  # open by design: a sign-up, a step of signing in, a view opened on purpose that only answers
        if frame is not None and frame.only_refuses:
            return None  # a handler that only raises (a not-found page's `post`) serves and changes nothing
        sensitive = path is not None and bool(self.match.sensitive_paths.search(path))
        state_changing = bool(route.methods & fw.STATE_CHANGING_METHODS) or (frame is not None and frame.posts) or webhook
        answer_refs = self._answer_refs(frame) if state_changing and not webhook and not sensitive \
            and route.methods & fw.STATE_CHANGING_METHODS <= {"POST"} else None
        state_changing = state_changing and answer_refs is None  # a POST that only renders an answer changes nothing
        record_methods: list[str] = []
        if not state_changing and frame is not None and ((route.framework or self.framework) in fw.ANY_METHOD_FRAMEWORKS
                                                         or "GET" in route.methods):
            # a view that writes on a GET too, itself or through a method of a model
            state_changing = bool(frame.write_calls) and writes_records(frame.node, frame.write_calls) \
                or not frame.record_methods.isdisjoint(self._writing_methods())
            record_methods = [] if state_changing else sorted(frame.record_methods)
        receiver_guard = not route.opens_receiver and (
            self.global_guard or (route.receiver is not None and route.receiver in self.guarded_receivers
                                  and not route.own_auth)) \
            and not (route.receiver is not None and self._skipped(route.receiver, path))
        guarded_otherwise = frame is not None and (frame.body_guard or frame.checks_credential or frame.verifies_signature
                                                   or method_verifies or self._guarded_by_helper(frame, route.names)) \
            or not self.guarded_handlers.isdisjoint(route.names)
        guarded = route.guarded or guarded_otherwise or receiver_guard
        if not guarded and not webhook and frame is not None:
            helpers = self._helpers_called(frame)
        label = route.label
        if path is not None and route.path is not None and path != route.path:
            label = relabelled(label, route.path, path)
        line, column = places.of(self.anchors.get(id(route.report_node), ("def", -1)))
        return {
            "framework": route.framework or self.framework,
            "label": label,
            "handler": route.handler or route.names[0],
            "methods": sorted(route.methods),
            "path": path,
            "path_params": _path_params(path),
            "receiver": self._ref_text(route.receiver) if route.receiver else None,
            "state_changing": state_changing,
            "record_methods": record_methods,  # the methods it calls on its records: another module's may write
            # of a handler that only answers: the project functions it calls, which change nothing only if inert
            "answer_refs": [self._ref_text(r) for r in answer_refs.refs] if answer_refs is not None else [],
            "answer_only": answer_refs is not None,  # a POST that only renders what the request carries
            "answer_reads": answer_refs is not None and answer_refs.reads,  # ... and stored records (a search form's)
            "sensitive": sensitive,
            "guarded": guarded,
            "receiver_guard": receiver_guard,  # its app's or blueprint's hook, middleware or dependencies guard it
            "opens_receiver": route.opens_receiver,  # its own `auth=None`: what guards its router or app does not apply
            "own_auth": route.own_auth,  # its own `auth=` replaces its router's (django-ninja)
            # when dependencies alone guard it (its own, its router's): theirs, which may never deny
            "guard_dependencies": [] if guarded_otherwise else self._guard_dependencies(route, receiver_guard),
            "guard_above": route.guard_above,
            "drf_default": route.drf_default,
            "webhook": webhook,
            "signed": signed_webhook,
            "bot_feed": webhook and feeds_bot,  # the webhook of a chat platform: its secret token or signature
            # the project functions its handler calls, which another module may define as a check of the caller (of a
            # webhook: of the signature)
            "helper_refs": [self._ref_text(h) for h in helpers if h not in self.functions],
            "needs_urlconf": route.heuristic,
            "unconfigured": route.unconfigured,
            "imported_handler": route.imported,
            "resource_suffix": route.resource_suffix,
            "route_list": self._ref_text(listed) if (listed := self._unmounted_list(route)) else None,
            "refs": sorted(set(route.refs)),
            "serves_constants": frame is not None and _serves_constants(frame.node),
            # guarded only by a 401/403 it answers for something else (`status=403` for a profile that exists)
            "status_only": not route.guarded and not receiver_guard and frame is not None and frame.status_guard
            and not (frame.checks_credential or frame.verifies_signature) and _names_no_caller(frame.node),
            "line": line,
            "column": column,
            "text": places.text(line),
        }


def _path_constants(module: cst.Module, constants: dict[str, str]) -> dict[str, str]:
    """The module's strings that may prefix a route, for the modules that import them: its constants
    (`ADMIN_PREFIX = "/admin"`, also annotated), the class attributes of its classes (`Settings.ADMIN_PREFIX`) and of
    the objects it makes of them (`settings = Settings()`: `settings.ADMIN_PREFIX`)."""
    found = {name: value for name, value in constants.items() if value.startswith("/")}
    classes: dict[str, dict[str, str]] = {}
    for statement in module.body:
        if type(statement) is cst.ClassDef and type(statement.body) is cst.IndentedBlock:
            attributes = dict(_string_assignments(statement.body.body))
            if attributes:
                classes[statement.name.value] = attributes
                found.update((f"{statement.name.value}.{name}", value) for name, value in attributes.items())
        elif type(statement) is cst.SimpleStatementLine:
            found.update(_string_assignments((statement,)))
            for small in statement.body:
                if type(small) is cst.Assign and len(small.targets) == 1 and type(small.targets[0].target) is cst.Name \
                        and type(small.value) is cst.Call and type(small.value.func) is cst.Name \
                        and small.value.func.value in classes:
                    instance = small.targets[0].target.value
                    found.update((f"{instance}.{n}", v) for n, v in classes[small.value.func.value].items())
    return found


def _string_assignments(statements: Iterable[cst.BaseStatement]) -> Iterator[tuple[str, str]]:
    """`NAME = "/admin"` and `NAME: str = "/admin"` among the statements: the strings that start with a slash."""
    for statement in statements:
        if type(statement) is not cst.SimpleStatementLine:
            continue
        for small in statement.body:
            if type(small) is cst.Assign and len(small.targets) == 1:
                target: cst.BaseExpression = small.targets[0].target
                value: cst.BaseExpression | None = small.value
            elif type(small) is cst.AnnAssign:
                target, value = small.target, small.value
            else:
                continue
            text = _string(value) if type(value) is cst.SimpleString else None
            if type(target) is cst.Name and text is not None and text.startswith("/"):
                yield target.value, text


# Words of what a check of the caller reads: a session, a user, a token or key, a role.
CALLER_WORDS = frozenset({"session", "sessions", "token", "tokens", "auth", "authorization", "authenticated", "user", "users",
                          "login", "logged", "key", "apikey", "password", "secret", "jwt", "credential", "credentials",
                          "admin", "role", "roles", "permission", "permissions", "perm", "perms", "identity", "current",
                          "bearer", "cookie", "cookies", "signature", "header", "headers", "staff", "superuser", "owner",
                          "principal", "claims", "account", "allowed", "authorized", "authorised", "access"})


# Last words of the classes whose objects a handler opens to reach another service (`aiohttp.ClientSession()`,
# `httpx.AsyncClient()`, SQLAlchemy's `Session(engine)`): a name bound to one (`as session`) is no caller's session.
OUTBOUND_CLASS_WORDS = frozenset({"session", "client", "connection", "engine"})


def _outbound_names(function: cst.FunctionDef) -> set[str]:
    """Names bound to a client or database session the handler opens (`async with aiohttp.ClientSession() as
    session`, `session = requests.Session()`), and the classes they are made from."""
    found: set[str] = set()
    for node in walk_own(function):
        pairs: list[tuple[cst.BaseExpression, cst.BaseExpression]] = []
        if type(node) is cst.With:
            pairs = [(item.item, item.asname.name) for item in node.items if item.asname is not None]
        elif type(node) is cst.Assign:
            pairs = [(node.value, target.target) for target in node.targets]
        for value, target in pairs:
            last = _callee_last(value.func) if type(value) is cst.Call else ""
            if type(target) is cst.Name and last[:1].isupper() and set(fw.name_words(last)[-1:]) & OUTBOUND_CLASS_WORDS:
                found.update((target.value, last))
    return found


def _callee_last(func: cst.BaseExpression) -> str:
    """`aiohttp.ClientSession` -> `ClientSession`; `Session` -> `Session`."""
    return func.attr.value if type(func) is cst.Attribute else func.value if type(func) is cst.Name else ""


# What a call that answers the caller is handed when it reads them from the request's credentials: the request, its
# cookies, headers or session, or a name for a credential (`api_service.current_user(cookie)`).
CREDENTIAL_ARGUMENT_WORDS = frozenset({"cookie", "cookies", "header", "headers", "session", "token", "jwt",
                                       "authorization", "auth", "credentials", "sid"})
REFUSING_CALLS = frozenset({"abort", "redirect"})


def _credential_caller(call: cst.Call) -> bool:
    """`api_service.current_user(cookie)`, `get_user(request.cookies.get("sid"))`, `get_current_user(request)`,
    `auth.current_user()`: a call named for the caller and handed a credential, the request, or nothing (it reads the
    request itself); not `User.get_user(user_id)`, nor `users.find_by_username(request.form["username"])`."""
    words = fw.name_words(_callee_last(call.func))
    if not CALLER_NAME_WORDS.intersection(words) or "by" in words or not names_the_caller(call.func):
        return False
    if not call.args or any(type(arg.value) is cst.Name and arg.value.value in REQUEST_NAMES for arg in call.args):
        return True
    return any(CREDENTIAL_ARGUMENT_WORDS.intersection(fw.name_words(n.value)) for arg in call.args
               for n in walk_own(arg.value) if type(n) is cst.Name)


def _refuses(block: cst.BaseSuite) -> bool:
    """Raises, aborts or answers (`return {"error": ...}, 404`); a bare `return` may be a page's own answer too."""
    return any(type(n) is cst.Raise or type(n) is cst.Return and n.value is not None
               or type(n) is cst.Call and _last(full_name(n.func)) in REFUSING_CALLS for n in walk_own(block))


def _names_no_caller(function: cst.FunctionDef) -> bool:
    """No name, attribute or text in the function names what a check of the caller reads (`session`, `user`,
    `X-Api-Key`): a 401/403 it answers is about something else. A client session the handler opens to fetch a page
    (`async with aiohttp.ClientSession() as session`) is no caller's."""
    outbound = _outbound_names(function)
    for node in walk_own(function):
        if type(node) is cst.Name:
            if node.value in outbound:
                continue
            text = node.value
        elif type(node) is cst.SimpleString:
            text = text_value(node) or ""
        else:
            continue
        if CALLER_WORDS.intersection(fw.name_words(text.replace("-", "_"))):
            return False
    return True


def _is_none(node: cst.BaseExpression) -> bool:
    return type(node) is cst.Name and node.value == "None"


def _checks_presented_credential(call: cst.Call, handler: cst.FunctionDef) -> bool:
    """`manager.verify(token, request)`: a check handed a parameter of the handler (or a field of its body,
    `payload.token`) that carries a one-time credential (`token`, `reset_code`), which the client proves itself with;
    not a check of an id (`verify(user_id)`)."""
    parameters = (*handler.params.posonly_params, *handler.params.params, *handler.params.kwonly_params)
    presented = _presented_credentials(handler)
    names = {p.name.value for p in parameters}
    return any(isinstance(a.value, cst.Name) and a.value.value in presented
               or _presented_field(a.value, names) for a in call.args)


def _unsigns_parameter(call: cst.Call, handler: cst.FunctionDef) -> bool:
    """`signing.loads(key)`, `signed.loads(str(key), extra_key=SALT)`, `TimestampSigner().unsign(token)`: what the
    server signed, read back from a parameter of the handler (the link's, not the request), which raises unless the
    signature holds."""
    receiver = call.func.value if isinstance(call.func, cst.Attribute) else None
    if isinstance(receiver, cst.Call):
        receiver = receiver.func  # `TimestampSigner(salt=...).unsign(token)`
    named = full_name(receiver) if receiver is not None else None
    if not named or not fw.SIGNING_WORDS & {w for part in named.split(".") for w in fw.name_words(part)}:
        return False
    parameters = {p.name.value for p in (*handler.params.posonly_params, *handler.params.params)} - REQUEST_NAMES - {"self"}
    return any(head_name(_unwrapped(a.value)) in parameters for a in call.args[:1])


def _unwrapped(value: cst.BaseExpression) -> cst.BaseExpression:
    """`str(key)` -> `key`."""
    while isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value in BUILTIN_NAMES \
            and value.args:
        value = value.args[0].value
    return value


def _presented_credentials(handler: cst.FunctionDef) -> frozenset[str]:
    """The handler's parameters that carry a one-time credential the client presents (`token`, `reset_code`)."""
    parameters = (*handler.params.posonly_params, *handler.params.params, *handler.params.kwonly_params)
    return frozenset(p.name.value for p in parameters
                     if fw.name_words(p.name.value)[-1:] in fw.PRESENTED_CREDENTIAL_LAST)


def _looks_up_presented_credential(call: cst.Call, handler: cst.FunctionDef) -> bool:
    """`get_object_or_404(Invite, token=token)`, `Reset.objects.filter(token=token)`: the record is found by the
    one-time credential the link carries, so only its holder reaches it, as a check of the credential lets them in.
    A class-based view's `dispatch` reads it from the URL's captures (`pw_reset_token=kwargs.get("token")`,
    `self.kwargs["token"]`)."""
    keyed = [a.value for a in call.args if a.keyword is not None  # (most calls pass no such keyword)
             and fw.name_words(a.keyword.value)[-1:] in fw.PRESENTED_CREDENTIAL_LAST]
    if not keyed:
        return False
    presented = _presented_credentials(handler)
    return any(type(value) is cst.Name and value.value in presented or _captured_credential(value) for value in keyed)


# Where a class-based view's `dispatch` finds the URL's captures.
CAPTURE_CONTAINERS = frozenset({"kwargs", "self.kwargs"})


def _captured_credential(value: cst.BaseExpression) -> bool:
    """`kwargs.get("token")`, `kwargs["token"]`, `self.kwargs["reset_code"]`: a URL capture of a class-based view named
    for a one-time credential."""
    if type(value) is cst.Call and type(value.func) is cst.Attribute and value.func.attr.value == "get" and value.args:
        container, key = value.func.value, value.args[0].value
    elif type(value) is cst.Subscript and len(value.slice) == 1 and type(value.slice[0].slice) is cst.Index:
        container, key = value.value, value.slice[0].slice.value
    else:
        return False
    text = text_value(key)
    return full_name(container) in CAPTURE_CONTAINERS and text is not None \
        and fw.name_words(text)[-1:] in fw.PRESENTED_CREDENTIAL_LAST


def _presented_field(value: cst.BaseExpression, parameters: set[str]) -> bool:
    """`payload.token`: the field of a request body parameter that carries the one-time credential."""
    return type(value) is cst.Attribute and type(value.value) is cst.Name and value.value.value in parameters \
        and fw.name_words(value.attr.value)[-1:] in fw.PRESENTED_CREDENTIAL_LAST

