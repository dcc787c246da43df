"""HTML for the message board's listing."""

from django.utils.html import escape, format_html, format_html_join

PAGE = "<!DOCTYPE html><html><head><title>Message board</title></head><body><h1>Messages</h1><ul>{items}</ul></body></html>"


def render_messages(rows) -> str:
    items = ""
    for username, content, submitted_at in rows:
        # expect: VC411/VC427
        items += f"<li><strong>{username}</strong> ({submitted_at}): {content}</li>"
    return PAGE.format(items=items)


def render_messages_escaped(rows) -> str:
    items = format_html_join(
        "",
        "<li><strong>{}</strong> ({}): {}</li>",
        ((username, submitted_at, content) for username, content, submitted_at in rows),
    )
    # ok: VC411/VC427
    return format_html("<ul>{}</ul>", items) if rows else f"<p>{escape('No messages yet')}</p>"
