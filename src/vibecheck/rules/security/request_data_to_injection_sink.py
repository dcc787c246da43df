"""VC409: client input reaches a redirect, a response header, a log line, XPath, LDAP, a regex, or an upload's name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast

import libcst as cst

from vibecheck.analysis.flow import (
    CLEAN,
    LOG_LEVELS,
    SUMMARISED_KINDS,
    FlowRule,
    FlowState,
    Taint,
    call_argument,
    dotted_name,
    has_keyword,
    is_log_call,
    iter_calls,
    iter_expressions,
    last_parts,
    request_source,
    scan_roots,
    short_code,
    string_value,
)
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import RuleContext

REDIRECTS = frozenset({
    "flask.redirect", "redirect", "werkzeug.utils.redirect", "quart.redirect", "django.shortcuts.redirect",
    "django.http.HttpResponseRedirect", "django.http.HttpResponsePermanentRedirect", "HttpResponseRedirect",
    "HttpResponsePermanentRedirect", "starlette.responses.RedirectResponse", "fastapi.responses.RedirectResponse",
    "RedirectResponse",
    # aiohttp, Falcon and Pyramid answer a redirect by raising it (`raise web.HTTPFound(url)`); Litestar returns
    # `Redirect(path=url)`; Sanic, Bottle and Emmett have their own `redirect()`
    *(f"{module}.{name}" for module in ("aiohttp.web", "aiohttp.web_exceptions", "falcon", "falcon.redirects",
                                        "pyramid.httpexceptions")
      for name in ("HTTPFound", "HTTPSeeOther", "HTTPMovedPermanently", "HTTPTemporaryRedirect", "HTTPPermanentRedirect")),
    "litestar.Redirect", "litestar.response.Redirect", "litestar.response.redirect.Redirect",
    "sanic.response.redirect", "sanic.redirect", "bottle.redirect", "emmett.redirect", "emmett.helpers.redirect",
    # NiceGUI sends the browser on from an event handler: `ui.navigate.to(url)` (`ui.open(url)` before 1.4.20)
    "nicegui.ui.navigate.to", "nicegui.ui.open",
})
RESPONSE_FACTORIES = frozenset({"flask.make_response", "make_response", "flask.Response", "werkzeug.wrappers.Response",
                                "starlette.responses.Response", "fastapi.responses.Response", "fastapi.Response",
                                "django.http.HttpResponse", "HttpResponse", "Response", "JSONResponse",
                                "fastapi.responses.JSONResponse", "starlette.responses.JSONResponse"})
HEADER_METHODS = frozenset({"add", "set", "setdefault", "add_header", "__setitem__"})
REGEX_NAMES = ("compile", "match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split")
REGEX_FUNCTIONS = frozenset(f"{module}.{name}" for module in ("re", "regex") for name in REGEX_NAMES)
# Other places a pattern goes: a Django lookup (`title__iregex=q`, run by the database), a MongoDB `$regex`
# value, and the pandas string methods that read their argument as a regex (`df[col].str.contains(q)`), with the
# keyword that turns that off (`regex=False`) or, for `replace`, on.
REGEX_LOOKUP_SUFFIXES = ("__regex", "__iregex")
MONGO_REGEX_KEY = "$regex"
# A file the app keeps as its own log: opened for appending, at a path whose name says log (`LOG_FILE`, "app.log",
# `audit_log_path`); a line written there is a log line, as one passed to `logging` is.
FILE_OPENERS = frozenset({"open", "builtins.open", "io.open", "codecs.open"})
LOG_PATH_NAME = lazy_pattern(r"(?i)(?:^|[^a-z])(?:logs?|audit|journal)(?:[^a-z]|$)")
FILE_WRITE_METHODS = frozenset({"write", "writelines"})
PANDAS_REGEX_METHODS = frozenset({"contains", "match", "fullmatch", "extract", "extractall", "findall", "count",
                                  "split", "replace"})
PANDAS_REGEX_OFF_BY_DEFAULT = frozenset({"replace"})
XPATH_FUNCTIONS = frozenset({"lxml.etree.XPath", "lxml.etree.ETXPath", "etree.XPath"})
LDAP_METHODS = {"search_s": (0, 2, "filterstr"), "search_st": (0, 2, "filterstr"), "search_ext": (0, 2, "filterstr"),
                "search_ext_s": (0, 2, "filterstr"), "search": (0, 1, "search_filter")}
SANITIZERS = frozenset({"re.escape", "regex.escape", "escape_filter_chars", "ldap.filter.escape_filter_chars",
                        "ldap3.utils.conv.escape_filter_chars", "escape_dn_chars", "ldap.dn.escape_dn_chars",
                        "secure_filename", "werkzeug.utils.secure_filename", "os.path.basename", "int", "float", "uuid.UUID",
                        "url_for", "flask.url_for", "reverse", "django.urls.reverse", "is_safe_url",
                        "url_has_allowed_host_and_scheme", "quote", "urllib.parse.quote", "json.dumps", "repr"})

REDIRECT_CWE = (601,)
HEADER_CWE = (113,)
# Header names that, as the key of an item assigned on an object, say the object is an HTTP response (Django's
# `response["Location"] = url`). Not the headers an email also has (`Content-Type`, `Content-Disposition`):
# `message["Content-Type"] = ...` builds a MIME part.
RESPONSE_HEADER_KEYS = frozenset({"location", "refresh", "set-cookie", "access-control-allow-origin",
                                  "access-control-allow-credentials"})
# A literal start that pins the host: a path (`/blog/`, but not `/` or `//`) or an absolute URL up to its path.
FIXED_HOST_PREFIX = lazy_pattern(r"^(/[^/\\]|https?://[^/?#]+/)")
LOG_CWE = (117,)
XPATH_CWE = (643,)
LDAP_CWE = (90,)
REGEX_CWE = (730, 1333)
UPLOAD_CWE = (434, 22)
# Conversions that write a value's `repr`/`ascii`, which escapes `\n` and `\r`.
ESCAPING_CONVERSIONS = frozenset({"r", "a"})
# Calls and displays whose text form escapes control characters: `repr`, a container (its items shown by their
# `repr`), JSON.
ESCAPING_TEXT_FORMS = frozenset({"repr", "ascii", "dict", "list", "tuple", "set", "frozenset", "sorted", "json.dumps",
                                 "collections.OrderedDict", "collections.Counter"})
ESCAPING_DISPLAYS = frozenset({cst.List, cst.Tuple, cst.Set, cst.Dict, cst.ListComp, cst.SetComp, cst.DictComp})


# A `%` placeholder (`%s`, `%(name)s`, `%-5d`); `%%` is a literal percent sign.
PERCENT_PLACEHOLDER = lazy_pattern(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdrifxXoeEgGca%]")
# What stands before a URL's `?`: a path or an address, no spaces (`GET %s?%s` is a log line, not a URL) and no
# regex syntax (`^user-?%s` is a pattern).
URL_BEFORE_QUERY = lazy_pattern(r"^[\w/:.\-~%@]*$")

# A request's URLs as the framework rebuilds them (WebOb's and Werkzeug's `request.url`, `path_url`, `host_url`):
# percent-encoded, so a `\n` the client sent arrives as `%0A` and cannot start a new log line. (`request.path` is
# decoded and can hold one.)
QUOTED_URL_ATTRIBUTES = frozenset({"url", "base_url", "host_url", "url_root", "path_url", "application_url"})
# Tornado's `HTTPServerRequest.uri`, `path` and `query` are the request line's own text, never decoded: still
# percent-encoded, as the rebuilt URLs above are.
TORNADO_RAW_URL = frozenset({"self.request.uri", "self.request.path", "self.request.query"})
# The absolute URL of the request itself, its host included (Werkzeug's and Starlette's `request.url`, `base_url`):
# a redirect there sends the browser back to the page it asked for (`return redirect(request.url)` after a failed
# form), on the host it asked; a path alone (`request.path`, `//evil.example`) would not stay there.
OWN_ABSOLUTE_URL_ATTRIBUTES = frozenset({"url", "base_url"})
# Methods of URL objects that add or replace query parameters, percent-encoding them (Starlette's `URL`, httpx's
# `URL`, yarl's `URL`): what they add cannot change the host or start a new line.
QUERY_PARAMETER_METHODS = frozenset({"include_query_params", "replace_query_params", "copy_add_param",
                                     "copy_set_param", "copy_merge_params", "update_query", "extend_query"})


def _url_object(node: cst.BaseExpression) -> cst.BaseExpression:
    """The URL an expression is built on, `str()` and added query parameters set aside: `request.url` for
    `str(request.url.include_query_params(page=2))` (the parameters are percent-encoded into the query string)."""
    while type(node) is cst.Call:
        func = node.func
        if type(func) is cst.Name and func.value == "str" and len(node.args) == 1:
            node = node.args[0].value
        elif type(func) is cst.Attribute and (func.attr.value in QUERY_PARAMETER_METHODS
                                               or func.attr.value == "replace" and _literal_arguments(node)):
            node = func.value
        else:
            break
    return node


def _literal_arguments(call: cst.Call) -> bool:
    """`url.replace("http://", "https://", 1)`, Starlette's `url.replace(scheme="https")`: the code, not the client,
    picks what the own URL's copy changes (the force-HTTPS redirect of flask-talisman and Starlette's middleware)."""
    return bool(call.args) and all(type(a.value) is cst.Integer or string_value(a.value) is not None
                                   for a in call.args)


def _is_own_absolute_url(node: cst.BaseExpression, state: FlowState) -> bool:
    """`request.url`, `str(request.url)`, also given query parameters (`request.url.include_query_params(page=2)`) or
    a scheme the code picks (`request.url.replace("http://", "https://", 1)`): the URL the client is on, which a
    redirect cannot move to another host."""
    node = _url_object(node)
    return type(node) is cst.Attribute and node.attr.value in OWN_ABSOLUTE_URL_ATTRIBUTES \
        and state.is_request_object(node.value)


def _url_pieces(node: cst.BaseExpression) -> list[str | cst.BaseExpression] | None:
    """The literal texts and the interpolated values of a string built by `%`, an f-string or `+`, in order."""
    if type(node) is cst.FormattedString:
        return [p.value if isinstance(p, cst.FormattedStringText) else cast(cst.FormattedStringExpression, p).expression
                for p in node.parts]
    if type(node) is not cst.BinaryOperation:
        return None
    if type(node.operator) is cst.Modulo:
        template = string_value(node.left)
        if template is None:
            return None
        values: list[cst.BaseExpression] = [e.value for e in node.right.elements] \
            if type(node.right) is cst.Tuple else [node.right]
        pieces: list[str | cst.BaseExpression] = []
        start = 0
        for match in PERCENT_PLACEHOLDER.finditer(template):
            pieces.append(template[start:match.start()])
            if match.group() == "%%":
                pieces.append("%")
            elif values:
                pieces.append(values.pop(0))
            else:
                return None
            start = match.end()
        pieces.append(template[start:])
        return pieces if not values else None
    if type(node.operator) is cst.Add:
        return _added_pieces(node)
    return None


# A URL is built from a few parts; a longer `+` chain is something else, and is not flattened at each of its nodes.
MAX_URL_PARTS = 12


def _added_pieces(node: cst.BinaryOperation) -> list[str | cst.BaseExpression] | None:
    """The operands of a `+` chain, left to right (literals as text), without recursion; None past MAX_URL_PARTS."""
    operands: list[cst.BaseExpression] = []
    current: cst.BaseExpression = node
    while type(current) is cst.BinaryOperation and type(current.operator) is cst.Add:
        operands.append(current.right)
        current = current.left
        if len(operands) > MAX_URL_PARTS:
            return None
    operands.append(current)
    pieces: list[str | cst.BaseExpression] = []
    for operand in reversed(operands):
        text = string_value(operand)
        pieces.append(text if text is not None else operand)
    return pieces


def query_string_part(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """A URL whose client part comes only after its `?`: `"%s?%s" % (url, request.META["QUERY_STRING"])`.

    There the client's text lands in the query string and cannot change where the URL points, so the value
    carries only the taint of what stands before the `?` (CLEAN if that is ours).
    """
    if type(node) not in (cst.BinaryOperation, cst.FormattedString):
        return None
    pieces = _url_pieces(node)
    if pieces is None:
        return None
    before: list[cst.BaseExpression] = []
    literal = ""
    for index, piece in enumerate(pieces):
        if not isinstance(piece, str):
            before.append(piece)
            continue
        if "?" not in piece:
            literal += piece
            continue
        literal += piece.split("?", 1)[0]
        after = [p for p in pieces[index + 1:] if not isinstance(p, str)]
        if not after or not URL_BEFORE_QUERY.match(literal):
            return None
        taints = [state.taint_of(p) for p in before]
        if any(t is not None and t.kind not in SUMMARISED_KINDS for t in taints):
            return None
        return next((t for t in taints if t is not None), CLEAN)
    return None


def query_parameters_added(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """A URL object given query parameters (Starlette's `url.include_query_params(next=origin)`, httpx's
    `copy_add_param`, yarl's `update_query`): they are percent-encoded into its query string, so the value carries
    only the taint of the URL itself (CLEAN if that is ours)."""
    if type(node) is not cst.Call or type(node.func) is not cst.Attribute \
            or node.func.attr.value not in QUERY_PARAMETER_METHODS:
        return None
    return state.taint_of(node.func.value) or CLEAN


def injection_source(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """Client input, except what a URL carries only in its query string."""
    return query_string_part(node, state) or query_parameters_added(node, state) or request_source(node, state)


def strips_newlines(call: cst.Call, state: FlowState) -> bool:
    """`value.replace("\\n", "")` and friends: the value can no longer forge log lines or headers."""
    func = call.func
    if type(func) is cst.Attribute and func.attr.value == "replace" and call.args:
        old = string_value(call.args[0].value)
        return old is not None and ("\n" in old or "\r" in old)
    return False


class RequestDataToInjectionSink(FlowRule):
    """Client input reaches a redirect, a response header, a log line, XPath, LDAP, a regex pattern or an upload's path.

    ## What it does
    Follows, within one function, client-controlled data (Flask `request.*`, Flask and FastAPI route
    parameters, Starlette `Request` objects, Django `request.GET/POST/...`, a Slack listener's payload but
    the ids Slack assigns in it, `event["user"]`, `command["channel_id"]`) into:
    `redirect()`/`RedirectResponse`/`HttpResponseRedirect`, a redirect raised by aiohttp, Falcon or Pyramid
    (`raise web.HTTPFound(url)`), Litestar's `Redirect(path=url)`, Sanic's, Bottle's and Emmett's `redirect()`,
    NiceGUI's `ui.navigate.to(url)` (open redirect, CWE-601; not when a literal start such as `f"/blog/{slug}"`
    fixes the host; also a `Location` header set by hand, which redirects too); a response header
    `response.headers[...] = value`, a Django response's item named for a header only responses have
    (`response["Set-Cookie"] = value`; not `Content-Type`, which MIME parts have too) or `headers={...}` of a
    response (header injection, CWE-113); a
    `logging`/`logger` call, or a line written (`.write()`, `print(..., file=)`) to the app's own log file,
    opened for appending at a path named for a log (`open(LOG_FILE, "a")`, `"audit.log"`), unless
    newlines were removed or it is written by its `repr` (`%r`, `!r`,
    `repr()`, or as part of a container: `dict(request.headers)`, `[name]`), which escapes them, or it is
    a URL the framework rebuilds percent-encoded (`request.url`, `path_url`, `host_url`) or a Tornado handler's
    `self.request.uri`, `path` or `query`, the request line's text, never decoded (log
    injection, CWE-117); lxml `.xpath()`/`etree.XPath()` (CWE-643); an LDAP search filter or base
    (CWE-90); the pattern of `re.compile/match/search/...`, of a Django `__regex`/`__iregex` lookup, of a MongoDB
    `{"$regex": ...}` filter, or of a pandas `.str.contains/match/extract/...` (unless `regex=False`; `replace` only
    with `regex=True`) (ReDoS, CWE-730); a Tornado handler's `self.redirect()`; and the path of an uploaded
    file's `.save()` built from its client-given name (CWE-434). Log and header findings are reported with
    low severity: current frameworks reject line breaks in header values, and log injection misleads
    rather than breaks in. A visible check in an `if`/`assert`
    (`url_has_allowed_host_and_scheme(url)`, `next_url.startswith("/")`, `in ALLOWED`; also of a request's
    whole-value attribute read again later: `if _is_protocol_relative(self.request.path): raise ...`; a webhook
    body whose keyed signature is checked against the one the request carries, `expected = hmac.new(key, body,
    sha256).hexdigest()` or a `compute_signature(secret, body)` helper, then `if not hmac.compare_digest(expected,
    request.headers["X-Signature"]): abort(401)`, is the provider's from there on) and escaping functions
    (`re.escape`, `escape_filter_chars`, `secure_filename`) clear the value. It also records
    which parameters and return values of each function reach a redirect, a regex, XPath or LDAP, so that
    VC417 follows client input into such sinks in helpers and other modules (log and header findings,
    low-severity, stay within one function).

    ## Why is this bad?
    Each sink gives the client a lever: a redirect to a phishing site that carries your domain's trust,
    forged headers or log lines, an XPath or LDAP filter rewritten to return every user, a pattern that
    takes exponential time to match, or an upload named `../app.py` that overwrites your code. Neither
    bandit nor ruff reports these flows.

    ## Example
    ```python
    from flask import Flask, redirect, request

    app = Flask(__name__)

    @app.get("/login/done")
    def login_done():
        next_url = request.args.get("next", "/")
        return redirect(next_url)
    ```

    ## Use instead
    ```python
    from urllib.parse import urlparse

    from flask import Flask, redirect, request

    app = Flask(__name__)

    @app.get("/login/done")
    def login_done():
        next_url = request.args.get("next", "/")
        if urlparse(next_url).netloc != "":
            next_url = "/"
        return redirect(next_url)
    ```

    ## References
    - [CWE-601: Open Redirect](https://cwe.mitre.org/data/definitions/601.html)
    - [CWE-113: HTTP Response Splitting](https://cwe.mitre.org/data/definitions/113.html)
    - [CWE-117: Improper Output Neutralization for Logs](https://cwe.mitre.org/data/definitions/117.html)
    - [CWE-643: XPath Injection](https://cwe.mitre.org/data/definitions/643.html)
    - [CWE-90: LDAP Injection](https://cwe.mitre.org/data/definitions/90.html)
    - [CWE-730: OWASP Top Ten 2004 A9, Denial of Service (ReDoS)](https://cwe.mitre.org/data/definitions/730.html)
    - [CWE-434: Unrestricted Upload of File with Dangerous Type](https://cwe.mitre.org/data/definitions/434.html)
    - [Flask: uploading files](https://flask.palletsprojects.com/en/stable/patterns/fileuploads/)
    """

    code = "VC409"
    applies_to_tests = False  # a handler in a test file is a fixture that no client reaches
    name = "request-data-to-injection-sink"
    category = Category.SECURITY
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (601, 113, 117, 643, 90, 730, 1333, 434, 22)
    summarises = True

    def new_state(self) -> FlowState:
        return FlowState(self.context.imports, injection_source, sanitizer=strips_newlines, sanitizer_names=SANITIZERS)

    _escaped_in: FlowState | None = None
    _escaped: frozenset[str] = frozenset()
    _log_files_in: FlowState | None = None
    _log_files: frozenset[str] = frozenset()
    _urls_in: FlowState | None = None
    # Names bound, in the walk so far, to the request's own absolute URL (`url = request.url`), and names bound to
    # anything else that carries client text or that the walk cannot judge (a parameter, a loop variable, `+=`).
    _own_urls: frozenset[str] = frozenset()
    _other_urls: frozenset[str] = frozenset()

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        # what the file spells, read once: the per-statement and per-call looks for these sinks run only where they can
        source = context.source
        self.mongo_regex = MONGO_REGEX_KEY in source
        self.regex_lookups = any(suffix in source for suffix in REGEX_LOOKUP_SUFFIXES)
        self.own_urls = any(f".{attribute}" in source for attribute in OWN_ABSOLUTE_URL_ATTRIBUTES)

    # the calls `_check_call` looks at; a file with a regex lookup or a `$regex` key is searched everywhere (`searches`)
    sink_words = last_parts(REDIRECTS, RESPONSE_FACTORIES, HEADER_METHODS, LOG_LEVELS, FILE_WRITE_METHODS, ("print",),
                            REGEX_FUNCTIONS, PANDAS_REGEX_METHODS, ("redirect", "xpath", "save"), XPATH_FUNCTIONS,
                            LDAP_METHODS)

    def searches(self, function: cst.FunctionDef) -> bool:
        return self.mongo_regex or self.regex_lookups or super().searches(function)

    def note(self, node: cst.CSTNode, state: FlowState) -> None:
        """`check` in a function that calls no sink: the notes later statements read (log files, escaped values),
        and the one sink that is no call, a header assigned (`response["Location"] = url`)."""
        if type(node) is cst.Assign:
            self._check_header_assignment(node, state)
            self._note_log_files(node, state)
            self._note_escaped(node, state)
        elif type(node) is cst.With:
            self._note_log_files(node, state)

    def start_function(self, function: cst.FunctionDef, state: FlowState) -> None:
        super().start_function(function, state)
        if self.own_urls:
            params = function.params
            self._urls_in, self._own_urls = state, frozenset()
            self._other_urls = frozenset(p.name.value for p in (*params.posonly_params, *params.params,
                                                                  *params.kwonly_params))

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        if self.own_urls and self._urls_in is state:
            self._note_own_urls(node, state)
        if type(node) is cst.Assign:
            self._check_header_assignment(node, state)
        if type(node) is cst.With or type(node) is cst.Assign:
            self._note_log_files(node, state)
        if self.mongo_regex:
            self._check_mongo_regex(node, state)
        for call in iter_calls(node):
            self._check_call(call, state)
        if type(node) is cst.Assign:
            self._note_escaped(node, state)

    def _note_escaped(self, node: cst.Assign, state: FlowState) -> None:
        """Names bound to a value whose text form escapes newlines (`headers = dict(request.headers)`), per walk:
        logging them later is as safe as logging the container itself."""
        if self._escaped_in is not state:
            self._escaped_in, self._escaped = state, frozenset()
        names = {t.target.value for t in node.targets if type(t.target) is cst.Name}
        if not names:
            return
        escaped = type(node.value) is not cst.Name and not _unescaped_parts(node.value, state)
        self._escaped = self._escaped | names if escaped else self._escaped - names

    def _note_own_urls(self, node: cst.CSTNode, state: FlowState) -> None:
        """Which names a statement binds to the request's own absolute URL, and which to other client text (or to
        what the walk does not follow: a loop variable, `with ... as`, `+=`, unpacking), per walk and in source order
        across branches: a redirect to a name is no open redirect when every binding that can reach it is the first.
        (A helper's answer or a parameter's value bound beside the URL is not counted: where the two meet, the
        flow keeps the client's URL, and the redirect would not be reported through them either.)"""
        kind = type(node)
        if kind is cst.Assign or kind is cst.AnnAssign:
            value = cast(cst.Assign | cst.AnnAssign, node).value
            targets = [t.target for t in node.targets] if isinstance(node, cst.Assign) \
                else [cast(cst.AnnAssign, node).target]
            if value is None:
                return
            own = all(type(t) is cst.Name for t in targets) and _is_own_absolute_url(value, state)
            if own:
                self._own_urls = self._own_urls | {cast(cst.Name, t).value for t in targets}
            elif self._tainted(value, state) is not None:
                self._other_urls = self._other_urls | _names_in_targets(targets)
        elif kind is cst.AugAssign:
            self._other_urls = self._other_urls | _names_in_targets([cast(cst.AugAssign, node).target])
        elif kind is cst.For:
            self._other_urls = self._other_urls | _names_in_targets([cast(cst.For, node).target])
        elif kind is cst.With:
            self._other_urls = self._other_urls | _names_in_targets(
                [item.asname.name for item in cast(cst.With, node).items if item.asname is not None])

    def _holds_own_url(self, node: cst.BaseExpression, state: FlowState) -> bool:
        """A name every binding of which that carries client text, so far in the walk, is the request's own
        absolute URL (in a file without `:=`, whose bindings in expressions this lane does not see), also given query
        parameters (`url.include_query_params(page=2)`)."""
        node = _url_object(node)
        return type(node) is cst.Name and self._urls_in is state and not state.has_walrus \
            and node.value in self._own_urls and node.value not in self._other_urls

    def _note_log_files(self, node: cst.With | cst.Assign, state: FlowState) -> None:
        """Names bound to a log file opened for appending (`with open(LOG_FILE, "a") as f`, `log = open(...)`), per
        walk."""
        if self._log_files_in is not state:
            self._log_files_in, self._log_files = state, frozenset()
        pairs: list[tuple[cst.BaseExpression, cst.BaseExpression]] = (
            [(target.target, node.value) for target in node.targets] if isinstance(node, cst.Assign)
            else [(item.asname.name, item.item) for item in node.items if item.asname is not None])
        for target, value in pairs:
            if type(target) is cst.Name:
                opens = type(value) is cst.Call and self._opens_a_log_for_appending(value, state)
                self._log_files = self._log_files | {target.value} if opens else self._log_files - {target.value}

    @staticmethod
    def _opens_a_log_for_appending(call: cst.Call, state: FlowState) -> bool:
        if state.qualified_name(call) not in FILE_OPENERS:
            return False
        mode = string_value(call_argument(call, 1, "mode")) or ""
        path = call_argument(call, 0, "file")
        named = (string_value(path) or dotted_name(path) or "") if path is not None else ""
        return "a" in mode and LOG_PATH_NAME.search(named) is not None

    def _writes_a_log_file(self, call: cst.Call, method: str | None, state: FlowState) -> bool:
        """`f.write(line)` on a log file opened for appending, or `print(line, file=f)`."""
        if self._log_files_in is not state:
            return False
        handle: cst.BaseExpression | None = None
        if method in FILE_WRITE_METHODS and type(call.func) is cst.Attribute:
            handle = call.func.value
        elif state.qualified_name(call) == "print":
            handle = call_argument(call, None, "file")
        else:
            return False
        return type(handle) is cst.Name and handle.value in self._log_files

    def _tainted(self, node: cst.BaseExpression | None, state: FlowState) -> str | None:
        taint = state.taint_of(node) if node is not None else None
        return taint.origin if taint is not None and taint.kind == "request" else None

    def _flow(self, node: cst.BaseExpression | None, state: FlowState) -> Taint | None:
        """Client input, or a parameter or call result that VC417 may join with client input in another function."""
        taint = state.taint_of(node) if node is not None else None
        return taint if taint is not None and (taint.kind == "request" or taint.kind in SUMMARISED_KINDS) else None

    def _report_flow(self, node: cst.BaseExpression, taint: Taint, state: FlowState, message: Callable[[str], str],
                     hint: str, cwe: tuple[int, ...]) -> None:
        if taint.kind in SUMMARISED_KINDS:
            with self.recording(taint, state) as placeholder:
                self.report(node, message(placeholder.origin), hint=hint, cwe=cwe)
        else:
            self.report(node, message(taint.origin), hint=hint, cwe=cwe)

    def _check_header_assignment(self, node: cst.Assign, state: FlowState) -> None:
        """`response.headers["X-Name"] = value`, and a Django response's own item (`response["Location"] = url`):
        the `Location` header sends the browser where it names, as a redirect does."""
        for target in node.targets:
            subscript = target.target
            if type(subscript) is not cst.Subscript:
                continue
            owner, key = subscript.value, _subscript_key(subscript)
            on_headers = type(owner) is cst.Attribute and owner.attr.value == "headers" \
                and not state.is_request_object(owner.value)
            on_response = key is not None and key.lower() in RESPONSE_HEADER_KEYS and not state.is_request_object(owner)
            if not (on_headers or on_response):
                continue
            if key is not None and key.lower() == "location":
                self._check_location(node.value, owner, state)
                continue
            origin = self._tainted(node.value, state)
            if origin is not None:
                self._header(node.value, origin)

    def _check_location(self, value: cst.BaseExpression, owner: cst.BaseExpression, state: FlowState) -> None:
        taint = self._flow(value, state)
        if taint is not None and not FIXED_HOST_PREFIX.match(_literal_prefix(value)):
            self._report_flow(value, taint, state, lambda origin: f"Client input from `{origin}` becomes the "
                              f"`Location` header of `{short_code(owner)}`, which sends the browser there: an open "
                              "redirect.", hint="Redirect only to relative paths or allow-listed hosts (check with "
                              "`url_has_allowed_host_and_scheme`), else to a fixed page.", cwe=REDIRECT_CWE)

    def _header(self, node: cst.CSTNode, origin: str) -> None:
        self.report(node, f"Client input from `{origin}` is written into a response header, so a client can inject "
                    "header lines.", hint="Validate the value against the expected format (or an allow-list) before "
                    "putting it in a header.", cwe=HEADER_CWE, severity=Severity.LOW)

    def _check_call(self, call: cst.Call, state: FlowState) -> None:
        name = state.qualified_name(call) or ""
        func = call.func
        method = func.attr.value if type(func) is cst.Attribute else None
        if name in REDIRECTS:
            self._check_redirect(call, func, state)
            return
        if name in RESPONSE_FACTORIES or name.rsplit(".", 1)[-1] in ("make_response",):
            self._check_response_headers(call, state)
            return
        if method in HEADER_METHODS and isinstance(func, cst.Attribute) and isinstance(func.value, cst.Attribute) \
                and func.value.attr.value == "headers" and not state.is_request_object(func.value.value):
            value = call_argument(call, 1, "value") or call_argument(call, 1, "_value")
            origin = self._tainted(value, state)
            if origin is not None and value is not None:
                self._header(value, origin)
            return
        if is_log_call(call, state.imports) or self._writes_a_log_file(call, method, state):
            self._check_log(call, state)
            return
        if name in REGEX_FUNCTIONS and _is_imported(func, state):
            self._check_pattern(call_argument(call, 0, "pattern"), f"{name}()", state)
            return
        if method in PANDAS_REGEX_METHODS and _is_pandas_regex(call, method, state):
            self._check_pattern(call_argument(call, 0, "pat"), f".str.{method}()", state)
            return
        if self.regex_lookups:
            for arg in call.args:
                if arg.keyword is not None and arg.keyword.value.endswith(REGEX_LOOKUP_SUFFIXES):
                    self._check_pattern(arg.value, f"{arg.keyword.value}=", state)
        if method == "redirect" and isinstance(func, cst.Attribute) and dotted_name(func.value) == "self" \
                and self.in_handler_class() and state.imports.imports_any(("tornado",)):
            self._check_redirect(call, func, state)  # a Tornado handler's `self.redirect(url)`
            return
        if method == "xpath" or name in XPATH_FUNCTIONS:
            query = call_argument(call, 0, "_path") or call_argument(call, None, "path")
            taint = self._flow(query, state)
            if taint is not None and query is not None:
                self._report_flow(query, taint, state, lambda origin: f"Client input from `{origin}` is pasted into an "
                                  "XPath query, so a client can rewrite it.", hint="Pass the value as an XPath variable "
                                  "(`tree.xpath(\"//user[@name=$name]\", name=value)`) instead of formatting it into the "
                                  "query.", cwe=XPATH_CWE)
            return
        if method in LDAP_METHODS and isinstance(func, cst.Attribute) and self._looks_like_ldap(call, method, func):
            base_index, filter_index, keyword = LDAP_METHODS[method]
            for argument in (call_argument(call, base_index), call_argument(call, filter_index, keyword)):
                taint = self._flow(argument, state)
                if taint is not None and argument is not None:
                    self._report_flow(argument, taint, state, lambda origin: f"Client input from `{origin}` is pasted "
                                      "into an LDAP search, so a client can rewrite the filter.", hint="Escape the value "
                                      "with `ldap.filter.escape_filter_chars()` (or `escape_dn_chars` for a DN) first.",
                                      cwe=LDAP_CWE)
                    return
            return
        if method == "save" and isinstance(func, cst.Attribute):
            self._check_upload_save(call, func, state)

    def _check_redirect(self, call: cst.Call, func: cst.BaseExpression, state: FlowState) -> None:
        target = call_argument(call, 0, "location") or call_argument(call, None, "url") \
            or call_argument(call, None, "redirect_to") or call_argument(call, None, "path")
        taint = self._flow(target, state)
        if taint is not None and target is not None and not FIXED_HOST_PREFIX.match(_literal_prefix(target)) \
                and not _is_own_absolute_url(target, state) and not self._holds_own_url(target, state):
            self._report_flow(target, taint, state, lambda origin: f"Client input from `{origin}` decides where "
                              f"`{short_code(func)}()` sends the browser, an open redirect.", hint="Redirect only "
                              "to relative paths or allow-listed hosts (check with `url_has_allowed_host_and_scheme`), "
                              "else to a fixed page.", cwe=REDIRECT_CWE)

    def _check_pattern(self, pattern: cst.BaseExpression | None, label: str, state: FlowState) -> None:
        """A regex pattern (of `re`, pandas, a Django lookup or a MongoDB filter) that client input may write."""
        taint = self._flow(pattern, state)
        if taint is not None and pattern is not None:
            self._report_flow(pattern, taint, state, lambda origin: f"Client input from `{origin}` is used as the "
                              f"pattern of `{label}`, so a client can send a pattern that takes exponential time.",
                              hint="Escape the input with `re.escape()` or match it as plain text (`in`, "
                              "`str.startswith`, `icontains`).", cwe=REGEX_CWE)

    def _check_mongo_regex(self, node: cst.CSTNode, state: FlowState) -> None:
        """`{"name": {"$regex": q}}`: the client's text is a pattern the database runs."""
        for root in scan_roots(node):
            for inner in iter_expressions(root):
                if type(inner) is cst.DictElement and string_value(inner.key) == MONGO_REGEX_KEY:
                    self._check_pattern(inner.value, f"{{\"{MONGO_REGEX_KEY}\": ...}}", state)

    def _check_response_headers(self, call: cst.Call, state: FlowState) -> None:
        headers = call_argument(call, None, "headers")
        if headers is None and state.qualified_name(call) in ("flask.make_response", "make_response"):
            headers = call_argument(call, 2)
        if isinstance(headers, cst.Dict):
            for element in headers.elements:
                origin = self._tainted(element.value, state)
                if origin is not None:
                    self._header(element.value, origin)
                    return

    def _check_log(self, call: cst.Call, state: FlowState) -> None:
        arguments = [a.value for a in call.args if a.keyword is None]
        template = string_value(arguments[0]) if arguments else None
        conversions = _conversions(template) if template is not None else []
        for index, argument in enumerate(arguments):
            if 0 < index <= len(conversions) and conversions[index - 1] in ESCAPING_CONVERSIONS:
                continue
            escaped = self._escaped if self._escaped_in is state else frozenset()
            origin = next((found for part in _unescaped_parts(argument, state)
                           if not (isinstance(part, cst.Name) and part.value in escaped)
                           and (found := self._tainted(part, state)) is not None), None)
            if origin is not None and origin.rpartition(".")[2] not in QUOTED_URL_ATTRIBUTES \
                    and not (origin in TORNADO_RAW_URL and state.imports.imports_any(("tornado",))):
                self.report(argument, f"Client input from `{origin}` is logged as is, so a client can forge log lines "
                            "with newlines.", hint="Log the value with `%r` (or `!r`), or remove `\\r` and `\\n` from it "
                            "first.", cwe=LOG_CWE, severity=Severity.LOW)
                return

    def _looks_like_ldap(self, call: cst.Call, method: str, func: cst.Attribute) -> bool:
        if method != "search":
            return True
        receiver = (dotted_name(func.value) or "").lower()
        return "ldap" in receiver or "conn" in receiver or has_keyword(call, "search_filter")

    def _check_upload_save(self, call: cst.Call, func: cst.Attribute, state: FlowState) -> None:
        receiver = state.taint_of(func.value)
        destination = call_argument(call, 0, "dst")
        taint = state.taint_of(destination) if destination is not None else None
        if taint is None or taint.kind != "request" or destination is None:
            return
        if (receiver is not None and receiver.kind == "request") or taint.key == "filename":
            self.report(destination, f"An uploaded file is saved under a path built from `{taint.origin}`, its "
                        "client-given name.", hint="Build the name with `werkzeug.utils.secure_filename()` (or generate "
                        "one) and check the extension against an allow-list.", cwe=UPLOAD_CWE)


def _names_in_targets(targets: Sequence[cst.BaseExpression]) -> frozenset[str]:
    """Every name written in the targets, more than they bind (`nodes.bound_names`): also the root of `url.path +=
    ...` and the index of `urls[i] = ...`, so that no name this flow may see rebound to the client's URL is exempt."""
    names: set[str] = set()
    for target in targets:
        for inner in iter_expressions(target):
            if type(inner) is cst.Name:
                names.add(inner.value)
    return frozenset(names)


def _is_pandas_regex(call: cst.Call, method: str, state: FlowState) -> bool:
    """`series.str.contains(pat)` in a module that imports pandas, unless `regex=False` (for `replace`: `regex=True`)."""
    func = call.func
    if not (type(func) is cst.Attribute and type(func.value) is cst.Attribute and func.value.attr.value == "str"
            and state.imports.imports_any(("pandas",))):
        return False
    switch = call_argument(call, None, "regex")
    if method in PANDAS_REGEX_OFF_BY_DEFAULT:
        return dotted_name(switch) == "True" if switch is not None else False
    return not (switch is not None and dotted_name(switch) == "False")


def _is_imported(func: cst.BaseExpression, state: FlowState) -> bool:
    """`re.match` of the imported module, not `regex.match(...)` on a compiled pattern named `regex`."""
    head = (dotted_name(func) or "").split(".", 1)[0]
    return head in state.imports.aliases and head not in state.names


def _literal_prefix(node: cst.BaseExpression | None) -> str:
    """The constant text an expression starts with: `"/blog/" + slug`, `f"/blog/{slug}"`, `"/blog/{}".format(slug)`."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        return _literal_prefix(node.left)
    if isinstance(node, cst.ConcatenatedString):
        return _literal_prefix(node.left)
    if isinstance(node, cst.FormattedString):
        first = node.parts[0] if node.parts else None
        return first.value if isinstance(first, cst.FormattedStringText) else ""
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "format":
        return string_value(node.func.value) or ""
    return string_value(node) or ""


def _conversions(template: str) -> list[str]:
    """The conversion letters of a `%`-template's placeholders, in order (`"%s by %r"`: `["s", "r"]`)."""
    return [match.group()[-1] for match in PERCENT_PLACEHOLDER.finditer(template) if match.group() != "%%"]


def _unescaped_parts(node: cst.BaseExpression, state: FlowState) -> list[cst.BaseExpression]:
    """The parts of a logged expression that are written as they are: not `repr()`, `{value!r}`, `%r`, nor a
    container, whose text form shows each item by its `repr` (`dict(request.headers)`, `[name]`)."""
    if type(node) in ESCAPING_DISPLAYS:
        return []
    if type(node) is cst.Call:
        name = state.qualified_name(node)
        if name in ESCAPING_TEXT_FORMS:
            return []
        if name == "str" and node.args:
            return _unescaped_parts(node.args[0].value, state)
        return [node]
    if type(node) is cst.FormattedString:
        return [part for piece in node.parts if type(piece) is cst.FormattedStringExpression
                and piece.conversion not in ESCAPING_CONVERSIONS for part in _unescaped_parts(piece.expression, state)]
    if type(node) is cst.BinaryOperation and type(node.operator) is cst.Modulo:
        template = string_value(node.left)
        if template is None:
            return [node]
        values = [e.value for e in node.right.elements] if type(node.right) is cst.Tuple else [node.right]
        conversions = _conversions(template)
        return [part for index, value in enumerate(values)
                if index >= len(conversions) or conversions[index] not in ESCAPING_CONVERSIONS
                for part in _unescaped_parts(value, state)]
    return [node]


def _subscript_key(subscript: cst.Subscript) -> str | None:
    """The literal key of `x["Location"]`; None for a slice, several indexes or a computed key."""
    if len(subscript.slice) != 1 or type(subscript.slice[0].slice) is not cst.Index:
        return None
    return string_value(subscript.slice[0].slice.value)
