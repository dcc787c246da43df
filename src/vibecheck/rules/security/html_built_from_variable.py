"""VC427: a Flask-style view returns HTML text built from unescaped runtime values (stored cross-site scripting)."""

from __future__ import annotations

from typing import Any

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.flow import is_route_handler, short_code
from vibecheck.analysis.project_functions import defines, functions_index
from vibecheck.literals import text_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import SourceHints
from vibecheck.rules.security._built_markup import BuiltMarkupRule
from vibecheck.rules.security._markdown_markup import MARKDOWN_WORDS, documented_as_static, markdown_source
from vibecheck.rules.security._markup_sinks import ESCAPERS, HTML_RETURN_FRAMEWORKS
from vibecheck.rules.security._safe_markup import MARKING_CALLS, MARKING_WORDS

# A tag's start in a literal part of the text: `<td>`, `</div>`, `<!DOCTYPE`.
TAG_SIGNS = tuple(f"<{c}" for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/!")
# Calls whose result is safe in a page: the escapers, and URLs the framework percent-encodes.
SAFE_CALLS = ESCAPERS | {"flask.url_for", "quart.url_for", "bottle.url"}
# Response classes whose body is sent as HTML unless a `content_type=` says otherwise: Django's `HttpResponse(page)`.
HTML_RESPONSES = frozenset({"django.http.HttpResponse", "django.http.response.HttpResponse",
                            # Flask's and Quart's responses made by hand default to `text/html` too
                            "flask.make_response", "flask.Response", "quart.make_response", "quart.Response"})
CONTENT_TYPE_KEYWORDS = frozenset({"content_type", "mimetype"})
# The fact listing a file's top-level functions (not views) that return HTML built from unescaped values, and the kind
# of a finding that waits for it (`Rule.report(unless=...)`): a view returns what such a function of another module
# builds from the values it hands it (`render.note_card(row.title)`).
BUILDERS_FACT = "vibecheck.vc427.markup_builders"
PLAIN_HELPER = "plain-helper"
# A string literal that opens an HTML tag (`"<li>`, `f'<div class="card">`): a module that may build pages for views of
# other modules (`views/render.py`), without importing a web framework.
TAG_IN_STRING = lazy_pattern(r"""["'][^"'\n]{0,80}<(?:/?(?:div|p|li|ul|ol|h[1-6]|td|tr|th|table|span|a|b|i|em|strong"""
                             r"|html|body|img|br|pre|code|section|article|form|input|button|label|option|textarea)\b)")


class HtmlBuiltFromVariable(BuiltMarkupRule):
    """A view returns an HTML page built from runtime values that were never escaped.

    ## What it does
    Reports a route handler of a Flask, Quart or Bottle app that returns (alone or as the body of a
    `(body, status, headers)` tuple) a text whose literal parts hold HTML tags and that is an f-string, a
    `%` or `+` concatenation, a `.format()` or a `.join()` with a part that is not a literal, a number or
    an escaped value (`html.escape`, `markupsafe.escape`, `bleach.clean`, `url_for`) or a fact about the
    server that no user sets (`sys.version`, `platform.platform()`, `socket.gethostname()`, the time), also when the text
    is built in a variable first within the function (`page += f"<li>{row['title']}</li>"` in a loop over
    database rows). A tuple whose headers declare a non-HTML `Content-Type` is not reported. Django's
    `HttpResponse(page)` sends its body as HTML too, unless its `content_type=` names another type, and so do Flask's
    and Quart's `make_response(page)` and `Response(page)` unless a `mimetype=` or `content_type=` does; each text a
    comprehension joins counts as the parts it is made of (`"".join(f"<li>{escape(t)}</li>" for t in rows)` is
    escaped), and a row's key (`row["id"]`, `post.pk`), which the database assigns, is a number or an id it made.
    A view that returns (or sends in such a response) what a function builds from the values it hands it
    (`return note_card(row["title"])`) is reported when that function, of the same module or of another module of the
    project (`views/render.py`, imported by the view's module), returns HTML text built from values it never escaped;
    one that escapes them or renders a template, constants handed to it (`note_card("Welcome")`), or a module the run
    did not check are not reported. Client input in the page is VC411's finding (VC417's through a helper).
    Anywhere in the code (a template filter, a model's property, a view), it also reports HTML that a Markdown
    converter renders from a text that is no literal (`markdown.markdown`, `markdown2.markdown`, `commonmark`, a
    `markdown.Markdown(...)`'s `convert`, markdown-it's `render`) marked safe with `Markup()` or `mark_safe()`, also
    through a name bound to it, unless a sanitiser (`nh3.clean`, `bleach.clean`) cleaned the rendered HTML or the converter
    escapes the raw HTML (mistune's `markdown()` unless `escape=False`, markdown2's `safe_mode=`, markdown-it's
    `"js-default"` or `"zero"` preset or `{"html": False}`), or the text is a field that its class's docstring documents
    as fixed in the code (`self.content` where the docstring says `content: Static markdown or plain text.`, a
    dashboard widget's copy): Markdown keeps the raw HTML and `javascript:` links its author wrote. It supersedes
    bandit's `B308`/`B703`/`B704` there, and clears them on the documented copy.

    ## Why is this bad?
    These frameworks send a returned string as `text/html`, so every value pasted into it is markup: a
    message, product name or profile field that a user saved earlier containing `<script>` runs in the
    browser of everyone who views the page (stored cross-site scripting). Agents assemble such pages
    by hand from database rows instead of using a template, whose variables are escaped.

    ## Example
    ```python
    import sqlite3

    from flask import Flask

    app = Flask(__name__)

    @app.get("/messages")
    def messages():
        rows = sqlite3.connect("app.db").execute("SELECT author, body FROM messages").fetchall()
        page = "<ul>"
        for author, body in rows:
            page += f"<li><b>{author}</b>: {body}</li>"
        return page + "</ul>"
    ```

    ## Use instead
    ```python
    import sqlite3

    from flask import Flask, render_template_string

    app = Flask(__name__)

    @app.get("/messages")
    def messages():
        rows = sqlite3.connect("app.db").execute("SELECT author, body FROM messages").fetchall()
        return render_template_string(
            "<ul>{% for author, body in rows %}<li><b>{{ author }}</b>: {{ body }}</li>{% endfor %}</ul>", rows=rows)
    ```

    ## References
    - [CWE-79: Cross-site Scripting](https://cwe.mitre.org/data/definitions/79.html)
    - [OWASP: Cross Site Scripting Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
    """

    markup_signs = TAG_SIGNS
    safe_calls = SAFE_CALLS
    code = "VC427"
    name = "html-built-from-variable"
    category = Category.SECURITY
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (79,)
    # bandit's alarms on every `Markup()`/`mark_safe()` of a variable, on the Markdown this rule reports
    supersedes = ("B308", "B703", "B704")
    # and the same alarms on Markdown of a field its class documents as fixed in the code, which it proves safe
    vets = ("B308", "B703", "B704")
    applies_to_tests = False  # a view in a test file is a fixture that no browser loads
    file_hints = (*HTML_RETURN_FRAMEWORKS, "httpresponse")

    @classmethod
    def hinted_in(cls, source: SourceHints) -> bool:
        """A module of a web framework, or one with a string that opens an HTML tag: where a helper builds the page a
        view of another module sends, its walk records the helper (`BUILDERS_FACT`); or one that renders Markdown and
        marks something safe (a model's property, a template filter)."""
        return super().hinted_in(source) or TAG_IN_STRING.search(source.lowered) is not None or (
            any(word in source.words for word in MARKDOWN_WORDS)
            and any(word.lower() in source.words for word in MARKING_WORDS))

    @classmethod
    def cleared(cls, project: Any, relative: str, kind: str, subject: str) -> bool:
        """The function of another module whose result a view sends is no builder of unescaped markup: it escapes,
        renders a template, or is no project function at all."""
        return kind == PLAIN_HELPER and not defines(functions_index(project, BUILDERS_FACT), relative, subject)

    def __init__(self, context: object, options: object = None) -> None:
        super().__init__(context, options)
        self._views: list[bool] = []  # per enclosing function: is it a route handler
        self._html_app = any(name.startswith(HTML_RETURN_FRAMEWORKS) for name in self.context.imports.imported_names())
        self._builders: set[str] = set()  # this module's top-level functions that return built markup
        self._sent: list[tuple[cst.Call, str]] = []  # a view's body that is a call of one of them, by its name
        self._functions: list[str] = []  # the enclosing functions' names, outermost first
        self._classes: list[cst.ClassDef] = []  # the enclosing classes, outermost first

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().visit_FunctionDef(node)
        self._views.append(self._html_app and is_route_handler(node))
        self._functions.append(node.name.value)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().leave_FunctionDef(node)
        self._views.pop()
        self._functions.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        super().visit_ClassDef(node)
        self._classes.append(node)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes.pop()

    def leave_Module(self, node: cst.Module) -> None:
        for call, name in self._sent:
            if name in self._builders:
                self._report_helper(call)
        if self._builders:
            self.context.facts[BUILDERS_FACT] = sorted(self._builders)

    def visit_Call(self, node: cst.Call) -> None:
        """`return HttpResponse(f"<h1>{ticket.subject}</h1>")` in a Django view (any function that answers with it);
        `Markup(markdown.markdown(post.body))` anywhere."""
        callee = self.qualified_name(node.func)
        if callee in MARKING_CALLS:
            self._check_marked_markdown(node)
            return
        if callee not in HTML_RESPONSES or not node.args or node.args[0].keyword is not None:
            return
        declared = next((a.value for a in node.args if a.keyword is not None and a.keyword.value in CONTENT_TYPE_KEYWORDS),
                        None)
        if declared is not None and "html" not in (text_value(declared) or "html").lower():
            return
        if self.is_built_markup(node.args[0].value):
            self._report(node.args[0].value)
        elif type(node.args[0].value) is cst.Call:
            self._sends_helper(node.args[0].value)

    def _check_marked_markdown(self, node: cst.Call) -> None:
        """HTML a Markdown converter rendered from a text, marked safe without a sanitiser in between."""
        text = markdown_source(node.args[0].value, self.qualified_name, self.resolve) if node.args else None
        if text is None:
            return
        if self._classes and documented_as_static(self._classes[-1], text):
            self.vet(node)
            return
        self.report(node, f"`{short_code(node.func)}()` marks the HTML that Markdown renders from `{short_code(text)}` as "
                    "safe, but Markdown keeps the raw HTML and `javascript:` links in the text, so whoever wrote it runs "
                    "script in every page that shows it.",
                    hint="Sanitise the rendered HTML before marking it safe (`Markup(nh3.clean(markdown.markdown(text)))`, "
                    "or `bleach.clean` with an allow-list of tags), or leave it unmarked so the template escapes it.")

    def visit_Return(self, node: cst.Return) -> None:
        if node.value is not None and len(self._functions) == 1 and not self._views[-1] and not self._classes \
                and self.is_built_markup(node.value):
            self._builders.add(self._functions[0])
        if not (self._views and self._views[-1]) or node.value is None:
            return
        body, headers = node.value, None
        if isinstance(body, cst.Tuple) and body.elements:
            elements = [element.value for element in body.elements]
            body, headers = elements[0], next((e for e in elements[1:] if isinstance(e, cst.Dict)), None)
        if headers is not None and _declares_other_content(headers):
            return
        if self.is_built_markup(body):
            self._report(body)
        elif type(body) is cst.Call:
            self._sends_helper(body)

    def _sends_helper(self, call: cst.Call) -> None:
        """A view sends what a function builds from values it hands it (`note_card(row.title)`, not `card("Hi")`):
        judged at the module's end for a function of this module, in the project phase for an imported one."""
        func = call.func
        named = type(func) is cst.Name or (type(func) is cst.Attribute and type(func.value) is cst.Name)
        if not named or all(self._is_constant(arg.value, 3) for arg in call.args):
            return  # a method of a value (`Markup("<h1>{}</h1>").format(title)`), or constants handed
        qualified = self.qualified_name(func)
        if type(func) is cst.Name and qualified == func.value:
            self._sent.append((call, func.value))
        elif qualified is not None and qualified != get_full_name_for_node(func) and not qualified.startswith(
                HTML_RETURN_FRAMEWORKS) and qualified not in SAFE_CALLS:
            self._report_helper(call, unless=(PLAIN_HELPER, qualified))

    def _report_helper(self, call: cst.Call, unless: tuple[str, str] | None = None) -> None:
        self.report(call, f"This view returns HTML that `{short_code(call.func)}()` builds from the values it is handed "
                    "without escaping them, so markup stored in them (a saved message, a name) runs in the visitor's "
                    "browser.", hint="Render the page from a template with the values as variables, or escape each "
                    "value with `markupsafe.escape` where the helper pastes it.", unless=unless)

    def _report(self, body: cst.BaseExpression) -> None:
        self.report(body, "This view returns HTML built from values that were never escaped, so markup stored "
                    "in them (a saved message, a name) runs in the visitor's browser.", hint="Render the page "
                    "from a template with the values as variables, or escape each one with `markupsafe.escape`.")


def _declares_other_content(headers: cst.Dict) -> bool:
    """`{"Content-Type": "text/plain"}`: the body is not sent as HTML."""
    for element in headers.elements:
        if isinstance(element, cst.DictElement) and (text_value(element.key) or "").lower() == "content-type":
            value = text_value(element.value)
            return value is not None and "html" not in value.lower()
    return False
