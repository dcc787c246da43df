"""`vibecheck fix [PATHS]`: the short form of `vibecheck check --fix` (`vibecheck fix --diff` previews)."""

from __future__ import annotations

from typing import Any

import click


def fix_command(check: click.Command) -> click.Command:
    """A `fix` command with every option of `check` but `--fix`, which it always sets."""
    callback = check.callback or (lambda **options: None)

    def fix(**options: Any) -> Any:
        return callback(fix=True, **options)

    return click.Command(
        "fix", callback=fix, params=[p for p in check.params if p.name != "fix"],
        context_settings=check.context_settings,
        help="Apply the safe fixes (with --unsafe-fixes, the unsafe ones too), then report what remains; "
             "with --diff, print the fixes as a unified diff and write nothing. Short for `vibecheck check --fix`.",
        short_help="Apply fixes (short for `check --fix`); --diff previews them.",
    )
