"""Regular expressions compiled at their first use instead of when their module is imported.

The rule and analysis modules define about 170 expressions at module level; compiling them all cost every process
that loads the checker 20 ms (a hook's worker loads it on the hook's critical path), while checking a file uses a
few dozen of them (42 for Django's `utils/text.py`, 27 for a small Flask module). `lazy_pattern` stands in for
`re.compile` there: the expression is compiled when one of its methods or attributes is first read, and the compiled
pattern's methods are then kept on the stand-in itself, so that later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner", "pattern",
               "flags", "groups", "groupindex")


class _LazyPattern:
    """A `re.Pattern` that compiles itself when first used (see the module's docstring)."""

    def __init__(self, source: str, flags: int) -> None:
        self._source, self._flags = source, flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # copy and pickle ask for hooks before `__init__` ran: never compile for them
            raise AttributeError(name)
        compiled = re.compile(self._source, self._flags)
        vars(self).update((attribute, getattr(compiled, attribute)) for attribute in _ATTRIBUTES)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_pattern({self._source!r}, {self._flags!r})"


def lazy_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, compiled at its first use; for module-level expressions."""
    return _LazyPattern(source, flags)  # type: ignore[return-value]  # it answers as the compiled pattern does


_WORD_BOUNDARY = re.compile(r"\b")


def search_from_literal(pattern: re.Pattern[str], text: str, literal: str) -> re.Match[str] | None:
    r"""`pattern.search(text)` for a pattern whose every match starts with `literal`, matched only where the literal
    occurs. A pattern that opens with an assertion (`\b`, `(?<![\w.])`) gives the regular expression engine no
    literal prefix to skip ahead to, so its search tries every position of a whole source (such searches were
    the flow walk's largest regex cost on Django); `str.find` skips there instead. A match at a position still sees
    the text before it (`\b`, a lookbehind), so the answer is the search's."""
    at = text.find(literal)
    while at >= 0:
        if (match := pattern.match(text, at)) is not None:
            return match
        at = text.find(literal, at + 1)
    return None


def word_start_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    r"""The matches that `finditer` gives for `\b` followed by `pattern`: those of `pattern` that start at a word
    boundary. A leading `\b` keeps the regular expression engine from skipping ahead to the pattern's first letters
    (a search of a whole source for `\bdef\s+(\w+)` took 13 ms on Django's `query.py`, for `def\s+(\w+)` 0.07 ms), so
    the pattern is searched alone and a match that does not start at a word boundary is searched again one past it."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        if _WORD_BOUNDARY.match(text, match.start()):
            yield match
            position = max(match.end(), match.start() + 1)
        else:
            position = match.start() + 1
