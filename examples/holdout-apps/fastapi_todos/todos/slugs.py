from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

_NON_WORD = re.compile(r"[^a-z0-9]+")
_RELATIVE = re.compile(r"^in (\d{1,3}) (day|week)s?$")


def slugify(text: str, max_length: int = 48) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NON_WORD.sub("-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "todo"


def parse_due(text: str, today: date) -> date:
    """A due date from `2024-05-01`, `today`, `tomorrow` or `in 3 days` / `in 2 weeks`."""
    text = text.strip().lower()
    if text == "today":
        return today
    if text == "tomorrow":
        return today + timedelta(days=1)
    match = _RELATIVE.match(text)
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        return today + timedelta(days=amount * (7 if unit == "week" else 1))
    return date.fromisoformat(text)
