from __future__ import annotations

import re

TAG = re.compile(r"#([a-z0-9][a-z0-9_-]{0,31})")


class TagError(ValueError):
    pass


def parse_tags(text: str) -> list[str]:
    """Tags of a note, in order of first use; a lone `#` is a mistake the user should hear about."""
    if re.search(r"(^|\s)#(\s|$)", text):
        raise TagError("empty tag")
    seen: list[str] = []
    for tag in TAG.findall(text.lower()):
        if tag not in seen:
            seen.append(tag)
    return seen


def normalise_tag(tag: str) -> str:
    tag = tag.strip().lstrip("#").lower()
    if not TAG.fullmatch(f"#{tag}"):
        raise TagError(f"invalid tag: {tag!r}")
    return tag
