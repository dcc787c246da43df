"""VC411: client input is written into an HTML response, or marked safe, without escaping (cross-site scripting)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import libcst as cst

from vibecheck.analysis.flow import (
    CALL,
    PARAMETER,
    TEXT,
    FlowState,
    HandlerRead,
    Taint,
    call_argument,
    dotted_name,
    is_route_handler,
    iter_calls,
    last_parts,
    short_code,
    string_value,
)
from vibecheck.cst_fields import walk_own
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import RuleContext, SourceHints
from vibecheck.rules.security._client_sinks import ArgumentSpec, ClientSinkRule
from vibecheck.rules.security._escaping_getters import (
    ESCAPED_GETTER,
    GETTERS,
    GETTERS_FACT,
    escaped_by_override,
    getter_overrides,
    read_subject,
)
from vibecheck.rules.security._markup_flow import FlowProof
from vibecheck.rules.security._markup_sinks import (
    ESCAPERS,
    HTML_RETURN_FRAMEWORKS,
    STREAMLIT_HTML,
    STREAMLIT_UNSAFE_HTML,
    allows_html,
)
from vibecheck.rules.security._safe_markup import (
    MARKING_CALLS,
    MARKING_WORDS,
    SAFE_TYPES,
    TEXT_READERS,
    Bindings,
    MarkupProof,
    marked_value,
    scope_bindings,
)

# Responses whose body is HTML unless a content type says otherwise.
RESPONSE_SINKS: dict[str, ArgumentSpec] = {
    "flask.make_response": (0, None), "flask.Response": (0, "response"), "werkzeug.wrappers.Response": (0, "response"),
    "quart.make_response": (0, None), "quart.Response": (0, "response"),
    "django.http.HttpResponse": (0, "content"), "django.http.response.HttpResponse": (0, "content"),
    "starlette.responses.HTMLResponse": (0, "content"), "fastapi.responses.HTMLResponse": (0, "content"),
    "starlette.responses.Response": (0, "content"), "fastapi.responses.Response": (0, "content"),
    "fastapi.Response": (0, "content"), "pyramid.response.Response": (0, "body"),
}
# Responses whose body is always HTML: Sanic's `html()` helper.
HTML_RESPONSES: dict[str, ArgumentSpec] = {"sanic.response.html": (0, "body"), "sanic.html": (0, "body")}
# Calls that tell the template engine a string is already safe HTML.
MARKED_SAFE: dict[str, ArgumentSpec] = {
    "markupsafe.Markup": (0, "base"), "flask.Markup": (0, "base"), "jinja2.Markup": (0, "base"),
    "django.utils.safestring.mark_safe": (0, "s"), "django.utils.safestring.SafeString": (0, None),
    "django.utils.html.format_html": (0, "format_string"),
    # NiceGUI elements that put their text into the page as HTML
    "nicegui.ui.html": (0, "content"), "nicegui.ui.add_head_html": (0, "code"), "nicegui.ui.add_body_html": (0, "code"),
    # FastHTML's (fastcore's) strings its components render as they are: `Div(NotStr(f"<b>{q}</b>"))`, `Safe(...)`
    **{f"{module}.{name}": (0, "s") for module in ("fasthtml.common", "fasthtml.components", "fasthtml", "fastcore.xml")
       for name in ("NotStr", "Safe")},
}
# Streamlit calls that put their text into the page as HTML: `st.html()`, `components.html()`, and `st.markdown()`
# (`st.write()`, `st.caption()`) with `unsafe_allow_html=True`; a widget's value is client input.
STREAMLIT_SINKS: dict[str, ArgumentSpec] = {**STREAMLIT_HTML, **{name: (0, "body") for name in STREAMLIT_UNSAFE_HTML}}
# A Tornado handler's methods that send their text as the body (HTML unless the handler set another type).
TORNADO_WRITERS = frozenset({"write", "finish"})
TORNADO_LABEL = "tornado"
# A standard-library `http.server` handler sends what it writes to `self.wfile` as the body; its type is the one the
# method sent in a `Content-Type` header (none: the browser sniffs the markup).
HTTP_SERVER_MODULES = ("http.server",)
HTTP_SERVER_BODY = "self.wfile"
HTTP_SERVER_LABEL = "http.server"
CONTENT_TYPE_HEADER = "content-type"
# Responses whose body is plain text (or bytes) unless a content type says HTML: aiohttp's `web.Response(text=...)`.
PLAIN_BY_DEFAULT: dict[str, tuple[str, ...]] = {"aiohttp.web.Response": ("text", "body"),
                                                "aiohttp.web_response.Response": ("text", "body")}
# String literals and f-strings, as exact types (libcst's concrete node classes have no subclasses).
TEXT_NODES = frozenset({cst.FormattedString, cst.SimpleString, cst.ConcatenatedString})
# markupsafe's `Markup` classes: `Markup("<li>{}</li>").format(x)` escapes every value it pastes into its template.
MARKUP_CLASSES = frozenset({"markupsafe.Markup", "flask.Markup", "jinja2.Markup"})
CONTENT_TYPE_KEYWORDS = ("content_type", "mimetype", "media_type")
# The loading half of a serializer (`to_python`, `from_json`, `loads`, `decode`, `deserialize`, `restore`).
LOADING_METHOD_PREFIXES = ("to_python", "from_", "load", "decode", "deserial", "unserial", "restore")
JSON_APP_FRAMEWORKS = ("fastapi.", "starlette.", "litestar.")
# Modules whose classes build a whole response: returned from a route, the object is sent as it is (a redirect, JSON,
# a file), not rendered into the route's HTML page; an HTML response's body is checked where it is built.
RESPONSE_CLASS_MODULES = ("starlette.responses.", "fastapi.responses.", "litestar.response.")
# Keywords of a route decorator, or of the app or router it belongs to, that make its return value an HTML page:
# `@app.get("/", response_class=HTMLResponse)`, `FastAPI(default_response_class=HTMLResponse)`, Litestar's
# `@get("/", media_type=MediaType.HTML)`.
HTML_ROUTE_KEYWORDS = frozenset({"response_class", "default_response_class", "media_type"})
# Request attributes that hold strings (a query or form field), not parsed JSON.
TEXT_ATTRIBUTES = frozenset({"args", "form", "values", "GET", "POST", "query_params", "cookies", "COOKIES", "headers",
                             "path", "full_path", "url", "query", "match_info", "params"})
TEXT_METHODS = frozenset({"format", "join", "replace", "strip", "lstrip", "rstrip", "lower", "upper", "title",
                          "capitalize", "decode", "format_map", "substitute", "safe_substitute"})
CWE = (79,)


class ClientDataInHtml(ClientSinkRule):
    """Client input is written into an HTML response, or marked as safe HTML, without escaping.

    ## What it does
    Follows client input (request fields, route parameters, Lambda and Slack payloads) into the body of an HTML
    response: `make_response()`, Flask/Werkzeug `Response()`, Django `HttpResponse()`, Starlette/FastAPI
    `HTMLResponse()`, Sanic's `html()`, Pyramid's `Response()`, a string returned from a Flask view (Flask sends it as
    `text/html`), a string a Tornado handler sends with `self.write()`/`self.finish()` (a dict goes out as JSON), what a
    standard-library `http.server` handler writes to `self.wfile` (unless the method sent a `Content-Type` that is not
    HTML), aiohttp's `web.Response(text=...)` with an HTML `content_type` (without one it is plain text),
    the return value of a route that declares HTML responses (FastAPI's `response_class=HTMLResponse`, also as the
    app's `default_response_class`; Litestar's
    `media_type=MediaType.HTML`), into `Markup()`/`mark_safe()`/`format_html()`'s template, which tell the template
    engine not to escape, and into NiceGUI's `ui.html()` (and `ui.add_head_html()`, `ui.add_body_html()`) and FastHTML's
    `NotStr()`/`Safe()`, whose text the browser renders as markup, and into Streamlit's `st.html()`, `components.html()`
    and `st.markdown()` (or `st.write()`, `st.caption()`) with `unsafe_allow_html=True`, where what a visitor typed into a widget
    (`st.text_input(...)`, `st.query_params`) becomes markup of the page. A value passed through `html.escape`,
    `markupsafe.escape`, `bleach.clean`,
    `format_html()`, `Markup("<li>{}</li>").format()` or a number conversion is clean, and so is a join of items
    each escaped that way (`"".join(f"<li>{escape(t)}</li>" for t in tags)`), and so is a Tornado handler's
    `self.get_argument(...)` when the nearest override of that getter in its project base classes, in any module,
    HTML-escapes what it returns (flower's `BaseHandler`), or hands back the result of one further up that does
    (`return super().get_argument(name, default)`, or a named class's, `BaseHandler.get_argument(self, name)`), and
    the call does not turn that off (`escape=False`): a value
    is clean only when all its client input was read that way (`f"{self.get_argument('q')}{self.request.body}"`
    is reported); a
    response with a non-HTML content type (`mimetype="text/plain"`, `content_type="application/json"`) and dict or
    list bodies (sent as JSON) are not reported. A helper's result in such a response
    (`make_response(render.note_card(request.args["q"]))`,
    `HttpResponse(note_card(request.GET["title"]))`) counts where the helper, also in another module, builds text
    from what it is handed (VC417 reports it there); one that escapes it, or returns a dict or `json.dumps(...)`, is
    clean.
    Bandit's B703/B704 (every `mark_safe()`/`Markup()` of anything but a literal) are dropped where the marked
    value is provably the code's own markup: literals, escaped values pasted into them, `format_html()` or
    template output, a join of such parts, text whose `<`, `>` and `&` a chain of `.replace()` took out (Jinja's
    `htmlsafe_json_dumps`) or a `.translate()` table maps to harmless text (Django's `escapejs`), a value
    re-marked after `isinstance(value, SafeData)` (or `Markup`), a mark only read back as text
    (`Markup(value).striptags()`), or a value that is such markup on every path to the mark (escaped after it was
    read, tested to be a number or `None`); in a
    Django filter registered with `needs_autoescape=True`, on every path with its `autoescape` flag on
    (`if autoescape: value = escape(value)`, `esc = conditional_escape if autoescape else ...`). They are
    notices where a serializer's loading method (`to_python`, `loads`, ...) re-marks its parameter and another
    method of its class stored markup as its `__html__()` (flask's tagged JSON for the signed session).

    ## Why is this bad?
    Text from the request becomes markup in the victim's browser: `?name=<script>...</script>` runs the
    attacker's script in your origin, with the user's cookies and session (reflected cross-site
    scripting). Templates escape by default; building HTML by hand or marking input safe switches that off.

    ## Example
    ```python
    from flask import Flask, request

    app = Flask(__name__)

    @app.get("/hello")
    def hello():
        name = request.args.get("name", "")
        return f"<h1>Hello {name}</h1>"
    ```

    ## Use instead
    ```python
    from flask import Flask, render_template_string, request

    app = Flask(__name__)

    @app.get("/hello")
    def hello():
        return render_template_string("<h1>Hello {{ name }}</h1>", name=request.args.get("name", ""))
    ```

    ## References
    - [CWE-79: Cross-site Scripting](https://cwe.mitre.org/data/definitions/79.html)
    - [OWASP: Cross Site Scripting Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
    - [Flask: HTML escaping](https://flask.palletsprojects.com/en/stable/quickstart/#html-escaping)
    """

    code = "VC411"
    name = "client-data-in-html"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = CWE
    # client input pasted into a page is also a page built from a value: one problem, one finding
    supersedes = ("B308", "B703", "B704", "VC427")
    # Bandit reports every `mark_safe()`/`Markup()` of anything but one literal; the calls whose value this rule
    # proves built or escaped by the code (`_safe_markup`) are cleared.
    vets = ("B703", "B704")
    # Names, each a part of a request source's dotted name: `request` (Flask's global, a view's parameter,
    # `self.request`, a `Request` parameter), `httprequest` (a Django `HttpRequest` parameter), a payload's
    # `event` or `body`; an `http.server` handler's `self.wfile`, the marking calls whose bandit findings the rule vets
    # (`MARKING_WORDS`), and every part of a sink's name (`hinting_names`): a finding or a summary
    # needs a sink in the module, also when its source is a route parameter or `req`; and the frameworks whose
    # routes send a returned string as HTML (`flask`), which the module must import; and a Tornado handler's getters,
    # whose overrides a module records for its subclasses elsewhere (`GETTERS_FACT`).
    file_hints = ("request", "httprequest", "event", "body", "streamlit", "tornado", "wfile", *HTML_RETURN_FRAMEWORKS,
                  *sorted(GETTERS), *sorted(word.lower() for word in MARKING_WORDS))
    file_hints_are_names = True
    function_sinks: ClassVar[dict[str, ArgumentSpec]] = {**RESPONSE_SINKS, **HTML_RESPONSES, **MARKED_SAFE,
                                                         **STREAMLIT_SINKS}
    sanitizers = ESCAPERS
    # the calls of `sinks` and `_vet_marked`; a view that returns HTML is searched whatever it calls (`searches`)
    sink_words = last_parts(function_sinks, TORNADO_WRITERS, PLAIN_BY_DEFAULT, MARKING_CALLS)
    # each sink's and each escaper's resolved name split into its parts: a module calls one only where every part is a
    # name of it (the call's own parts, or the import that binds its head), so `html`, `safe` or `response` alone (a
    # template's file name, a docstring; 137 of Django's 883 modules) does not make it walked. A helper that escapes what
    # it returns (`html.escape(name)`) is walked for its own summary: the one VC417 would borrow from VC409 elsewhere
    # does not know the escaper.
    hinting_names = tuple(frozenset(name.lower().split(".")) for name in sorted(
        {*function_sinks, *PLAIN_BY_DEFAULT, *(name for name in ESCAPERS if "." in name)}))

    @classmethod
    def hinted_in(cls, source: SourceHints) -> bool:
        """A source's or a framework's name (`file_hints`), or every part of a sink's name as a name."""
        return super().hinted_in(source) or any(parts <= source.words for parts in cls.hinting_names)

    def new_state(self) -> FlowState:
        return FlowState(self.context.imports, type(self).source, sanitizer=_escaping_format,
                         sanitizer_names=self.sanitizers)

    def __init__(self, context: RuleContext, options: Any = None) -> None:
        super().__init__(context, options)
        self._values: dict[str, cst.BaseExpression] = {}
        self._html_returns: str | None = None
        self._marks = any(word in context.source for word in MARKING_WORDS)
        self._scope: cst.FunctionDef | cst.Module = context.module
        self._proof: MarkupProof | None = None
        self._flow: FlowProof | None = None
        self._module_bindings: Bindings | None = None

    @classmethod
    def cleared(cls, project: Any, relative: str, kind: str, subject: str) -> bool:
        """The handler's class derives, in any module, from one whose getter override HTML-escapes what it returns."""
        return kind == ESCAPED_GETTER and escaped_by_override(project, relative, subject)

    def visit_Module(self, node: cst.Module) -> None:
        self._scope, self._proof = node, None
        if "_argument" in self.context.source:
            overrides = getter_overrides(node, self.context.imports.qualified_name, self.sanitizers)
            if overrides:
                self.context.facts[GETTERS_FACT] = overrides
        super().visit_Module(node)

    def start_function(self, function: cst.FunctionDef, state: FlowState) -> None:
        super().start_function(function, state)
        self._scope, self._proof, self._flow = function, None, None
        self._values = {}
        self._html_returns = route_returns_html(function, self.context.module, state)

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        super().check(node, state)
        if self._marks:
            self._vet_marked(node, state)
        self.note(node, state)
        if type(node) is cst.Return and node.value is not None and self._html_returns is not None:
            body = node.value.elements[0].value if isinstance(node.value, cst.Tuple) and node.value.elements else node.value
            taint = state.taint_of(body)
            if taint is None or isinstance(body, (cst.Dict, cst.List, cst.ListComp, cst.DictComp)) \
                    or _is_response_object(body, state):
                return
            text = self._html_returns == "any" or self._is_text(body, state, 3)
            if taint.kind == "request" and text:
                self._report(body, "the page this view returns", taint)
            elif taint.kind == CALL:
                # a helper's result (`render_card(request.args["t"])`): a page if the helper returns text
                with self.recording(taint, state, "" if text else TEXT) as placeholder:
                    self._report(body, "the page this view returns", placeholder)

    def searches(self, function: cst.FunctionDef) -> bool:
        return self._html_returns is not None or super().searches(function)

    def note(self, node: cst.CSTNode, state: FlowState) -> None:
        """The values of names, which tell whether what a helper is passed or returns is text (`value_note`)."""
        if type(node) is cst.Assign and len(node.targets) == 1 and type(node.targets[0].target) is cst.Name:
            self._values[node.targets[0].target.value] = node.value

    def _vet_marked(self, node: cst.CSTNode, state: FlowState) -> None:
        """Clear bandit's B703/B704 on a marking call whose value `MarkupProof` proves the code's own markup; the
        call's callee is vetted, where bandit reports, so a marking call inside the argument keeps its own finding."""
        calls = iter_calls(node)
        read_as_text: set[int] | None = None  # (made at the first marking call: most statements have none)
        for call in calls:
            value = marked_value(call, state.qualified_name(call))
            if value is None:
                continue
            if read_as_text is None:
                read_as_text = {id(each.func.value) for each in calls
                                if type(each.func) is cst.Attribute and each.func.attr.value in TEXT_READERS}
            if self._proof is None:
                self._proof = MarkupProof(self._scope, self._top_level_bindings, state.qualified_name,
                                          jinja=self.context.imports.imports_any(("jinja2",)),
                                          safe_data=any(name in self.context.source for name in SAFE_TYPES))
            if id(call) in read_as_text or self._proof.clears(call, value) or self._flow_clears(call, value, state):
                self.vet(call.func)
            elif self._restores_own_markup(value, state):
                self.vet(call.func, notice=True)

    def _flow_clears(self, call: cst.Call, value: cst.BaseExpression, state: FlowState) -> bool:
        """The proof read along the function's statements (`_markup_flow`): asked only for a call the plain proof
        left, so a file whose marking calls are all proved pays nothing more."""
        if type(self._scope) is not cst.FunctionDef:
            return False
        if self._flow is None:
            self._flow = FlowProof(self._scope, self._top_level_bindings, state.qualified_name,
                                   jinja=self.context.imports.imports_any(("jinja2",)))
        return self._flow.clears(call, value)

    def _restores_own_markup(self, value: cst.BaseExpression, state: FlowState) -> bool:
        """`Markup(value)` in the loading half of a serializer whose other half stores markup as its `__html__()`
        (flask's tagged JSON for the signed session: `to_json` -> `str(value.__html__())`, `to_python` ->
        `Markup(value)`): it restores what the code stored, so bandit's alarm is a notice; whether the store can be
        forged (an unsigned cookie) is the store's question."""
        scope = self._scope
        if (type(value) is not cst.Name or state.class_name is None or type(scope) is not cst.FunctionDef
                or not scope.name.value.lower().startswith(LOADING_METHOD_PREFIXES)
                or "__html__" not in self.context.source):
            return False
        taint = state.taint_of(value)
        if taint is None or taint.kind != PARAMETER or taint.origin != value.value:
            return False
        return any(type(statement) is cst.ClassDef and statement.name.value == state.class_name
                   and _stores_html(statement) for statement in self.context.module.body)

    def _top_level_bindings(self) -> Bindings:
        if self._module_bindings is None:
            self._module_bindings = scope_bindings(self.context.module)[0]
        return self._module_bindings

    def value_note(self, node: cst.BaseExpression, taint: Taint, state: FlowState) -> str:
        """TEXT for a string (`"<div>" + text + "</div>"`): returned to a Flask view, it is sent as a page."""
        return TEXT if self._is_text(node, state, 3) else ""

    def sinks(self, call: cst.Call, state: FlowState) -> Iterator[tuple[cst.BaseExpression, str]]:
        """The response and marking calls, and a Tornado handler's `self.write(text)`/`self.finish(text)`."""
        yield from super().sinks(call, state)
        func = call.func
        if type(func) is not cst.Attribute:
            return
        if func.attr.value in TORNADO_WRITERS and type(func.value) is cst.Name \
                and func.value.value == "self" and self.in_handler_class() and state.imports.imports_any(("tornado",)):
            body = call_argument(call, 0, "chunk")
            if body is not None:
                yield body, TORNADO_LABEL
        elif func.attr.value == "write" and dotted_name(func.value) == HTTP_SERVER_BODY and self.in_handler_class() \
                and state.imports.imports_any(HTTP_SERVER_MODULES) and call.args and self._sends_html_or_untyped():
            yield _text_of_bytes(call.args[0].value), HTTP_SERVER_LABEL
        for keyword in PLAIN_BY_DEFAULT.get(state.qualified_name(call) or "", ()):
            body = call_argument(call, None, keyword)
            if body is not None:
                yield body, keyword

    def _sends_html_or_untyped(self) -> bool:
        """Whether the handler method sends an HTML `Content-Type` header, or none (the browser then sniffs)."""
        if type(self._scope) is not cst.FunctionDef:
            return False
        types = [call_argument(node, 1, None) for node in walk_own(self._scope.body)
                 if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "send_header"
                 and (string_value(call_argument(node, 0, None)) or "").lower() == CONTENT_TYPE_HEADER]
        return all("html" in (string_value(kind) or "").lower() for kind in types if kind is not None)

    def accepts(self, call: cst.Call, argument: cst.BaseExpression, state: FlowState) -> bool:
        name = state.qualified_name(call) or ""
        if name in MARKED_SAFE or name in STREAMLIT_HTML or name in HTML_RESPONSES:
            return True
        if name in STREAMLIT_UNSAFE_HTML:
            return allows_html(call)
        for keyword in CONTENT_TYPE_KEYWORDS:
            value = call_argument(call, None, keyword)
            if value is not None:
                text = string_value(value)
                return text is not None and "html" in text.lower()
        return name not in PLAIN_BY_DEFAULT and (self._is_text(argument, state, 3) or self._helper_result(argument, state))

    def needs(self, call: cst.Call, argument: cst.BaseExpression, state: FlowState) -> str:
        """A helper's result in a response (`make_response(render.card(title))`, `HttpResponse(card(q))`) is a page
        where the helper returns text it built: TEXT, as for a helper's result a Flask view returns."""
        if (state.qualified_name(call) or "") in RESPONSE_SINKS and not self._is_text(argument, state, 3):
            return TEXT
        return ""

    @staticmethod
    def _helper_result(argument: cst.BaseExpression, state: FlowState) -> bool:
        taint = state.taint_of(argument)
        return taint is not None and taint.kind == CALL

    def _is_text(self, node: cst.BaseExpression, state: FlowState, depth: int) -> bool:
        """Whether a body is a string (sent as HTML), not a dict, list or response object (sent as JSON or as is)."""
        if type(node) in TEXT_NODES:
            return True
        if type(node) is cst.BinaryOperation:
            return self._is_text(node.left, state, depth) or self._is_text(node.right, state, depth)
        if type(node) is cst.Name and depth > 0 and node.value in self._values:
            return self._is_text(self._values[node.value], state, depth - 1)
        if isinstance(node, cst.Call):
            func = node.func
            if isinstance(func, cst.Attribute) and func.attr.value in TEXT_METHODS:
                return True
            if isinstance(func, cst.Attribute) and func.attr.value == "get":
                return self._is_text_field(func.value, state)
            return state.qualified_name(node) in ("str", "markdown.markdown")
        if isinstance(node, cst.Subscript):
            return self._is_text_field(node.value, state)
        return False

    @staticmethod
    def _is_text_field(node: cst.BaseExpression, state: FlowState) -> bool:
        return isinstance(node, cst.Attribute) and node.attr.value in TEXT_ATTRIBUTES and state.is_request_object(node.value)

    def describe(self, node: cst.BaseExpression, label: str, taint: Taint, call: cst.Call) -> None:
        if label in MARKED_SAFE:
            self.report(node, f"Client input from `{taint.origin}` is marked as safe HTML by `{short_code(call.func)}()`, "
                        "so a client can inject script into the page.", hint="Pass the value into the template as a "
                        "variable (it is escaped there), or escape it with `markupsafe.escape()` before building markup.",
                        cwe=CWE, unless=self._escaped_read(taint))
            return
        self._report(node, f"the `{short_code(call.func)}()` body", taint)

    def _report(self, node: cst.BaseExpression, where: str, taint: Taint) -> None:
        self.report(node, f"Client input from `{taint.origin}` is written into {where} as HTML without escaping, so a "
                    "client can inject script (cross-site scripting).", hint="Render the value through a template "
                    "(which escapes it) or wrap it in `markupsafe.escape()`/`html.escape()` first.", cwe=CWE,
                    unless=self._escaped_read(taint))

    def _escaped_read(self, taint: Taint) -> tuple[str, str] | None:
        """Client data all read through getters of a top-level handler class (`self.get_argument("q")`), whose base
        class in another module may override them to escape what they return (`_escaping_getters`)."""
        classes = self.enclosing_classes
        if type(taint) is not HandlerRead or taint.kind != "request" or len(classes) != 1:
            return None
        subject = read_subject(taint.calls, classes[0])
        return (ESCAPED_GETTER, subject) if subject is not None else None


def route_returns_html(function: cst.FunctionDef, module: cst.Module, state: FlowState) -> str | None:
    """How a route's returned value becomes a page: "any" value when its decorator (or its app) declares an HTML
    response, "text" for a Flask-like view (which sends a string as HTML and a dict as JSON), None when its app
    (`FastAPI()`, `APIRouter()` in this module) sends return values as JSON, or the function is no route."""
    if not is_route_handler(function):
        return None
    apps: dict[str, bool] = {}
    for statement in module.body:
        for assign in statement.body if isinstance(statement, cst.SimpleStatementLine) else ():
            if isinstance(assign, cst.Assign) and isinstance(assign.value, cst.Call) \
                    and (state.qualified_name(assign.value) or "").startswith(JSON_APP_FRAMEWORKS):
                html = _declares_html(assign.value, state)
                apps.update((target.target.value, html) for target in assign.targets
                            if isinstance(target.target, cst.Name))
    json_app = False
    for decorator in function.decorators:
        expression = decorator.decorator
        if isinstance(expression, cst.Call):
            if _declares_html(expression, state):
                return "any"
            expression = expression.func
        if isinstance(expression, cst.Attribute) and isinstance(expression.value, cst.Name) \
                and expression.value.value in apps:
            if apps[expression.value.value]:
                return "any"
            json_app = True
    imported = state.imports.imported_names()
    if any(n.startswith(HTML_RETURN_FRAMEWORKS) for n in imported) and not json_app:
        return "text"
    return "text" if _sets_html_content_type(function) else None


# What a route sets on its framework's response object to send its returned text as HTML: Emmett's and Bottle's
# `response.content_type = "text/html"`, also a header of it (`response.headers["Content-Type"] = "text/html"`).
CONTENT_TYPE_ATTRIBUTE = "content_type"
HTML_TYPE_PREFIX = "text/html"


def _sets_html_content_type(function: cst.FunctionDef) -> bool:
    """The route's own body declares its answer HTML by assignment (`response.content_type = "text/html"`)."""
    for node in walk_own(function.body):
        if type(node) is not cst.Assign or not (string_value(node.value) or "").lower().startswith(HTML_TYPE_PREFIX):
            continue
        for target in node.targets:
            field = target.target
            if type(field) is cst.Attribute and field.attr.value == CONTENT_TYPE_ATTRIBUTE:
                return True
            if type(field) is cst.Subscript and len(field.slice) == 1 and type(field.slice[0].slice) is cst.Index \
                    and (string_value(field.slice[0].slice.value) or "").lower() == CONTENT_TYPE_HEADER:
                return True
    return False


# Text a view builds on the spot as its page: what a Flask-like view (which sends a string as HTML) returns as markup.
PAGE_TEXT_TYPES = (cst.FormattedString, cst.BinaryOperation, cst.ConcatenatedString)


def returned_page(node: cst.Return, returns_html: str, state: FlowState) -> cst.BaseExpression | None:
    """The value a route's `return` sends as its page (`route_returns_html`): not a dict or list (JSON), nor a response
    object; from a Flask-like view only text built on the spot (an f-string, a concatenation)."""
    if node.value is None:
        return None
    body = node.value.elements[0].value if isinstance(node.value, cst.Tuple) and node.value.elements else node.value
    if isinstance(body, (cst.Dict, cst.List, cst.ListComp, cst.DictComp)) or _is_response_object(body, state):
        return None
    return body if returns_html == "any" or isinstance(body, PAGE_TEXT_TYPES) else None


def _text_of_bytes(node: cst.BaseExpression) -> cst.BaseExpression:
    """`page.encode()` -> `page`: the text a body of bytes was encoded from."""
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "encode":
        return node.func.value
    return node


def _escaping_format(call: cst.Call, state: FlowState) -> bool:
    """`Markup("<li>{}</li>").format(x)`: markup whose `format` escapes the values (its template is a sink of its own)."""
    func = call.func
    return type(func) is cst.Attribute and func.attr.value in ("format", "format_map") and type(func.value) is cst.Call \
        and state.qualified_name(func.value) in MARKUP_CLASSES


def _is_response_object(body: cst.BaseExpression, state: FlowState) -> bool:
    """`return RedirectResponse(f"/items/{name}")` from a route that declares HTML: a response the framework sends as
    it is, whose URL, JSON or file is no markup of the page (`HTMLResponse(...)` is a sink of its own)."""
    return type(body) is cst.Call and ((name := state.qualified_name(body) or "") in RESPONSE_SINKS
                                       or name.startswith(RESPONSE_CLASS_MODULES))


def _declares_html(call: cst.Call, state: FlowState) -> bool:
    """A route decorator or an app that declares HTML responses: `response_class=HTMLResponse`,
    `media_type="text/html"`, `media_type=MediaType.HTML`."""
    for arg in call.args:
        if arg.keyword is None or arg.keyword.value not in HTML_ROUTE_KEYWORDS:
            continue
        text = string_value(arg.value)
        name = state.qualified_name(arg.value) or "" if text is None else text
        if "html" in name.lower():
            return True
    return False


def _stores_html(node: cst.ClassDef) -> bool:
    """A method of the class calls `<value>.__html__()`: it stores markup as the HTML it already is."""
    return any(type(method) is cst.FunctionDef and any(
        type(inner) is cst.Call and type(inner.func) is cst.Attribute and inner.func.attr.value == "__html__"
        for inner in walk_own(method.body)) for method in node.body.body)
