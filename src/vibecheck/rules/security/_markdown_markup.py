"""Markdown rendered to HTML and marked safe (`Markup(markdown.markdown(post.body))`): VC427's stored-markup case.

Markdown converters keep the raw HTML a text holds (`<script>`, `<img onerror=...>`) and turn `[x](javascript:...)`
into a link, so what they return is markup the text's author wrote. Marked safe (markupsafe's `Markup`, Django's
`mark_safe`), in a template filter, a model property or a view, it reaches every page that shows it unescaped. A
sanitiser around the converted HTML (`bleach.clean`, `nh3.clean`) clears it; escaping the text first does not stop
the links.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from vibecheck.literals import string_value

QualifiedName = Callable[[cst.CSTNode], "str | None"]
Resolve = Callable[[cst.BaseExpression], cst.BaseExpression]

# Functions that render Markdown text to HTML, keeping the HTML in it, and the classes whose `convert`/`render`
# method does (`markdown.Markdown(extensions=[...]).convert(text)`, `MarkdownIt().render(text)`).
CONVERTERS = frozenset({"markdown.markdown", "markdown2.markdown", "commonmark.commonmark", "mistune.markdown",
                        "markdown_it.MarkdownIt.render"})
CONVERTER_CLASSES = frozenset({"markdown.Markdown", "markdown2.Markdown", "markdown_it.MarkdownIt"})
CONVERTER_METHODS = frozenset({"convert", "render"})
# The names in a module's text without which it renders no Markdown.
MARKDOWN_WORDS = ("markdown", "commonmark", "mistune", "markdownit")


def markdown_source(value: cst.BaseExpression, qualified_name: QualifiedName, resolve: Resolve) -> cst.BaseExpression | None:
    """The text a value renders as Markdown, when the value is a converter's HTML that no sanitiser cleaned and
    the text is no literal: `markdown.markdown(post.body)`, `md.convert(text)` with `md = markdown.Markdown()`, or a
    name bound to one of them; None for anything else."""
    value = resolve(value)
    if type(value) is not cst.Call or not value.args:
        return None
    name = qualified_name(value.func) or ""
    func = value.func
    converting = name in CONVERTERS or (
        type(func) is cst.Attribute and func.attr.value in CONVERTER_METHODS
        and type(receiver := resolve(func.value)) is cst.Call and qualified_name(receiver.func) in CONVERTER_CLASSES)
    if not converting:
        return None
    text = value.args[0].value
    return None if string_value(text) is not None else text
