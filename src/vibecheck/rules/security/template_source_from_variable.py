"""VC426: template source text built from runtime values (stored template injection and cross-site scripting)."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.flow import is_built_text
from vibecheck.cst_fields import child_nodes
from vibecheck.literals import text_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rules.security._support import STRING_NODES, BindingRule, tails
from vibecheck.rules.security.client_data_in_template_source import SANDBOXES, TEMPLATE_SOURCE_METHODS, TEMPLATE_SOURCES

# Values that cannot carry template syntax or markup: numbers and their conversions.
NUMERIC_CALLS = frozenset({"int", "float", "len", "round", "abs", "bool"})
LITERAL_NODES = (*STRING_NODES, cst.Integer, cst.Float)
CALLEE_TAILS = tails(frozenset(TEMPLATE_SOURCES)) | frozenset(TEMPLATE_SOURCE_METHODS)
# How many names, and parts of a text, are followed back from the template source.
DEPTH = 5
# What the literal parts of page markup or a template hold; a text without any (`"%d %s" % (code, reason)`, a
# fallback error body) is not a page being assembled.
MARKUP_SIGNS = ("<", "{{", "{%")


class TemplateSourceFromVariable(BindingRule):
    """Template source text built from runtime values, so the values are parsed as template code and markup.

    ## What it does
    Reports Flask/Quart `render_template_string()`, `jinja2.Template()`, `Environment.from_string()`,
    Django `Template()`, Mako and Tornado templates, `chevron.render` and `pystache.render`, when the
    template text is an f-string, a `%` or `+` concatenation, a `.format()` or a `.join()` with a
    part that is not a literal, also when the text is built in a variable first within the function
    (`html += "<td>{}</td>".format(row["name"])` in a loop, then `render_template_string(html)`), and
    its literal parts hold markup or template syntax (`<`, `{{`, `{%`). Literals, names bound to
    literals, and numbers (`int()`, `len()`) do not count as values; nor does the `from_string` of a
    Jinja2 `SandboxedEnvironment`, nor a text with no markup at all (`"%d %s" % (code, reason)`).
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

    code = "VC426"
    name = "template-source-from-variable"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (1336, 79)
    file_hints = ("template", "from_string", "render")

    def visit_Call(self, node: cst.Call) -> None:
        if not self.may_call(node, CALLEE_TAILS):
            return
        source = self._template_source(node)
        if source is not None and self._is_built(source, DEPTH) and self._holds_markup(source, DEPTH):
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
            receiver = self.resolve(func.value)
            if isinstance(receiver, cst.Call) and self.qualified_name(receiver) in SANDBOXES:
                return None
            spec = TEMPLATE_SOURCE_METHODS[func.attr.value]
        if spec is None:
            return None
        position, name = spec
        for index, arg in enumerate(a for a in call.args if not a.star):
            if (arg.keyword is None and index == position) or (arg.keyword is not None and arg.keyword.value == name):
                return arg.value
        return None

    def _is_built(self, expression: cst.BaseExpression, depth: int) -> bool:
        """An f-string, `%`, `+`, `.format()` or `.join()` text with a part that is not a literal or a number."""
        expression = self.resolve(expression)
        if depth == 0:
            return False
        if isinstance(expression, cst.FormattedString):
            return any(isinstance(part, cst.FormattedStringExpression) and not self._is_constant(part.expression, depth)
                       for part in expression.parts)
        if isinstance(expression, cst.ConcatenatedString):
            return any(self._is_built(part, depth - 1) for part in (expression.left, expression.right))
        if isinstance(expression, cst.BinaryOperation):
            if isinstance(expression.operator, cst.Modulo):
                return self._is_textual(expression.left) and not self._is_constant(expression.right, depth)
            if isinstance(expression.operator, cst.Add):
                parts = (expression.left, expression.right)
                return any(self._is_textual(p) or self._is_built(p, depth - 1) for p in parts) and any(
                    self._is_built(p, depth - 1) or not self._is_constant(p, depth) for p in parts)
            return False
        if isinstance(expression, cst.Call) and isinstance(expression.func, cst.Attribute) \
                and expression.func.attr.value in ("format", "join") and self._is_textual(expression.func.value):
            return any(not self._is_constant(arg.value, depth) for arg in expression.args)
        return False

    def _holds_markup(self, node: cst.CSTNode, depth: int) -> bool:
        """Whether a literal text inside the expression (names followed) holds a tag or template syntax."""
        if isinstance(node, cst.Name):
            value = self.value_of(node)
            return depth > 0 and value is not None and self._holds_markup(value, depth - 1)
        text = node.value if isinstance(node, cst.FormattedStringText) else text_value(node)
        if text is not None:
            return any(sign in text for sign in MARKUP_SIGNS)
        return any(self._holds_markup(child, depth) for child in child_nodes(node))

    def _is_textual(self, node: cst.BaseExpression) -> bool:
        return is_built_text(self.resolve(node))

    def _is_constant(self, node: cst.BaseExpression, depth: int) -> bool:
        """A literal or a number (also a name bound to one, or a container of them), or a text built only of them."""
        node = self.resolve(node)
        if isinstance(node, LITERAL_NODES) or (isinstance(node, cst.Name) and node.value in ("True", "False", "None")):
            return True
        if isinstance(node, (cst.Tuple, cst.List)):
            return depth > 0 and all(self._is_constant(e.value, depth - 1) for e in node.elements)
        if isinstance(node, cst.Dict):
            return depth > 0 and all(isinstance(e, cst.DictElement) and self._is_constant(e.value, depth - 1)
                                     for e in node.elements)
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Name):
            return node.func.value in NUMERIC_CALLS
        if isinstance(node, (cst.FormattedString, cst.BinaryOperation)):
            return depth > 0 and not self._is_built(node, depth - 1)
        return False
