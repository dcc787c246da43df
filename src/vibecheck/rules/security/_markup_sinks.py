"""The markup sinks that the client-input rules (VC411, VC412) and the built-text rules (VC426, VC427) share: the calls
that escape a value for HTML, the frameworks that send a returned string as a page, and the calls that compile their
argument as template source."""

from __future__ import annotations

import libcst as cst

from vibecheck.patterns import lazy_pattern
from vibecheck.rules.security._client_sinks import ArgumentSpec

ESCAPERS = frozenset({
    "html.escape", "markupsafe.escape", "flask.escape", "jinja2.escape", "django.utils.html.escape",
    "django.utils.html.conditional_escape", "django.utils.html.escapejs", "django.utils.html.json_script",
    # escape every value they paste (their template, a sink of its own above, is checked where they are called)
    "django.utils.html.format_html", "django.utils.html.format_html_join",
    "bleach.clean", "nh3.clean", "int", "float", "uuid.UUID", "cgi.escape", "xml.sax.saxutils.escape",
    "urllib.parse.quote", "urllib.parse.quote_plus",
})
# Streamlit calls whose text the browser renders as HTML: always, and only when asked to (`unsafe_allow_html=True`).
STREAMLIT_HTML: dict[str, ArgumentSpec] = {"streamlit.html": (0, "body"), "streamlit.components.v1.html": (0, "html")}
STREAMLIT_UNSAFE_HTML = frozenset({"streamlit.markdown", "streamlit.write", "streamlit.caption",
                                   "streamlit.sidebar.markdown", "streamlit.sidebar.write", "streamlit.sidebar.caption",
                                   "streamlit.chat_message.markdown"})


def allows_html(call: cst.Call) -> bool:
    """`st.markdown(text, unsafe_allow_html=True)`: Streamlit renders the text as raw HTML."""
    flag = next((arg.value for arg in call.args if arg.keyword is not None and arg.keyword.value == "unsafe_allow_html"),
                None)
    return type(flag) is cst.Name and flag.value == "True"


# Flask-like frameworks send a string returned from a view as `text/html`.
HTML_RETURN_FRAMEWORKS = ("flask", "quart", "bottle")
# Calls that compile their argument as template source.
TEMPLATE_SOURCES: dict[str, ArgumentSpec] = {
    "flask.render_template_string": (0, "source"), "quart.render_template_string": (0, "source"),
    "jinja2.Template": (0, "source"), "jinja2.environment.Template": (0, "source"),
    "django.template.Template": (0, "template_string"), "django.template.base.Template": (0, "template_string"),
    "mako.template.Template": (0, "text"), "tornado.template.Template": (0, "template_string"),
    "chevron.render": (0, "template"), "pystache.render": (0, None),
    # Bottle's `template()` and its engine adapters take a template's name or, when it holds markup, its source
    "bottle.template": (0, None), "bottle.jinja2_template": (0, None), "bottle.mako_template": (0, None),
    "bottle.SimpleTemplate": (0, "source"),
}
TEMPLATE_SOURCE_METHODS: dict[str, ArgumentSpec] = {"from_string": (0, "source")}
# A class named in CamelCase (`PackageURL`, `Version`, `packageurl.PackageURL`): its own `from_string` is a factory that
# parses its argument into an instance, not an environment compiling a template, which is called on an instance.
CLASS_NAME = lazy_pattern(r"^_?[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$")
# Jinja2's classes, whose `from_string` called on the class itself still compiles a template.
JINJA_CLASSES = frozenset({"Environment", "NativeEnvironment", "SandboxedEnvironment", "ImmutableSandboxedEnvironment"})


def parses_into_class(func: cst.BaseExpression) -> bool:
    """`PackageURL.from_string(purl)`: a template-source method name called on a class (not on an environment object
    or a call that makes one), where it builds an instance of that class from the text."""
    if type(func) is not cst.Attribute:
        return False
    receiver = func.value
    name = receiver.value if type(receiver) is cst.Name else receiver.attr.value if type(receiver) is cst.Attribute \
        else None
    return name is not None and name not in JINJA_CLASSES and CLASS_NAME.match(name) is not None


# Jinja2 environments whose templates cannot reach Python internals: their `from_string` is the safe way to
# render a template someone else wrote.
SANDBOXES = frozenset({"jinja2.sandbox.SandboxedEnvironment", "jinja2.sandbox.ImmutableSandboxedEnvironment"})
