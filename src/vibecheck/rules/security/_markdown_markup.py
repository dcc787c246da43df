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

from vibecheck.analysis.nodes import is_none_or_false
from vibecheck.literals import string_value
from vibecheck.patterns import lazy_pattern

QualifiedName = Callable[[cst.CSTNode], "str | None"]
Resolve = Callable[[cst.BaseExpression], cst.BaseExpression]

# Functions that render Markdown text to HTML, keeping the HTML in it, and the classes whose `convert`/`render`
# method does (`markdown.Markdown(extensions=[...]).convert(text)`, `MarkdownIt().render(text)`).
CONVERTERS = frozenset({"markdown.markdown", "markdown2.markdown", "commonmark.commonmark", "mistune.markdown",
                        "markdown_it.MarkdownIt.render"})
CONVERTER_CLASSES = frozenset({"markdown.Markdown", "markdown2.Markdown", "markdown_it.MarkdownIt"})
CONVERTER_METHODS = frozenset({"convert", "render"})
# Converters that escape the raw HTML of the text and drop `javascript:` links unless told otherwise: mistune's
# `markdown()` (until `escape=False`); and the options that make the others do so: markdown2's `safe_mode=`, and
# markdown-it's presets without HTML (`MarkdownIt("js-default")`, `"zero"`) or its `{"html": False}` option.
ESCAPING_BY_DEFAULT = frozenset({"mistune.markdown"})
SAFE_MODE_CONVERTERS = frozenset({"markdown2.markdown", "markdown2.Markdown"})
HTML_FREE_PRESETS = frozenset({"js-default", "zero"})
# How a class's docstring documents a field as text the developer writes into the code (starlette-admin's `TextWidget`:
# "content: Static markdown or plain text."): the field's name, then, on its line, one of these words.
STATIC_TEXT_WORDS = lazy_pattern(r"(?i)^\W*(?:an?\s+|the\s+)?"
                                 r"(?:static|fixed|hard-?coded|constant|developer[- ](?:supplied|provided|written))\b")
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
    receiver = resolve(func.value) if type(func) is cst.Attribute and func.attr.value in CONVERTER_METHODS else None
    made_by = qualified_name(receiver.func) or "" if type(receiver) is cst.Call else ""
    if not (name in CONVERTERS or made_by in CONVERTER_CLASSES) or _escapes_html(value, name) \
            or (type(receiver) is cst.Call and _escapes_html(receiver, made_by)):
        return None
    text = value.args[0].value
    return None if string_value(text) is not None else text


def _escapes_html(call: cst.Call, name: str) -> bool:
    """A converter's call (or its class's) configured to escape the text's raw HTML: `mistune.markdown(text)`,
    `markdown2.markdown(text, safe_mode="escape")`, `MarkdownIt("js-default")`, `MarkdownIt("commonmark",
    {"html": False})`."""
    keywords = {arg.keyword.value: arg.value for arg in call.args if arg.keyword is not None}
    if name in ESCAPING_BY_DEFAULT:
        return not is_none_or_false(keywords.get("escape"))
    if name in SAFE_MODE_CONVERTERS:
        mode = keywords.get("safe_mode")
        return mode is not None and not is_none_or_false(mode)
    if name == "markdown_it.MarkdownIt":
        positional = [arg.value for arg in call.args if arg.keyword is None]
        preset = keywords.get("config", positional[0] if positional else None)
        options = keywords.get("options_update", positional[1] if len(positional) > 1 else None)
        return string_value(preset) in HTML_FREE_PRESETS or _turns_html_off(options)
    return False


def _turns_html_off(options: cst.BaseExpression | None) -> bool:
    """`{"html": False}`."""
    return type(options) is cst.Dict and any(
        type(element) is cst.DictElement and string_value(element.key) == "html" and is_none_or_false(element.value)
        for element in options.elements)


def documented_as_static(owner: cst.ClassDef, text: cst.BaseExpression) -> bool:
    """`self.content` in a class whose docstring says `content: Static markdown or plain text.`: what the code that
    configures the object wrote, as a widget's or a page's fixed copy, not what a user stored."""
    if type(text) is not cst.Attribute or type(text.value) is not cst.Name or text.value.value != "self":
        return False
    docstring = owner.get_docstring() or ""
    field = f"{text.attr.value}:"
    return any(STATIC_TEXT_WORDS.match(line.strip()[len(field):]) is not None
               for line in docstring.splitlines() if line.strip().startswith(field))
