"""HTML rendering of pastes."""

import html

import markdown

PAGE = "<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"


def render_paste(paste: dict) -> str:
    # expect: VC427/VC411
    return PAGE.format(title=paste["title"], body=f"<pre>{paste.get('body', '')}</pre>")


def render_paste_safe(paste: dict) -> str:
    # ok: VC427/VC411
    return PAGE.format(title=html.escape(paste["title"]), body=f"<pre>{html.escape(paste.get('body', ''))}</pre>")


def render_markdown(paste: dict) -> str:
    # expect: VC411/VC427
    return PAGE.format(title=html.escape(paste["title"]), body=markdown.markdown(paste.get("body", "")))
