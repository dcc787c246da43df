# expect: VC302
"""Markdown helpers used by `notesync show`."""

from __future__ import annotations

import re

HEADING = re.compile(r"^(#{1,6})\s+(.*)$", re.MULTILINE)


def outline(body: str) -> list[tuple[int, str]]:
    return [(len(m.group(1)), m.group(2).strip()) for m in HEADING.finditer(body)]


def word_count(body: str) -> int:
    return len(re.findall(r"\w+", body))
