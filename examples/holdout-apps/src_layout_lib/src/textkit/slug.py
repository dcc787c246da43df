"""URL slugs."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w\s-]")
_SEPARATORS = re.compile(r"[-\s]+")


# ok: VC301
def slugify(text: str, max_length: int = 60) -> str:
    """Lower-case ASCII slug of `text`.

    >>> slugify("Héllo, World!")
    'hello-world'
    """
    # expect: VC309
    if max_length < 1:
        raise ValueError("max_length must be at least 1")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _SEPARATORS.sub("-", _NON_WORD.sub("", ascii_text).strip().lower())
    return slug[:max_length].rstrip("-")


# ok: VC301
def unique_slug(text: str, taken: set[str]) -> str:
    """A slug of `text` not in `taken`, numbered if needed.

    >>> unique_slug("Report", {"report", "report-2"})
    'report-3'
    """
    base = slugify(text)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


# expect: VC301
def deslugify(slug: str) -> str:
    return slug.replace("-", " ").title()
