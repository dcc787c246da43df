"""VC420 corpus: HTML defused with regexes or str.replace fires; escaping, parsers and plain-text previews do not."""
import html
import re
import re as regex_module
from re import sub

import bleach
from markupsafe import Markup, escape

SCRIPT_TAG = re.compile(r"<\s*script[^>]*>.*?<\s*/\s*script\s*>", re.IGNORECASE | re.DOTALL)
EVENT_HANDLER = re.compile(r"\son\w+\s*=\s*(\"[^\"]*\"|'[^']*')", re.IGNORECASE)
TAGS = re.compile(r"<[^>]+>")


def strip_script_blocks(comment):
    # expect: VC420
    return Markup(re.sub(r"<script.*?>.*?</script>", "", comment, flags=re.DOTALL))


def module_level_compiled_pattern(body):
    # expect: VC420
    return SCRIPT_TAG.sub("", body)


def event_handlers_removed(body):
    # expect: VC420
    return EVENT_HANDLER.sub("", body)


def javascript_urls_removed(link):
    # expect: VC420
    return regex_module.sub(r"javascript\s*:", "", link, flags=re.IGNORECASE)


def imported_sub(bio):
    # expect: VC420
    return sub(r"<(iframe|object|embed)[^>]*>", "", bio)


def replace_chain(description):
    # expect: VC420
    return description.replace("<script>", "").replace("</script>", "")


def compiled_in_function(text):
    pattern = re.compile(r"on(error|load)\s*=", re.I)
    # expect: VC420
    return pattern.sub("data-removed=", text)


def sanitize_html(text):
    # expect: VC420 -- a tag stripper in a function that says it sanitises
    return re.sub(r"<[^>]+>", "", text)


def clean_html(text):
    # expect: VC420
    return TAGS.sub("", text)


def escaped_with_markupsafe(comment):
    # ok: VC420
    return escape(comment)


def escaped_with_stdlib(comment):
    # ok: VC420
    return html.escape(comment)


def bleach_allow_list(comment):
    # ok: VC420
    return bleach.clean(comment, tags={"b", "i", "a"}, strip=True)


def plain_text_preview(body):
    # ok: VC420 -- markup removed for a text preview, which the template escapes
    return re.sub(r"<[^>]+>", "", body)[:200]


def collapse_whitespace(text):
    # ok: VC420
    return re.sub(r"\s+", " ", text)


def escape_angle_brackets(text):
    # ok: VC420 -- escaping, not removing markup
    return text.replace("<", "&lt;").replace(">", "&gt;")


def description_words(text):
    # ok: VC420 -- a subscription, not a script tag
    return text.replace("<b>subscription</b>", "subscription")


def json_keys(text):
    # ok: VC420
    return re.sub(r"\bjson_(\w+)", r"\1", text)


def handler_names(text):
    # ok: VC420 -- a word that starts with "on"
    return re.sub(r"\bonion\b", "shallot", text)


def replace_after_an_unrelated_replace(text):
    # expect: VC420
    return text.replace("\r\n", "\n").replace("<script", "")


def autop(content, blocks):
    if "<object" in content:
        # ok: VC420 -- the replacement puts the tag back: whitespace around it is tidied, nothing is removed
        content = re.sub(r"\s*</embed>\s*", "</embed>", content)

    def _preserve_newline(match):
        return match.group(0).replace("\n", "<WPPreserveNewline />")

    # ok: VC420 -- a function of this file rebuilds each match
    content = re.sub(r"<(script|style).*?</\1>", _preserve_newline, content, flags=re.S)
    # ok: VC420 -- a backreference keeps the matched tag
    return re.sub(r"(<script[^>]*>)\s+", r"\1", content)


def strip_scripts_with_a_comment(html):
    # expect: VC420 -- the tag is replaced by a comment: removed, with other spellings left behind
    return re.sub(r"<script.*?</script>", "<!-- removed -->", html, flags=re.S)
