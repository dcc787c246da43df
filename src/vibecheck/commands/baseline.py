"""`vibecheck baseline`: accept the findings a project has today, so that later runs report only new ones."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vibecheck.api import check_paths
from vibecheck.baseline import BaselineMatcher, baseline_location, load_baseline, shown_path, write_baseline
from vibecheck.config import load_settings
from vibecheck.errors import VibecheckError
from vibecheck.registry import load_registry
from vibecheck.reporters import render_diagnostics
from vibecheck.reporters.escaping import printable

EXIT_OK, EXIT_ERROR = 0, 2


@click.command("baseline")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=str), metavar="FILE",
              help="The baseline file to write (default: the config's `baseline`, else `.vibecheck-baseline.json` at "
                   "the project root).")
@click.option("--prune", is_flag=True, help="Only drop entries whose findings are gone; add no new ones.")
@click.option("--config", "config_file", type=click.Path(path_type=str), help="Use this configuration file.")
@click.option("--quiet", "-q", is_flag=True, help="Print no summary.")
def baseline_command(paths: tuple[str, ...], baseline_file: str | None, prune: bool, config_file: str | None,
                     quiet: bool) -> None:
    """Record today's findings in a baseline file; `vibecheck check` then reports only findings not in it.

    Entries of files outside PATHS are kept. Commit the file; rerun this command to accept findings on
    purpose, or `--prune` after fixing some. Fingerprints leave out line numbers, so edits elsewhere in a
    file do not invalidate them; a second copy of an accepted pattern is reported as new.
    """
    registry = load_registry()
    targets = list(paths) or ["."]
    try:
        settings = load_settings(targets, registry, config_file=config_file)
        path, _ = baseline_location(Path(settings.root), settings.baseline, baseline_file)
        old = load_baseline(path) if path.exists() else []
        matcher = BaselineMatcher(old, path.parent)
        report = check_paths(targets, settings, registry=registry, post_filters=[matcher])
        entries = matcher.updated(prune=prune)
        write_baseline(path, entries)
    except VibecheckError as exc:
        click.echo(f"vibecheck: error: {printable(str(exc))}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(render_diagnostics(report), err=True, nl=False)
    if not quiet:
        before, after = sum(e.count for e in old), sum(e.count for e in entries)
        click.echo(f"Wrote {printable(shown_path(path))}: {after} finding(s) in {len(entries)} entries "
                   f"(before: {before}; {report.files_checked} file(s) checked).", err=True)
    sys.exit(EXIT_ERROR if report.errors or registry.errors else EXIT_OK)
