"""Bandit's B608 SQL test without its quadratic backtracking.

B608 searches string literals with `select\\s.*from\\s|delete\\s+from\\s|insert\\s+into\\s.*values[\\s(]|update\\s.*set\\s`
(DOTALL): on a long literal such as `"select select select ..."` every `select` rescans the rest of the text,
so one crafted string hangs the run (as vibecheck's own SQL test did before it was rewritten). The same
language is searched here in linear time: for each `a.*b` pair, the first `a`, then any `b` after it.
"""

from __future__ import annotations

import re
from types import ModuleType

_PAIRS = tuple((re.compile(first, re.IGNORECASE), re.compile(second, re.IGNORECASE)) for first, second in (
    (r"select\s", r"from\s"),
    (r"insert\s+into\s", r"values[\s(]"),
    (r"update\s", r"set\s"),
))
_SINGLE = re.compile(r"delete\s+from\s", re.IGNORECASE)


class LinearSqlPattern:
    """Stands in for bandit's `SIMPLE_SQL_RE`, which bandit only calls as `.search(text) is not None`."""

    pattern = "bandit B608 SQL keywords (linear)"

    def search(self, text: str) -> re.Match[str] | None:
        found = _SINGLE.search(text)
        if found is not None:
            return found
        for first, second in _PAIRS:
            start = first.search(text)
            if start is not None:
                found = second.search(text, start.end())
                if found is not None:
                    return found
        return None


def install(injection_sql: ModuleType) -> None:
    """Replace the pattern in bandit's B608 plugin module (a no-op if a bandit release renames it)."""
    if isinstance(getattr(injection_sql, "SIMPLE_SQL_RE", None), re.Pattern):
        setattr(injection_sql, "SIMPLE_SQL_RE", LinearSqlPattern())  # noqa: B010 -- a module bandit owns
