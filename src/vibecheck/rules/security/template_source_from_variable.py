"""VC426: template source text built from runtime values (stored template injection and cross-site scripting)."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.flow import call_argument
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.security._built_markup import BuiltMarkupRule
from vibecheck.rules.security._markup_sinks import SANDBOXES, TEMPLATE_SOURCE_METHODS, TEMPLATE_SOURCES, parses_into_class
from vibecheck.rules.security._support import tails

CALLEE_TAILS = tails(frozenset(TEMPLATE_SOURCES)) | frozenset(TEMPLATE_SOURCE_METHODS)
# What the literal parts of page markup or a template hold; a text without any (`"%d %s" % (code, reason)`, a
# fallback error body) is not a page being assembled.
MARKUP_SIGNS = ("<", "{{", "{%")
# A `%` template whose every value is the name a tag block starts with, or the library a `{% load %}` names
# (`"{%% load %s %%}{%% %s %%}" % tuple(tag.split("."))`): it invokes template tags by name, as a dashboard that
# renders the tags its settings list does; a value inside a tag's arguments is the template's data.
TAG_NAME_SLOT = lazy_pattern(r"\{%%\s*(?:load\s+)?%s\s*%%\}")
PERCENT_SLOT = lazy_pattern(r"%(?!%)")


def _invokes_tags_by_name(source: cst.BaseExpression) -> bool:
    """`"{%% load %s %%}{%% %s %%}" % (library, tag)`: every value is a tag's or a tag library's name."""
    if not (type(source) is cst.BinaryOperation and type(source.operator) is cst.Modulo):
        return False
    template = string_value(source.left)
    if template is None or not TAG_NAME_SLOT.search(template):
        return False
    rest = TAG_NAME_SLOT.sub("", template).replace("%%", "")
    return PERCENT_SLOT.search(rest) is None


class TemplateSourceFromVariable(BuiltMarkupRule):
    """Template source text built from runtime values, so the values are parsed as template code and markup.

    ## What it does
    Reports Flask/Quart `render_template_string()`, `jinja2.Template()`, `Environment.from_string()`,
    Django `Template()`, Mako and Tornado templates, Bottle's `template()` and `SimpleTemplate()`, `chevron.render`
    and `pystache.render`, when the
    template text is an f-string, a `%` or `+` concatenation, a `.format()` or a `.join()` with a
    part that is not a literal, also when the text is built in a variable first within the function
    (`html += "<td>{}</td>".format(row["name"])` in a loop, then `render_template_string(html)`), and
    its literal parts hold markup or template syntax (`<`, `{{`, `{%`). Literals, names bound to
    literals, and numbers (`int()`, `len()`) do not count as values; nor does the `from_string` of a
    Jinja2 `SandboxedEnvironment`, nor a text with no markup at all (`"%d %s" % (code, reason)`), nor a `%` template
    whose every value is the name a tag block starts with or a `{% load %}` library (`"{%% load %s %%}{%% %s %%}" %
    tuple(tag.split("."))`: a dashboard rendering the template tags its settings list).
    Client input in the text is VC412's finding.

    ## Why is this bad?
    Whatever the values hold becomes part of the template: a product name or a profile field saved
    earlier by a user, containing `{{ cycler.__init__.__globals__.os.popen('id').read() }}`, runs on the
    server when the page is rendered (stored template injection), and `<script>` in it reaches every
    visitor, because values pasted into the template text are not autoescaped (stored cross-site
    scripting). Agents build HTML tables this way from database rows.

    ## Example
    ```python
    from flask import render_template_string

    def wares_page(rows):
        html = "<table>"
        for row in rows:
            html += "<tr><td>{}</td></tr>".format(row["name"])
        return render_template_string(html + "</table>")
    ```

    ## Use instead
    ```python
    from flask import render_template_string

    def wares_page(rows):
        return render_template_string(
            "<table>{% for row in rows %}<tr><td>{{ row.name }}</td></tr>{% endfor %}</table>", rows=rows)
    ```

    ## References
    - [CWE-1336: Improper Neutralization of Special Elements Used in a Template Engine](https://cwe.mitre.org/data/definitions/1336.html)
    - [CWE-79: Cross-site Scripting](https://cwe.mitre.org/data/definitions/79.html)
    - [PortSwigger: Server-side template injection](https://portswigger.net/web-security/server-side-template-injection)
    """

    markup_signs = MARKUP_SIGNS
    code = "VC426"
    name = "template-source-from-variable"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (1336, 79)
    applies_to_tests = False  # a test builds templates from its parameters on purpose, to exercise the engine
    file_hints = ("template", "from_string", "render")

    def visit_Call(self, node: cst.Call) -> None:
        if not self.may_call(node, CALLEE_TAILS):
            return
        source = self._template_source(node)
        if source is not None and not _invokes_tags_by_name(source) and self.is_built_markup(source):
            callee = self.source_of(node.func)
            self.report(source, f"The template source of `{callee}()` is built from runtime values, so their "
                        "contents are parsed as template code and are not autoescaped.", hint="Keep the template "
                        "text constant and pass the values as template variables "
                        "(`render_template_string(\"<td>{{ name }}</td>\", name=name)`).")

    def _template_source(self, call: cst.Call) -> cst.BaseExpression | None:
        """The template-text argument of a call that compiles one, outside a Jinja2 sandbox; else None."""
        spec = TEMPLATE_SOURCES.get(self.module_name(call) or "")
        func = call.func
        if spec is None and type(func) is cst.Attribute and func.attr.value in TEMPLATE_SOURCE_METHODS:
            if parses_into_class(func):
                return None
            receiver = self.resolve(func.value)
            if isinstance(receiver, cst.Call) and self.qualified_name(receiver) in SANDBOXES:
                return None
            spec = TEMPLATE_SOURCE_METHODS[func.attr.value]
        if spec is None:
            return None
        return call_argument(call, *spec)
