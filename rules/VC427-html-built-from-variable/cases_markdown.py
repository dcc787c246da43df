"""VC427 corpus: HTML rendered from stored Markdown and marked safe (a template filter, a model property, a view):
Markdown keeps the raw HTML and `javascript:` links of the text; a sanitiser around the rendered HTML, a literal text
and output left unmarked (the template escapes it) are the look-alikes, as are converters set to escape the raw HTML
(mistune's default, markdown2's `safe_mode`, markdown-it without HTML)."""
import bleach
import markdown
import markdown2
import mistune
import nh3
from django.utils.safestring import mark_safe
from flask import Flask, render_template
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from .models import Post

app = Flask(__name__)
renderer = markdown.Markdown(extensions=["fenced_code"])
ALLOWED_TAGS = ["p", "em", "strong", "a", "code", "pre", "ul", "ol", "li"]


@app.template_filter("md")
def render_md(text):
    # expect: VC427
    return Markup(markdown.markdown(text))


@app.template_filter("md_clean")
def render_md_clean(text):
    # ok: VC427 -- sanitised after rendering
    return Markup(bleach.clean(markdown.markdown(text), tags=ALLOWED_TAGS))


@app.template_filter("md_nh3")
def render_md_nh3(text):
    html = nh3.clean(markdown.markdown(text))
    # ok: VC427 -- the name holds the sanitised HTML
    return Markup(html)


class Article:
    def __init__(self, body):
        self.body = body

    @property
    def body_html(self):
        html = renderer.convert(self.body)
        # expect: VC427
        return Markup(html)

    @property
    def body_plain(self):
        # ok: VC427 -- not marked safe: the template escapes it
        return markdown.markdown(self.body)


def comment_html(comment):
    # expect: VC427
    return mark_safe(markdown2.markdown(comment.text))


@app.get("/posts/<int:post_id>")
def show_post(post_id):
    post = Post.query.get_or_404(post_id)
    # expect: VC427
    return render_template("post.html", body=Markup(markdown.markdown(post.body)))


@app.get("/welcome")
def welcome():
    # ok: VC427 -- a literal text the code wrote
    return render_template("welcome.html", intro=Markup(markdown.markdown("**Welcome** to the board")))


def escaped_title(post):
    # ok: VC427 -- escaped, no Markdown
    return Markup(f"<h1>{escape(post.title)}</h1>")


def comment_mistune(comment):
    # ok: VC427 -- mistune escapes the raw HTML unless told not to
    return Markup(mistune.markdown(comment.text))


def comment_mistune_raw(comment):
    # expect: VC427
    return Markup(mistune.markdown(comment.text, escape=False))


def comment_markdown2_safe(comment):
    # ok: VC427 -- markdown2's safe mode escapes the raw HTML and drops unsafe links
    return mark_safe(markdown2.markdown(comment.text, safe_mode="escape"))


def comment_markdown_it_presets(comment):
    # ok: VC427 -- a preset without HTML
    return Markup(MarkdownIt("js-default").render(comment.text))


def comment_markdown_it_options(comment):
    # ok: VC427 -- HTML turned off
    return Markup(MarkdownIt("commonmark", {"html": False}).render(comment.text))


def comment_markdown_it(comment):
    # expect: VC427 -- the default CommonMark preset keeps raw HTML
    return Markup(MarkdownIt().render(comment.text))


class TextPanel:
    """A dashboard panel of text, optionally rendered as Markdown.

    Args:
        content: Static markdown or plain text.
        notes: The comments readers left under the panel.
    """

    def __init__(self, content, notes):
        self.content = content
        self.notes = notes

    def content_html(self):
        # ok: VC427 -- the class documents its content as the developer's fixed copy
        return Markup(markdown.markdown(self.content))

    def notes_html(self):
        # expect: VC427 -- what readers wrote, documented as such
        return Markup(markdown.markdown(self.notes))


class Announcement:
    """An announcement an editor writes in the admin."""

    def __init__(self, body):
        self.body = body

    def body_html(self):
        # expect: VC427 -- nothing says the body is fixed in the code
        return Markup(markdown.markdown(self.body))
