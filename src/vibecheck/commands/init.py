"""`vibecheck init`: add a commented `[tool.vibecheck]` table to `pyproject.toml` and print the set-up snippets.

It appends the table and changes no other byte of the file (a missing final newline is added before the
table), creates `pyproject.toml` if there is none, and writes nothing when a configuration exists already
(`[tool.vibecheck]` in `pyproject.toml`, or a `vibecheck.toml`): like `poetry init`, it then says so and
exits 1. `--baseline` then runs `vibecheck baseline` on the folder, so the first CI run is green. The
snippets (pre-commit, GitHub Actions, the Claude Code hook, `AGENTS.md`) name the repository and commit
vibecheck was installed from when pip recorded a git URL (PEP 610's `direct_url.json`), else the
`OWNER/vibecheck` placeholder that the README explains.
"""

from __future__ import annotations

import json
import re
import sys
from importlib import metadata
from pathlib import Path

import click

from vibecheck.commands.baseline import baseline_command
from vibecheck.reporters.escaping import printable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

DISTRIBUTION = "vibecheck-lint"
PLACEHOLDER_REPO, PLACEHOLDER_REV = "https://github.com/OWNER/vibecheck", "<full commit sha of OWNER/vibecheck>"
GITHUB_URL = re.compile(r"^https://github\.com/(?P<slug>[\w.-]+/[\w.-]+?)(?:\.git)?/?$")

TABLE = """\
[tool.vibecheck]
# vibecheck's settings; every key is optional and the commented values are the defaults. Command-line
# flags beat them; an unknown key or rule code is an error, so a typo cannot switch a check off.
fail-on = "low"                        # info | low | medium | high: the lowest severity that fails a run
# select = []                          # replaces the default rule set (codes, prefixes such as "VC2", rule names)
# extend-select = []                   # adds rules, e.g. previews: ["VC301"]
# ignore = []                          # switches rules off
# extend-exclude = []                  # gitignore-style patterns to skip (.gitignore is honoured anyway)
# test-paths = ["tests/", "test_*.py", "*_test.py", "conftest.py"]

# [tool.vibecheck.per-file-ignores]
# "scripts/*" = ["VC1"]
"""

SNIPPETS = """\
--- .pre-commit-config.yaml ---
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: vibecheck

--- .github/workflows/vibecheck.yml ---
name: vibecheck
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
  security-events: write
jobs:
  vibecheck:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: {action}@{rev}

--- .claude/settings.json (Claude Code: check every file the agent edits) ---
{hook}
--- AGENTS.md or CLAUDE.md ---
After you change Python code, run `vibecheck --format agent` on the files you changed and fix every line it
prints before you say you are done; each line ends with a hint that says what to do. Do not silence a
finding to get a clean run: if one is wrong for this code, suppress that code on that line with the reason
(`# vibecheck: ignore[VC101] -- why`).
"""

CLAUDE_HOOK = {"hooks": {"PostToolUse": [{"matcher": "Edit|MultiEdit|Write",
                                          "hooks": [{"type": "command", "command": "vibecheck hook"}]}]}}


def installed_from() -> tuple[str, str]:
    """The git repository and commit pip installed vibecheck from, or the README's placeholders."""
    try:
        recorded = json.loads(metadata.distribution(DISTRIBUTION).read_text("direct_url.json") or "null")
    except (metadata.PackageNotFoundError, ValueError):
        recorded = None
    if isinstance(recorded, dict) and isinstance(recorded.get("vcs_info"), dict):
        url, commit = recorded.get("url"), recorded["vcs_info"].get("commit_id")
        if isinstance(url, str) and GITHUB_URL.match(url) and isinstance(commit, str) and re.fullmatch(r"[0-9a-f]{40}", commit):
            return url, commit
    return PLACEHOLDER_REPO, PLACEHOLDER_REV


def snippets(repo: str, rev: str) -> str:
    match = GITHUB_URL.match(repo)
    action = match["slug"] if match else "OWNER/vibecheck"
    return SNIPPETS.format(repo=repo, rev=rev, action=action, hook=json.dumps(CLAUDE_HOOK, indent=2) + "\n")


def _existing_config(folder: Path, pyproject: Path) -> str | None:
    """Which file already configures vibecheck here, or None; an unreadable pyproject.toml is a usage error."""
    if (folder / "vibecheck.toml").is_file():
        return "vibecheck.toml"
    if not pyproject.is_file():
        return None
    try:
        data = tomllib.loads(pyproject.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise click.UsageError(f"{pyproject}: not valid TOML ({exc}); fix it, then run `vibecheck init` again") from exc
    return "pyproject.toml" if isinstance(data.get("tool"), dict) and "vibecheck" in data["tool"] else None


def _with_table(existing: bytes) -> bytes:
    """The file's bytes unchanged, then the table, in the file's own line endings."""
    newline = b"\r\n" if b"\r\n" in existing else b"\n"
    table = TABLE.encode("utf-8").replace(b"\n", newline)
    if not existing:
        return table
    separator = newline if existing.endswith(b"\n") else newline * 2
    return existing + separator + table


@click.command("init")
@click.argument("folder", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--baseline", "with_baseline", is_flag=True,
              help="Also write the baseline of today's findings (`vibecheck baseline`), so the first CI run is green.")
@click.pass_context
def init_command(ctx: click.Context, folder: Path, with_baseline: bool) -> None:
    """Add a commented [tool.vibecheck] table to FOLDER/pyproject.toml and print the pre-commit, CI and agent snippets.

    An existing configuration is never changed: init then says so and exits 1.
    """
    pyproject = folder / "pyproject.toml"
    existing = _existing_config(folder, pyproject)
    if existing is not None:
        click.echo(f"vibecheck: {printable(str(folder / existing))} already configures vibecheck; nothing written "
                   "(edit that table, or remove it to start over; `vibecheck baseline` writes a baseline)", err=True)
        sys.exit(1)
    before = pyproject.read_bytes() if pyproject.is_file() else b""
    try:
        pyproject.write_bytes(_with_table(before))
    except OSError as exc:
        raise click.UsageError(f"{pyproject}: cannot write: {exc.strerror}") from exc
    verb = "Added a [tool.vibecheck] table to" if before else "Created"
    click.echo(f"{verb} {printable(str(pyproject))}. Set-up snippets for the files named below:\n", err=True)
    click.echo(snippets(*installed_from()), nl=False)
    if with_baseline:
        ctx.invoke(baseline_command, paths=(str(folder),), baseline_file=None, prune=False, config_file=None, quiet=False)
