# expect: VC302
"""Wrapping and truncating text for terminals."""

from __future__ import annotations

import textwrap


def wrap(text: str, width: int = 80) -> list[str]:
    if width < 10:
        raise ValueError("width too small")
    return textwrap.wrap(text, width=width)


def truncate(text: str, limit: int, marker: str = "…") -> str:
    return text if len(text) <= limit else text[: limit - len(marker)] + marker
