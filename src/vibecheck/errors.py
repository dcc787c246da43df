"""Errors that end a run with exit code 2 and a one-line reason."""

from __future__ import annotations


class VibecheckError(Exception):
    """A problem the user must fix before anything can be checked; `str()` is the one-line reason."""


class ConfigError(VibecheckError):
    """A configuration file or option that is invalid (unknown key, unknown code, bad value, broken TOML)."""


class UsageError(VibecheckError):
    """Options that cannot be combined, or a path that does not exist."""
