"""The `vibecheck` command: parse options, call `vibecheck.api`, print, and map the outcome to an exit code.

Exit codes: 0 nothing at or above `--fail-on`; 1 findings; 2 usage, configuration or internal error, or a
check that did not run (`--exit-zero` turns 1 into 0, never 2). Findings go to stdout or `--output`;
progress, errors and the summary go to stderr.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from vibecheck import __version__
from vibecheck.analyzers import blocks_build, fails_build_for
from vibecheck.api import check_paths, check_source
from vibecheck.commands.adoption import AdoptionOptions, adoption_options, prepare
from vibecheck.commands.baseline import baseline_command
from vibecheck.commands.clean import clean_command
from vibecheck.commands.fix import fix_command
from vibecheck.commands.hook import hook_command
from vibecheck.commands.init import init_command
from vibecheck.commands.merge import merge_command
from vibecheck.commands.server import server_command
from vibecheck.config import FAIL_ON, Settings, cache_root, load_settings
from vibecheck.docs import TABLE_END, TABLE_START, render_markdown, rule_folder_name, with_rules_table
from vibecheck.entry import drop_script_folder
from vibecheck.errors import UsageError, VibecheckError, closest
from vibecheck.gc_tuning import tune_gc
from vibecheck.manifest import registry_for
from vibecheck.model import FileResult, Finding, Report
from vibecheck.preload import cache_turned_off_by_environment
from vibecheck.redaction import redact_known_secrets
from vibecheck.registry import Registry, load_registry
from vibecheck.reporters import FORMATS, QUIET_FORMATS, ReportContext, render, render_diagnostics, render_summary
from vibecheck.reporters.escaping import printable, printable_diff
from vibecheck.reporters.filters import CONFIDENCES, SORT_ORDERS, filtered_report, render_statistics
from vibecheck.reporters.sentences import hidden_unsafe_fixes, plural
from vibecheck.selection import ExternalCode, external_codes
from vibecheck.shards import Shard, shard_payload, with_shard_payload

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class CheckByDefault(click.Group):
    """`vibecheck PATH...` means `vibecheck check PATH...`; `vibecheck` alone checks `.`.

    A first word that is neither a command, an option, `-` nor an existing path, and does not look like a
    path, is a mistyped command: it gets a "did you mean" instead of a confusing "path not found".
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and _looks_like_command(args[0]) and args[0] not in self.commands:
            close = closest(args[0], [name for name, cmd in self.commands.items() if not cmd.hidden], cutoff=0.5)
            hint = f"; did you mean `vibecheck {close}`?" if close else "; run `vibecheck --help` for the commands"
            raise click.UsageError(f"unknown command `{args[0]}`{hint} (to check a path of that name, write `./{args[0]}`)")
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _looks_like_command(word: str) -> bool:
    return (not word.startswith("-") and word.replace("-", "").replace("_", "").isalnum()
            and not os.path.lexists(word))


def _fail(message: str) -> NoReturn:
    click.echo(f"vibecheck: error: {printable(message)}", err=True)
    sys.exit(EXIT_ERROR)


COLOR_CHOICES = ("auto", "always", "never")
_color_mode = "auto"


def _use_color(stream: Any) -> bool:
    """`--color` wins; in `auto`, a non-empty `NO_COLOR` turns colour off and `FORCE_COLOR` on, else only on a TTY."""
    if _color_mode != "auto":
        return _color_mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@click.group(cls=CheckByDefault, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vibecheck")
def cli() -> None:
    """A guardrail linter for Python written by coding agents.

    `vibecheck PATH...` is short for `vibecheck check PATH...`.
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--select", help="Check only these codes, prefixes or rule names (comma-separated; replaces the config).")
@click.option("--extend-select", help="Enable these codes, prefixes or rule names in addition.")
@click.option("--ignore", help="Disable these codes, prefixes or rule names.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), help="Lowest severity that fails the run (default: low).")
@click.option("--format", "--output-format", "-f", "fmt", type=click.Choice(sorted(FORMATS)), default="text",
              show_default=True, help="Output format of the findings.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=str), help="Write the findings to this file.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit 2).")
@click.option("--fix", is_flag=True, help="Apply safe fixes, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print the unified diff of the fixes instead of the findings, and write nothing (exit 1 if any).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: CPU count).")
@click.option("--per-file-timeout", type=click.FloatRange(min=0), metavar="SECONDS",
              help="Stop checking a file after this long and report it as an error (default: 120; 0: no limit).")
@click.option("--per-file-memory", type=click.IntRange(min=0), metavar="MIB",
              help="Stop checking a file that needs more memory and report it as an error (default: 4096; 0: no limit).")
@click.option("--exclude", help="Glob patterns to exclude (comma-separated; replaces the config).")
@click.option("--extend-exclude", help="Glob patterns to exclude in addition.")
@click.option("--force-exclude", is_flag=True, help="Apply excludes to files named on the command line too.")
@click.option("--config", "config_file", type=click.Path(path_type=str), help="Use this configuration file.")
@click.option("--no-bandit", is_flag=True, help="Do not run bandit's checks.")
@click.option("--stdin-filename", help="Read the source from stdin and report it under this path.")
@click.option("--min-severity", "--severity", "min_severity", type=click.Choice(FAIL_ON),
              help="Report only findings of this severity or higher (like bandit's -l); the rest neither print nor fail.")
@click.option("--confidence", "min_confidence", type=click.Choice(CONFIDENCES),
              help="Report only findings of this confidence or higher (like bandit's -i).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per code instead of the findings.")
@click.option("--sort", "sort_by", type=click.Choice(SORT_ORDERS), default="path", show_default=True,
              help="Order of the findings: by file and line, or most severe first.")
@click.option("--color", "color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
              help="Colour the report: `auto` on a terminal unless NO_COLOR is set (FORCE_COLOR forces it).")
@click.option("--quiet", "-q", is_flag=True, help="Print no summary or progress.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write `.vibecheck_cache/` (also: VIBECHECK_NO_CACHE=1).")
@click.option("--shard", "shard_spec", metavar="K/N",
              help="Check only part K of N of the files (a CI matrix job); with --format json, for `vibecheck merge`.")
@adoption_options
def check(paths: tuple[str, ...], select: str | None, extend_select: str | None, ignore: str | None, fail_on: str | None,
          fmt: str, output: str | None, exit_zero: bool, fix: bool, unsafe_fixes: bool, show_diff: bool, jobs: int | None,
          per_file_timeout: float | None, per_file_memory: int | None, exclude: str | None, extend_exclude: str | None,
          force_exclude: bool, config_file: str | None,
          no_bandit: bool, stdin_filename: str | None, min_severity: str | None, min_confidence: str | None,
          statistics: bool, sort_by: str, color: str, quiet: bool, adoption: AdoptionOptions,
          no_cache: bool, shard_spec: str | None) -> None:
    """Check Python files and directories (default: the current directory; `-` reads stdin)."""
    global _color_mode
    _color_mode = color
    quiet = quiet or fmt in QUIET_FORMATS
    if paths == ("-",) and not stdin_filename:
        stdin_filename = "-"
    targets = [] if stdin_filename else list(paths) or ["."]
    no_cache = no_cache or cache_turned_off_by_environment()
    cached = not (no_cache or fix or show_diff or stdin_filename)
    registry = registry_for(cache_root(targets, config_file=config_file) if cached else None)
    for problem in registry.errors:
        click.echo(f"vibecheck: error: {printable(problem)}", err=True)
    shown = len(registry.errors)  # a registry from the cache's manifest may meet a pack that fails when it loads
    if stdin_filename and (fix or show_diff):
        _fail(f"{'--diff' if show_diff else '--fix'} cannot be combined with --stdin-filename")
    if unsafe_fixes and not (fix or show_diff):
        _fail("--unsafe-fixes needs --fix or --diff")
    if stdin_filename and any(path != "-" for path in paths):
        _fail("--stdin-filename checks the source read from stdin; pass no paths with it (or `-`)")
    shard = _shard_option(shard_spec, fmt, stdin_filename, statistics)
    shard_results: list[FileResult] = []
    overrides = {
        "select": select, "extend_select": extend_select, "ignore": ignore, "fail_on": fail_on, "jobs": jobs,
        "per_file_timeout": per_file_timeout, "per_file_memory": per_file_memory,
        "exclude": _globs(exclude), "extend_exclude": _globs(extend_exclude), "force_exclude": force_exclude or None,
        "fix": fix or show_diff or None, "diff": show_diff or None, "unsafe_fixes": unsafe_fixes or None,
        "no_bandit": no_bandit or None,
        "cache": False if no_cache else None,
    }
    try:
        settings = load_settings(targets or [stdin_filename or "."], registry, config_file=config_file, overrides=overrides)
        adopted = prepare(adoption, settings, registry, stdin=bool(stdin_filename))
        if stdin_filename:
            source = sys.stdin.buffer.read()
            report = check_source(source, stdin_filename, settings, registry=registry)
            adopted.filter_source(report, stdin_filename, source)
        else:
            report = _check_with_progress(targets, settings, registry, quiet, post_filters=adopted.filters,
                                          only=adopted.only, shard=shard, shard_results=shard_results if shard else None)
        if shard is None:  # a shard sees part of the files: the baseline's stale entries are for the merge to judge
            adopted.finish(report)
    except VibecheckError as exc:
        _fail(str(exc))
    if show_diff:
        _finish_diff(report, output, quiet, exit_zero, plugin_errors=bool(registry.errors), unsafe_fixes=settings.unsafe_fixes)
    fails_build = fails_build_for(settings)
    report = filtered_report(report, min_severity, min_confidence, sort_by)
    if statistics:
        _emit_text(render_statistics(report, fmt, fails_build), output)
    elif shard is not None:
        payload = shard_payload(shard, settings, shard_results, targets if adopted.only is None else [], report.warnings)
        _emit_text(with_shard_payload(_rendered(report, fmt, output, registry, str(settings.root), fails_build),
                                      payload), output)
    else:
        _emit(report, fmt, output, registry, str(settings.root), fails_build, unsafe_fixes=settings.unsafe_fixes)
    if not quiet and not stdin_filename and report.files_checked == 0 and not report.errors:
        nothing = adopted.nothing_changed or f"no Python files to check in {', '.join(targets)} (none found, or all excluded)"
        click.echo(f"vibecheck: warning: {printable(nothing)}", err=True)
    if not quiet:
        if report.fixed_files:
            click.echo(f"Fixed {plural(report.fixes_applied, 'finding')} in {len(report.fixed_files)} file(s): "
                       f"{printable(', '.join(report.fixed_files))}", err=True)
        ctx = ReportContext(registry, _use_color(sys.stderr), None, __version__, str(settings.root), fails_build,
                            unsafe_fixes=settings.unsafe_fixes)
        click.echo(render_summary(report, ctx), err=True, nl=False, color=True)
    click.echo(render_diagnostics(report), err=True, nl=False)
    for problem in registry.errors[shown:]:
        click.echo(f"vibecheck: error: {printable(problem)}", err=True)
    sys.exit(exit_code(report, settings.fail_on.rank, exit_zero, plugin_errors=bool(registry.errors), settings=settings))


def _finish_diff(report: Report, output: str | None, quiet: bool, exit_zero: bool, *, plugin_errors: bool,
                 unsafe_fixes: bool) -> NoReturn:
    """`--diff`, as ruff: the fixes' unified diffs on stdout (nothing written), a count on stderr, exit 1 if any."""
    _emit_text("".join(printable_diff(redact_known_secrets(diff)) for diff in report.diffs.values()), output)
    if not quiet:
        hidden = 0 if unsafe_fixes else hidden_unsafe_fixes(report.findings)
        more = f" ({plural(hidden, 'more fix', 'more fixes')} with --unsafe-fixes)" if hidden else ""
        done = f"Would fix {plural(report.fixes_applied, 'finding')} in {plural(len(report.diffs), 'file')}" \
            if report.diffs else "No fixes to apply"
        click.echo(f"{done}{more}.", err=True)
    click.echo(render_diagnostics(report), err=True, nl=False)
    if report.errors or plugin_errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if report.diffs and not exit_zero else EXIT_OK)


def exit_code(report: Report, fail_rank: int, exit_zero: bool, *, plugin_errors: bool = False,
              settings: Any = None) -> int:
    """0/1/2 as documented; an analyzer decides which of its findings may fail the run (bandit's low-confidence
    findings are reported but do not fail unless configured)."""
    if report.errors or plugin_errors:
        return EXIT_ERROR
    settings = settings or Settings()
    if not exit_zero and any(f.severity.rank >= fail_rank and blocks_build(f, settings) for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def _globs(value: str | None) -> tuple[str, ...] | None:
    return tuple(p.strip() for p in value.split(",") if p.strip()) if value else None


def _shard_option(spec: str | None, fmt: str, stdin_filename: str | None, statistics: bool) -> Shard | None:
    if spec is None:
        return None
    if fmt != "json" or statistics:
        _fail("--shard writes the JSON report that `vibecheck merge` reads; add --format json (merge writes any format)")
    if stdin_filename:
        _fail("--shard splits the files of a tree; it cannot be combined with --stdin-filename")
    try:
        return Shard.parse(spec)
    except UsageError as exc:
        _fail(str(exc))


def _check_with_progress(paths: Sequence[str], settings: Any, registry: Registry, quiet: bool,
                         **options: Any) -> Report:
    if quiet or not sys.stderr.isatty():
        return check_paths(paths, settings, registry=registry, **options)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("files"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True, no_color=not _use_color(sys.stderr)), transient=True) as bar:
        task = bar.add_task("checking", total=None)
        return check_paths(paths, settings, registry=registry, progress=lambda n: bar.advance(task, n),
                           on_files=lambda total: bar.update(task, total=total), **options)


def _emit(report: Report, fmt: str, output: str | None, registry: Registry, root: str,
          fails_build: Callable[[Finding], bool], *, unsafe_fixes: bool = False) -> None:
    _emit_text(_rendered(report, fmt, output, registry, root, fails_build, unsafe_fixes=unsafe_fixes), output)


def _rendered(report: Report, fmt: str, output: str | None, registry: Registry, root: str,
              fails_build: Callable[[Finding], bool], *, unsafe_fixes: bool = False) -> str:
    to_terminal = output is None and _use_color(sys.stdout)
    width = shutil.get_terminal_size().columns if output is None and sys.stdout.isatty() else None
    return render(fmt, report, ReportContext(registry, to_terminal, width, __version__, root, fails_build,
                                             unsafe_fixes=unsafe_fixes))


def _emit_text(text: str, output: str | None) -> None:
    if output is None:
        try:
            click.echo(text, nl=False, color=True)  # colour was decided by `_use_color`; click would strip it off a TTY
            sys.stdout.flush()
        except OSError as exc:  # a full disk, a closed pipe: say so, and do not fail again at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            _fail(f"cannot write the report to stdout: {exc.strerror or exc}")
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"{output}: cannot write the report: {exc.strerror}")


cli.add_command(baseline_command)
cli.add_command(hook_command)
cli.add_command(init_command)
cli.add_command(fix_command(check))


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_command(fmt: str) -> None:
    """List every rule: code, name, category, severity, fixable, enabled by default."""
    registry = load_registry()
    rows: list[dict[str, Any]] = [{"code": r.code, "name": r.name, "category": r.category.value, "severity": r.severity.value,
             "fixable": r.fixable, "default_enabled": r.default_enabled, "summary": r.summary(), "source": "vibecheck"}
            for r in registry.rules]
    rows += [{"code": e.code, "name": e.name, "category": "security", "severity": None, "fixable": False,
              "default_enabled": e.default_enabled, "summary": e.summary, "source": e.tool}
             for e in sorted(external_codes().values(), key=lambda e: e.code)]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table("code", "name", "category", "severity", "fixable", "default")
        for row in rows:
            table.add_row(row["code"], row["name"], row["category"], row["severity"] or "-",
                          "yes" if row["fixable"] else "no", "yes" if row["default_enabled"] else "no")
        Console(no_color=not _use_color(sys.stdout), width=None if sys.stdout.isatty() else 120).print(table)
    for problem in registry.errors:
        click.echo(f"vibecheck: error: {problem}", err=True)
    sys.exit(EXIT_ERROR if registry.errors else EXIT_OK)


@cli.command("rule")
@click.argument("code_or_name")
def rule_command(code_or_name: str) -> None:
    """Show one rule's documentation (e.g. `vibecheck rule VC101` or `vibecheck rule swallowed-exception`)."""
    registry = load_registry()
    rule = registry.lookup(code_or_name)
    if rule is None:
        external = external_codes().get(code_or_name.upper())
        if external is not None:
            _print_markdown(external_rule_markdown(external))
            sys.exit(EXIT_OK)
        choices = [r.code for r in registry.rules] + [r.name for r in registry.rules]
        close = closest(code_or_name, choices, cutoff=0.5)
        hint = registry.unloaded_hint() or (f"; did you mean `{close}`?" if close else "; run `vibecheck rules`")
        _fail(f"unknown rule `{code_or_name}`{hint}")
    _print_markdown(render_markdown(rule))


def _print_markdown(text: str) -> None:
    from rich.console import Console
    from rich.markdown import Markdown

    console = Console(no_color=not _use_color(sys.stdout), width=None if sys.stdout.isatty() else 100)
    console.print(Markdown(text))


def external_rule_markdown(external: ExternalCode) -> str:
    """A page for another tool's check (bandit's `B602`) with the same facts a vibecheck rule's page gives."""
    facts = [
        f"- **Tool**: {external.tool}, run inside vibecheck",
        f"- **Severity**: {external.severity or 'set per finding'} (the tool's default; a finding may say otherwise)",
        f"- **Confidence**: set by {external.tool} per finding; low-confidence findings are reported but do not fail the build",
        f"- **CWE**: {', '.join(f'CWE-{n}' for n in external.cwe) or 'none given'}",
        f"- **Enabled by default**: {'yes' if external.default_enabled else 'no (a notice; select it by code)'}",
    ]
    if external.help_uri:
        facts.append(f"- **Documentation**: {external.help_uri}")
    sections = [f"# {external.code} `{external.name}`", external.summary, "\n".join(facts)]
    if external.docs:
        sections += ["## What it does", external.docs]
    if external.hint:
        sections += ["## What to do", external.hint]
    return "\n\n".join(sections) + "\n"


@cli.command("docs", hidden=True)
@click.option("--check", "check_only", is_flag=True, help="Do not write; exit 1 when a page or the README table is stale.")
@click.option("--rules-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("rules"), show_default=True)
@click.option("--readme", type=click.Path(dir_okay=False, path_type=Path),
              help="README holding the rule table between its rules-table markers [default: README.md beside the rules dir; "
                   "skipped if that file does not exist].")
def docs_command(check_only: bool, rules_dir: Path, readme: Path | None) -> None:
    """Maintainers: write (or check) `rules/<CODE>-<name>/README.md` and the README's rule table from the docstrings.

    It refuses to run outside a checkout of vibecheck itself, so it never writes a `rules/` folder into a user's project.
    """
    readme = readme or rules_dir.parent / "README.md"
    if not _is_vibecheck_checkout(rules_dir.parent):
        _fail(f"`vibecheck docs` is a maintainer command of the vibecheck repository; {rules_dir.parent.resolve()} is not "
              "a checkout of it (use `vibecheck rule CODE` to read a rule's documentation)")
    builtin = load_registry().builtin_rules
    stale = []
    for rule in builtin:
        target = rules_dir / rule_folder_name(rule) / "README.md"
        text = render_markdown(rule)
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        stale.append(target)
        if not check_only:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    table_stale = _update_readme_table(readme, builtin, write=not check_only)
    verb = "stale or missing" if check_only else "written"
    for target in stale:
        click.echo(f"{verb}: {target}", err=True)
    click.echo(f"{len(stale)} of {len(builtin)} rule page(s) {verb}.", err=True)
    if table_stale:
        click.echo(f"{'stale' if check_only else 'written'}: the rule table in {readme}", err=True)
    sys.exit(EXIT_FINDINGS if check_only and (stale or table_stale) else EXIT_OK)


def _is_vibecheck_checkout(folder: Path) -> bool:
    """A folder whose `pyproject.toml` names this distribution and that holds its sources."""
    pyproject = folder / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return 'name = "vibecheck-lint"' in text and (folder / "src" / "vibecheck").is_dir()


def _update_readme_table(readme: Path, rules: list[Any], *, write: bool) -> bool:
    """Whether the README's generated rule table differs from the rules (rewriting it when `write`)."""
    if not readme.is_file():
        return False
    current = readme.read_text(encoding="utf-8")
    if TABLE_START not in current or TABLE_END not in current:
        _fail(f"{readme}: the markers {TABLE_START} and {TABLE_END} are missing; add them where the rule table goes")
    fresh = with_rules_table(current, rules)
    if fresh == current:
        return False
    if write:
        readme.write_text(fresh, encoding="utf-8")
    return True


cli.add_command(clean_command)
cli.add_command(merge_command)
cli.add_command(server_command)


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: click's usage errors become one line on stderr and exit code 2."""
    drop_script_folder()
    tune_gc()
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="vibecheck", standalone_mode=False)
    except click.ClickException as exc:
        _fail(exc.format_message())
    except click.Abort:
        click.echo("vibecheck: aborted", err=True)
        sys.exit(130)
    except UsageError as exc:
        _fail(str(exc))
    sys.exit(EXIT_OK)
