"""`vibecheck hook`: check the file a coding agent just edited, called by the agent's post-edit hook.

The agent sends a JSON payload on stdin: Claude Code's PostToolUse event (`tool_name` Edit, MultiEdit or
Write, `tool_input.file_path`), or a flat `{"file_path": ...}` as Cursor's and similar hooks send. The
file is checked with its project's configuration (found from the file's folder), its excludes and its
baseline, as pre-commit's hook does: findings the project accepted are not fed back to the agent. Exit
codes follow Claude Code's hook protocol, not vibecheck's usual ones:

- 0, silent: nothing to fix, or nothing to do (not a Python file, a tool that does not edit, a payload
  this hook does not understand, a file that no longer exists or is excluded);
- 2: findings that fail the build, one a line with its hint on stderr, which Claude Code shows the model;
- 1: vibecheck itself failed (a configuration error, a check that did not run): stderr goes to the user,
  and the agent is not blocked by a problem it did not cause.

A hook that no resident server ran starts one in the background once it has answered (`vibecheck.entry`), so
the hooks after it skip the imports.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from vibecheck import __version__
from vibecheck.analyzers import fails_build_for
from vibecheck.api import check_paths
from vibecheck.commands.adoption import AdoptionOptions, prepare
from vibecheck.config import cache_root, load_settings
from vibecheck.errors import VibecheckError
from vibecheck.manifest import registry_for
from vibecheck.reporters import ReportContext, render, render_diagnostics
from vibecheck.reporters.escaping import printable

EXIT_CLEAN, EXIT_NOT_CHECKED, EXIT_FEEDBACK = 0, 1, 2
EDIT_TOOLS = frozenset({"Edit", "MultiEdit", "Write"})
PYTHON_SUFFIXES = (".py", ".pyi")


def edited_file(payload: Any) -> str | None:
    """The file a post-edit payload names, or None when it names none or comes from a tool that does not edit."""
    if not isinstance(payload, dict):
        return None
    tool = payload.get("tool_name")
    if tool is not None:
        tool_input = payload.get("tool_input")
        path = tool_input.get("file_path") if tool in EDIT_TOOLS and isinstance(tool_input, dict) else None
    else:
        path = payload.get("file_path")
    return path if isinstance(path, str) and path else None


def _payload() -> Any:
    try:
        return json.loads(sys.stdin.buffer.read())
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested past the parser's limit
        return None


@click.command("hook")
def hook_command() -> None:
    """Check the file named by a coding agent's post-edit hook payload on stdin (Claude Code's PostToolUse).

    Exit 2 with the findings on stderr when the file has problems to fix (Claude Code shows them to the
    model); exit 0, silently, when it has none or the payload names no Python file.
    """
    payload = _payload()
    name = edited_file(payload)
    if name is None or not name.endswith(PYTHON_SUFFIXES):
        sys.exit(EXIT_CLEAN)
    base = payload.get("cwd")  # Claude Code sends absolute paths; a relative one is taken from the agent's folder
    path = Path(base if isinstance(base, str) and os.path.isdir(base) else ".", name).resolve()
    if not path.is_file():
        sys.exit(EXIT_CLEAN)
    registry = registry_for(cache_root([str(path)]))
    try:
        settings = load_settings([str(path)], registry, overrides={"force_exclude": True})
        adopted = prepare(AdoptionOptions(), settings, registry, stdin=False)  # the project's baseline, if it has one
        report = check_paths([str(path)], settings, registry=registry, post_filters=adopted.filters)
    except VibecheckError as exc:
        click.echo(f"vibecheck: error: {printable(str(exc))}", err=True)
        sys.exit(EXIT_NOT_CHECKED)
    fails_build = fails_build_for(settings)
    failing = [f for f in report.findings if fails_build(f)]
    if failing:
        where = failing[0].location.path
        lead = f"vibecheck: {len(failing)} problem{'' if len(failing) == 1 else 's'} to fix in {printable(where)}:\n"
        ctx = ReportContext(registry, False, None, __version__, str(settings.root), fails_build)
        findings_only = replace(report, errors=[])  # the errors are named once, by the diagnostics below
        click.echo(lead + render("agent", findings_only, ctx), err=True, nl=False)
    if not failing and not report.errors and not registry.errors:
        sys.exit(EXIT_CLEAN)
    problems = "".join(f"vibecheck: error: {printable(p)}\n" for p in registry.errors)
    click.echo(problems + render_diagnostics(report), err=True, nl=False)
    sys.exit(EXIT_FEEDBACK if failing else EXIT_NOT_CHECKED)
