"""`vibecheck clean`: remove the result cache, as `ruff clean` does."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vibecheck.cache import cache_folder, clear
from vibecheck.config import load_settings
from vibecheck.errors import VibecheckError
from vibecheck.registry import load_registry
from vibecheck.reporters.escaping import printable


@click.command("clean")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--config", "config_file", type=click.Path(path_type=str), help="Use this configuration file.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing.")
def clean_command(paths: tuple[str, ...], config_file: str | None, quiet: bool) -> None:
    """Remove `.vibecheck_cache/` from the project root that `vibecheck check PATH...` would use (default: `.`)."""
    roots: set[Path] = set()
    try:
        for target in paths or (".",):
            roots.add(Path(load_settings([target], load_registry(), config_file=config_file).root))
    except VibecheckError as exc:
        click.echo(f"vibecheck: error: {printable(str(exc))}", err=True)
        sys.exit(2)
    for root in sorted(roots):
        try:
            removed = clear(root)
        except OSError as exc:
            click.echo(f"vibecheck: error: {printable(str(cache_folder(root)))}: cannot remove it: {exc.strerror}", err=True)
            sys.exit(2)
        if not quiet:
            verb = "Removed" if removed else "No cache at"
            click.echo(f"{verb} {printable(str(cache_folder(root)))}", err=True)
    sys.exit(0)
