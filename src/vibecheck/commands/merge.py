"""`vibecheck merge`: join the JSON reports of `check --shard K/N` jobs into the report of the whole run.

The shards' results (findings before filtering, suppressions, facts) go through the project phase and the
filter stage once, here, so project rules see every file's facts, exactly as in an unsharded run. Run it
in a checkout of the same tree, with the same configuration and selection flags as the shards; the
baseline and `--since`/`--staged` apply here as in `check`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from vibecheck.analyzers import fails_build_for
from vibecheck.commands.adoption import AdoptionOptions, adoption_options, prepare
from vibecheck.config import FAIL_ON, load_settings
from vibecheck.errors import VibecheckError
from vibecheck.indexing import plan_index
from vibecheck.pipeline import Pipeline
from vibecheck.registry import load_registry
from vibecheck.reporters import FORMATS
from vibecheck.run_start import start_run
from vibecheck.runner import collect
from vibecheck.shards import load_shards


@click.command("merge")
@click.argument("reports", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
@click.option("--select", help="As given to the shards (the merge refuses shards checked with other settings).")
@click.option("--extend-select", help="As given to the shards.")
@click.option("--ignore", help="As given to the shards.")
@click.option("--no-bandit", is_flag=True, help="As given to the shards.")
@click.option("--config", "config_file", type=click.Path(path_type=str), help="Use this configuration file.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), help="Lowest severity that fails the run (default: low).")
@click.option("--format", "--output-format", "-f", "fmt", type=click.Choice(sorted(FORMATS)), default="text",
              show_default=True, help="Output format of the merged findings.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=str), help="Write the findings to this file.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit 2).")
@click.option("--quiet", "-q", is_flag=True, help="Print no summary.")
@adoption_options
def merge_command(reports: tuple[str, ...], select: str | None, extend_select: str | None, ignore: str | None,
                  no_bandit: bool, config_file: str | None, fail_on: str | None, fmt: str, output: str | None,
                  exit_zero: bool, quiet: bool, adoption: AdoptionOptions) -> None:
    """Merge the reports of `vibecheck check --shard K/N --format json` jobs (every shard once) into one report."""
    from vibecheck import cli  # the command line's rendering and exit codes; cli imports this module

    start_run()  # the tree as it is now, also in a resident server's child
    registry = load_registry()
    overrides = {"select": select, "extend_select": extend_select, "ignore": ignore, "fail_on": fail_on,
                 "no_bandit": no_bandit or None}
    try:
        settings = load_settings(["."], registry, config_file=config_file, overrides=overrides)
        shards = load_shards(reports, settings)
        adopted = prepare(adoption, settings, registry, stdin=False)
        pipeline = Pipeline(settings, registry)
        pipeline.post_filters.extend(adopted.filters)
        root = Path(settings.root)
        walked = [root / folder for folder in shards.walked]
        index = plan_index(pipeline, {os.path.abspath(root / relative) for relative in shards.relative.values()},
                           walked=walked)
        if index is not None:
            index.read_here(index.pending())
        report = collect(pipeline, shards.results, shards.relative, index=index, walked=walked)
        adopted.finish(report)
    except VibecheckError as exc:
        cli._fail(str(exc))
    report.warnings[:0] = shards.warnings
    fails_build = fails_build_for(settings)
    cli._emit(report, fmt, output, registry, str(settings.root), fails_build)
    if not quiet:
        ctx = cli.ReportContext(registry, cli._use_color(sys.stderr), None, cli.__version__, str(settings.root), fails_build)
        click.echo(cli.render_summary(report, ctx), err=True, nl=False, color=True)
    click.echo(cli.render_diagnostics(report), err=True, nl=False)
    sys.exit(cli.exit_code(report, settings.fail_on.rank, exit_zero, plugin_errors=bool(registry.errors), settings=settings))
