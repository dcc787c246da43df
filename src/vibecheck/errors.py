"""Errors that end a run with exit code 2 and a one-line reason."""

from __future__ import annotations

from collections.abc import Sequence


class VibecheckError(Exception):
    """A problem the user must fix before anything can be checked; `str()` is the one-line reason."""


class ConfigError(VibecheckError):
    """A configuration file or option that is invalid (unknown key, unknown code, bad value, broken TOML)."""


def closest(word: str, choices: Sequence[str], cutoff: float = 0.6) -> str | None:
    """The choice nearest to a mistyped word, if one is near enough (difflib loads only when a word is wrong)."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return close[0] if close else None


class UsageError(VibecheckError):
    """Options that cannot be combined, or a path that does not exist."""
