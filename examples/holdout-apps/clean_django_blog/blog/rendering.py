"""Post bodies are written in a small Markdown subset and cleaned with bleach before display."""

import bleach
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset({"p", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote"})
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}


def render_body(body: str) -> SafeString:
    cleaned = bleach.clean(body, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=["http", "https"])
    # ok: VC411/VC427 -- bleach has removed every tag and attribute outside the allowlist
    return mark_safe(cleaned)


def author_badge(name: str, post_count: int) -> SafeString:
    # ok: VC411/VC427
    return format_html('<span class="badge" title="{} posts">{}</span>', post_count, name)
