"""Static test reach through a web framework: from a test client's request to the view the app wires to it.

The app model (`vibecheck.analysis.app_model`) knows each URLconf entry (`path("orders/<int:pk>/", views.f,
name="order")`) and DRF router registration (`router.register("orders", OrderViewSet, basename="order")`).
A test that requests a matching path (`client.get("/api/orders/7/")`) or reverses the name
(`reverse("order-refund", args=[7])`) reaches that view: a function view, a class view's handler for the
request's method, or a viewset's standard action for that method and the `@action` the path names.
Once a class is reached, the framework calls some of its methods by name (`get_queryset`,
`has_object_permission`, a serializer's `validate_<field>`): `FRAMEWORK_METHODS` lists them by the kind
of base class, as data.
"""

from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from vibecheck.analysis.app_model import UrlEntry
from vibecheck.patterns import lazy_pattern

if TYPE_CHECKING:
    from vibecheck.rules.verification._reach import Definition, ProjectIndex

# The suffix of a base class's name -> methods the framework calls on instances of the subclass.
FRAMEWORK_METHODS: dict[str, tuple[str, ...]] = {
    "View": ("get_queryset", "get_object", "get_serializer_class", "get_serializer_context", "get_permissions",
             "get_authenticators", "perform_create", "perform_update", "perform_destroy", "get_context_data",
             "get_success_url", "form_valid", "form_invalid", "dispatch", "get_template_names", "get_form_class",
             "get_form_kwargs", "get_initial", "initial", "finalize_response", "handle_exception", "get_paginated_response"),
    "ViewSet": ("get_queryset", "get_object", "get_serializer_class", "get_serializer_context", "get_permissions",
                "perform_create", "perform_update", "perform_destroy", "initial", "handle_exception"),
    "Serializer": ("create", "update", "validate", "validate_*", "to_representation", "to_internal_value", "get_*"),
    "Permission": ("has_permission", "has_object_permission"),
    "Authentication": ("authenticate", "authenticate_header", "authenticate_credentials", "keyword"),
    "Form": ("clean", "clean_*", "save"),
    "Model": ("save", "clean", "delete", "get_absolute_url"),
    "Config": ("ready",),
    "Middleware": ("process_request", "process_response", "process_view", "process_exception"),
    "MiddlewareMixin": ("process_request", "process_response", "process_view", "process_exception"),
    "Pagination": ("paginate_queryset", "get_paginated_response"),
    "Filter": ("filter_queryset",),
    "FilterBackend": ("filter_queryset",),
    "Throttle": ("allow_request", "wait"),
    "Command": ("add_arguments", "handle", "execute", "get_command", "list_commands", "parse_args", "invoke",
                "resolve_command", "make_context", "format_*", "get_usage", "get_help", "get_params",
                "get_help_option", "get_short_help_str", "collect_usage_pieces", "shell_complete"),
    "Group": ("get_command", "list_commands", "parse_args", "invoke", "resolve_command", "make_context",
              "format_*", "get_usage", "get_help", "get_params", "get_help_option", "collect_usage_pieces",
              "shell_complete"),
    "Type": ("convert", "get_metavar", "shell_complete", "split_envvar_value"),
    "Path": ("convert", "shell_complete"),
    "Loader": ("get_source", "list_templates", "load"),
    # a transport adapter: requests' `HTTPAdapter` calls these on itself from `send` and `__init__`
    "Adapter": ("send", "close", "init_poolmanager", "proxy_manager_for", "cert_verify", "build_response",
                "build_connection_pool_key_attributes", "get_connection", "get_connection_with_tls_context",
                "request_url", "add_headers", "proxy_headers"),
    "Request": ("on_json_loading_failed", "_load_form_data"),
    "RequestBase": ("on_json_loading_failed", "_load_form_data"),
    "Preprocessor": ("run",),
    "EnvironBuilder": ("json_dumps",),
}
# The suffix of a library base class's name -> the methods it dispatches by name (`ast.NodeVisitor.visit`
# calls `visit_<Class>`, `cmd.Cmd` runs `do_<command>`, unittest runs `setUp` and `test*`). A class derived
# from such a library class directly counts all its methods as reached (the library calls its overrides);
# this table says which methods run when the library class is a base of a *project* base class
# (`class Mine(Base)`, `class Base(ast.NodeVisitor)`), and when the project's own code is the dispatcher.
DISPATCHING_BASES: dict[str, tuple[str, ...]] = {
    "Visitor": ("visit", "visit_*", "leave_*", "depart_*", "generic_visit", "on_visit", "on_leave", "on_visit_attribute",
                "on_leave_attribute", "unknown_visit", "unknown_departure"),
    "Transformer": ("visit", "visit_*", "leave_*", "generic_visit", "on_visit", "on_leave", "transform_*", "transform"),
    "Cmd": ("do_*", "help_*", "complete_*", "default", "emptyline", "precmd", "postcmd", "preloop", "postloop",
            "completedefault", "onecmd"),
    "RequestHandler": ("do_*", "handle", "setup", "finish", "log_message", "send_head"),
    "TestCase": ("setUp", "tearDown", "setUpClass", "tearDownClass", "setUpTestData", "asyncSetUp", "asyncTearDown",
                 "test*", "run", "debug"),
    # `goahead` calls its parsing steps on `self`, which a subclass overrides (`parse_pi`, `unknown_decl`)
    "HTMLParser": ("handle_*", "feed", "close", "reset", "goahead", "parse_*", "unknown_decl", "check_for_whole_start_tag",
                   "set_cdata_mode", "clear_cdata_mode", "updatepos"),
    "ContentHandler": ("startElement", "endElement", "startElementNS", "endElementNS", "characters", "startDocument",
                       "endDocument", "ignorableWhitespace", "processingInstruction"),
    "Thread": ("run",),
    "Process": ("run",),
    "Protocol": ("connection_made", "connection_lost", "data_received", "eof_received", "datagram_received",
                 "error_received", "pause_writing", "resume_writing", "buffer_updated", "get_buffer"),
    "Formatter": ("format", "formatTime", "formatException", "formatStack", "get_value", "get_field", "format_field",
                  "convert_field"),
    "Extension": ("parse", "preprocess", "filter_stream", "extendMarkdown", "run"),
}
# Methods that the standard library and common libraries call by name on an object they are handed: the
# file protocol, urllib's request and response (`http.cookiejar` drives a requests `MockRequest`),
# `http.client`'s response, mappings, logging handlers and formatters, JSON encoders, unittest's test results.
# Any reached class reaches its methods of these names, as it does its dunders.
PROTOCOL_METHODS = frozenset({
    "read", "read1", "readinto", "readinto1", "readline", "readlines", "write", "writelines", "flush", "close",
    "isatty", "fileno", "seek", "tell", "truncate", "readable", "writable", "seekable", "detach",
    "get_full_url", "get_host", "get_type", "get_origin_req_host", "is_unverifiable", "has_header", "get_header",
    "add_header", "add_unredirected_header", "header_items", "get_method", "unverifiable", "origin_req_host",
    "info", "getheaders", "getheader", "geturl", "getcode", "isclosed", "get_all",
    "keys", "items", "values", "get", "emit", "format", "filter", "handle", "default", "encode", "decode",
    "clean", "full_clean",  # Django runs a form's (or model's) `clean` and `clean_<field>` while validating
    # unittest's result protocol: `TestCase.run(result)` reports to whatever object it is handed (pytest hands its own)
    "startTest", "stopTest", "startTestRun", "stopTestRun", "addError", "addFailure", "addSuccess", "addSkip",
    "addExpectedFailure", "addUnexpectedSuccess", "addSubTest", "addDuration",
})
PROTOCOL_PREFIXES = ("clean_",)
# A viewset's standard actions: the HTTP method that runs each and whether its URL names one object.
VIEWSET_ACTIONS: dict[str, tuple[str, bool]] = {
    "list": ("GET", False), "create": ("POST", False), "retrieve": ("GET", True), "update": ("PUT", True),
    "partial_update": ("PATCH", True), "destroy": ("DELETE", True),
}
HTTP_HANDLERS = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})
_ROUTE_PARAMETER = lazy_pattern(r"<[^<>]*>|\{[^{}]*\}")
_ADJACENT_PARAMETERS = lazy_pattern(r"(?:<[^<>]*>|\{[^{}]*\}){2,}")


def route_pattern(route: str) -> re.Pattern[str]:
    """`/users/{id}` or `/users/<int:id>` -> a pattern matching the end of a tested path (a prefix may mount it)."""
    # Adjacent parameters are one run of text; a parameter stops before the next literal's first character:
    # `[^/]+` between literals made a failed match retry every split of the path (exponential in the parameters).
    pieces = _ROUTE_PARAMETER.split(_ADJACENT_PARAMETERS.sub("{}", route.rstrip("/") or "/"))
    body = re.escape(pieces[0])
    for piece in pieces[1:]:
        body += f"[^/{re.escape(piece[:1]) if piece[:1] != '/' else ''}]+{re.escape(piece)}"
    return re.compile(rf"(?:^|/){body.lstrip('/')}/?$" if body != "/" else r"^/?$")


def framework_calls(definition: Definition, bases: Iterable[str]) -> bool:
    """Whether a framework or the standard library calls this method by name (`get_queryset` of a view, `read1`).

    `bases` are the base-class names of its class, also those it inherits through its project base classes.
    """
    if definition.kind != "method":
        return False
    if definition.simple_name in PROTOCOL_METHODS or definition.simple_name.startswith(PROTOCOL_PREFIXES):
        return True
    name = definition.simple_name
    return any(called.match(name) for base in bases if (called := _called_names(base.rpartition(".")[2])) is not None)


@functools.lru_cache(maxsize=4096)
def _called_names(base_name: str) -> re.Pattern[str] | None:
    """The method-name patterns the tables give a base class of this name, as one expression (the same few bases
    recur thousands of times in a project's classes); None when they give none."""
    patterns = [pattern for table in (FRAMEWORK_METHODS, DISPATCHING_BASES) for suffix, patterns in table.items()
                if base_name.endswith(suffix) for pattern in patterns]
    return re.compile("|".join(fnmatch.translate(pattern) for pattern in patterns)) if patterns else None


@functools.lru_cache(maxsize=4096)
def known_framework_base(base: str) -> bool:
    """A base class whose framework-called methods `FRAMEWORK_METHODS` lists (a view, a serializer, a model...)."""
    last = base.rpartition(".")[2]
    return any(last.endswith(suffix) for suffix in FRAMEWORK_METHODS)


def views_reached_by_url(index: ProjectIndex) -> set[tuple[str, str]]:
    """`(module, qualname)` of the views, handlers and actions the tests' requests reach through URL wiring."""
    model = index.app_model
    if not model.url_entries:
        return set()
    by_key = {(d.module, d.qualname): d for d in index.definitions()}
    members: dict[tuple[str, str], list[Definition]] = {}
    for definition in by_key.values():
        if definition.owner:
            members.setdefault((definition.module, definition.owner), []).append(definition)
    reached: set[tuple[str, str]] = set()
    for entry in model.url_entries:
        view_name = next((view for alias, view in model.alias_names.items() if _same(alias, entry.view)), entry.view)
        target = index.canonical(view_name)
        module = index.module_of(target)
        if module is None or module == target or (module, target[len(module) + 1:]) not in by_key:
            continue
        view = by_key[(module, target[len(module) + 1:])]
        methods = members.get((view.module, view.qualname), [])
        if entry.router:
            reached |= _router_reach(index, entry, view, methods)
        else:
            reached |= _url_reach(index, entry, view, methods)
    return reached


def _same(a: str, b: str) -> bool:
    """Dotted names of one thing: equal, or one a dotted suffix of the other (as the app model matches them)."""
    return a == b or a.endswith("." + b) or b.endswith("." + a)


def _url_reach(index: ProjectIndex, entry: UrlEntry, view: Definition, methods: list[Definition]) -> set[tuple[str, str]]:
    """A URLconf entry: tested by its name, or by a request whose path ends with its pattern."""
    verbs: set[str] = set()
    if entry.name and entry.name in index.client_names:  # also `reverse("account:login")` for `name="login"`
        verbs.add("*")
    pattern = _url_pattern(entry.path)
    if pattern is not None:
        verbs.update(m for m, path in index.client_paths if pattern.search(path))
    if not verbs:
        return set()
    reached = {(view.module, view.qualname)}
    reached.update((m.module, m.qualname) for m in methods
                   if m.simple_name in HTTP_HANDLERS and ("*" in verbs or m.simple_name.upper() in verbs))
    return reached


def _router_reach(index: ProjectIndex, entry: UrlEntry, view: Definition, methods: list[Definition]) -> set[tuple[str, str]]:
    """A router's viewset: each standard action by method and detail, each `@action` by its URL segment or name."""
    prefix = (entry.path or "").strip("/")
    under = re.compile(rf"(?:^|/){re.escape(prefix)}(?:/(?P<rest>.*?))?/?$") if prefix else None
    requests = []  # (HTTP method, the path's segments after the prefix)
    if under is not None:
        for verb, path in index.client_paths:
            found = under.search(path)
            if found:
                requests.append((verb, [p for p in (found.group("rest") or "").split("/") if p]))
    basename = entry.name or ""
    names = {n[len(basename) + 1:] for n in index.client_names if basename and n.startswith(basename + "-")}
    if not requests and not names:
        return set()
    reached = {(view.module, view.qualname)}
    for method in methods:
        name = method.simple_name
        if name in VIEWSET_ACTIONS:
            verb, detail = VIEWSET_ACTIONS[name]
            by_name = ("detail" if detail else "list") in names
            by_path = any((m in ("*", verb)) and bool(rest) == detail and len(rest) <= 1 for m, rest in requests)
            if by_name or by_path:
                reached.add((method.module, method.qualname))
        elif any(d.rpartition(".")[2] == "action" for d in method.decorators):
            dashed = name.replace("_", "-")
            if names & {name, dashed} or any(rest and rest[-1] in (name, dashed) for _, rest in requests):
                reached.add((method.module, method.qualname))
    return reached


def _url_pattern(route: str | None) -> re.Pattern[str] | None:
    """A Django `path()` pattern as a regex for the end of a requested path; None for `re_path` regexes and ``."""
    if not route or route.startswith("^") or route.endswith("$"):
        return None
    return route_pattern("/" + route.lstrip("/"))
