"""VC412: client input becomes part of a template's source (template injection), or `locals()` is a template's context."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from vibecheck.analysis.flow import FlowState, Taint, instance_class, iter_calls, last_parts, short_code
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rules.security._client_sinks import ArgumentSpec, ClientSinkRule
from vibecheck.rules.security._markup_sinks import SANDBOXES, TEMPLATE_SOURCE_METHODS, TEMPLATE_SOURCES, parses_into_class


def compiles_unsandboxed(call: cst.Call, state: FlowState) -> bool:
    """Whether a template-source call may run what the template says: not `from_string` of a Jinja2 sandbox, nor a
    class's own `from_string` factory (`PackageURL.from_string(purl)`)."""
    func = call.func
    return not (isinstance(func, cst.Attribute) and func.attr.value == "from_string"
                and (instance_class(func.value, state) in SANDBOXES or parses_into_class(func)))
# Calls that render a named template with a context: `locals()` there hands every local variable to it.
RENDER_CALLS = frozenset({"flask.render_template", "django.shortcuts.render", "django.shortcuts.render_to_response",
                          "django.template.loader.render_to_string", "quart.render_template",
                          "flask.render_template_string"})
RENDER_METHODS = frozenset({"render", "TemplateResponse", "render_async", "stream"})
INJECTION_CWE = (1336, 94)
LOCALS_CWE = (200,)


class ClientDataInTemplateSource(ClientSinkRule):
    """Client input is compiled as template source (server-side template injection), or `locals()` is a template's context.

    ## What it does
    Follows client input (request fields, route parameters, Lambda and Slack payloads) into the source of
    a template: Flask `render_template_string()`, `jinja2.Template()`, `Environment.from_string()`,
    Django `Template()`, Mako and Tornado templates, Bottle's `template()` and `SimpleTemplate()`, also when the
    input is only part of the text
    (`f"<p>Hello {name}</p>"`). The `from_string` of a Jinja2 `SandboxedEnvironment` (made at module level,
    in the function, or on the spot), the way to render a template a user wrote, is not reported. It also
    reports `locals()` passed as the context of
    `render()`/`render_template()`/`template.render()`, which hands every local variable, secrets
    included, to the template.

    ## Why is this bad?
    Template source is code: `{{ cycler.__init__.__globals__.os.popen('id').read() }}` in a Jinja2
    template runs a shell command, and Django templates expose settings through their objects. A value
    that is pasted into the template text instead of passed as a variable gives the client that power
    (server-side template injection). `locals()` makes whatever the view holds, tokens and query
    results, printable by any template change.

    ## Example
    ```python
    from flask import Flask, render_template_string, request

    app = Flask(__name__)

    @app.get("/hello")
    def hello():
        name = request.args.get("name", "")
        return render_template_string(f"<h1>Hello {name}</h1>")
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
    - [CWE-1336: Improper Neutralization of Special Elements Used in a Template Engine](https://cwe.mitre.org/data/definitions/1336.html)
    - [CWE-200: Exposure of Sensitive Information](https://cwe.mitre.org/data/definitions/200.html)
    - [PortSwigger: Server-side template injection](https://portswigger.net/web-security/server-side-template-injection)
    """

    code = "VC412"
    name = "client-data-in-template-source"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (1336, 94, 200)
    # client input in template text is also text built from a variable: one problem, one finding
    supersedes = ("VC426",)
    # Names, each a part of a sink's or a renderer's dotted name (every part of a resolved name is a name in the
    # file: the call's own parts, or the import that binds its head): `template` (`jinja2.Template`, Django's,
    # Mako's, Tornado's), `render` (`chevron.render`, `django.shortcuts.render`, `.render(`), the longer names
    # the rest end in, and `stream` (`.stream(locals())`, which `get_template` named only as a substring). A
    # module without them has no sink; VC417 borrows its calls and returns from VC409.
    file_hints = ("template", "render", "from_string", "render_template", "render_template_string", "render_to_response",
                  "render_to_string", "templateresponse", "render_async", "stream", "jinja2_template",
                  "mako_template", "simpletemplate")
    file_hints_are_names = True
    function_sinks: ClassVar[dict[str, ArgumentSpec]] = TEMPLATE_SOURCES
    method_sinks: ClassVar[dict[str, ArgumentSpec]] = TEMPLATE_SOURCE_METHODS
    # every report is at a template source's call or a renderer's: `check` notes nothing else
    sink_words = last_parts(TEMPLATE_SOURCES, TEMPLATE_SOURCE_METHODS, RENDER_CALLS, RENDER_METHODS)

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        super().check(node, state)
        for call in iter_calls(node):
            if self._renders(call, state):
                for arg in call.args:
                    if isinstance(arg.value, cst.Call) and state.qualified_name(arg.value) == "locals" and not arg.value.args:
                        self.report(arg.value, f"`{short_code(call.func)}()` gets `locals()` as its context, so the "
                                    "template can print every local variable, secrets included.", hint="Pass the "
                                    "template only the values it shows, by name (`render(request, \"page.html\", "
                                    "{\"user\": user})`).", cwe=LOCALS_CWE, severity=Severity.MEDIUM)

    def accepts(self, call: cst.Call, argument: cst.BaseExpression, state: FlowState) -> bool:
        return compiles_unsandboxed(call, state)

    @staticmethod
    def _renders(call: cst.Call, state: FlowState) -> bool:
        if (state.qualified_name(call) or "") in RENDER_CALLS:
            return True
        func = call.func
        return type(func) is cst.Attribute and func.attr.value in RENDER_METHODS

    def describe(self, node: cst.BaseExpression, label: str, taint: Taint, call: cst.Call) -> None:
        self.report(node, f"Client input from `{taint.origin}` becomes part of the template source of "
                    f"`{short_code(call.func)}()`, so a client can run code through template syntax.",
                    hint="Keep the template text constant and pass the value as a variable "
                    "(`render_template_string(\"Hello {{ name }}\", name=name)`).", cwe=INJECTION_CWE)
