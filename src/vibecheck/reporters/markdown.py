"""A Markdown report for `$GITHUB_STEP_SUMMARY`, a pull-request comment or a merge-request note.

Findings are grouped by file, one table a file (line, severity, code, message, hint), after a one-line
tally. Text from the checked tree (paths, messages that quote code) is escaped so that it can neither
break a table, nor open HTML, a link or emphasis: outside code spans every Markdown-special character
gets a backslash; inside them only `|`, which GitHub's tables would split on.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vibecheck.model import Finding, Report
from vibecheck.reporters.escaping import printable

if TYPE_CHECKING:
    from vibecheck.reporters import ReportContext

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&@$^])")
_HEADER = "| line | severity | code | message | hint |\n|---:|---|---|---|---|\n"


def escape_text(text: str) -> str:
    """Plain text safe in a Markdown table cell: one line, every special character backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", printable(text))


def escape_prose(text: str) -> str:
    """A message or hint whose `backticked` parts stay code spans; the rest is escaped as plain text."""
    parts = printable(text).split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: no code spans at all
        return escape_text(text)
    return "".join(escape_text(part) if i % 2 == 0 else f"`{part.replace('|', chr(92) + '|')}`"
                   for i, part in enumerate(parts))


def _row(finding: Finding, ctx: ReportContext) -> str:
    start = finding.location.start
    severity = finding.severity.value + ("" if ctx.fails_build(finding) else " (notice)")
    hint = escape_prose(finding.hint) if finding.hint else ""
    return (f"| {start.line}:{start.column} | {severity} | {escape_text(finding.code)} | "
            f"{escape_prose(finding.message)} | {hint} |\n")


def _tally(report: Report, ctx: ReportContext) -> str:
    files = {f.location.path for f in report.findings}
    failing = sum(1 for f in report.findings if ctx.fails_build(f))
    checked = f"{report.files_checked} file{'' if report.files_checked == 1 else 's'} checked"
    if not report.findings:
        return f"No findings ({checked})."
    return (f"{len(report.findings)} finding{'' if len(report.findings) == 1 else 's'} in {len(files)} "
            f"file{'' if len(files) == 1 else 's'} ({checked}); {failing} fail{'s' if failing == 1 else ''} the build.")


def render(report: Report, ctx: ReportContext) -> str:
    parts = ["## vibecheck\n\n", _tally(report, ctx), "\n"]
    by_file: dict[str, list[Finding]] = {}  # files in the report's order (most severe first with `--sort severity`)
    for finding in report.findings:
        by_file.setdefault(finding.location.path, []).append(finding)
    for path, findings in by_file.items():
        parts += ["\n### ", escape_text(path), "\n\n", _HEADER, *(_row(f, ctx) for f in findings)]
    if report.errors:
        parts.append("\n### Errors (checks that did not run)\n\n")
        parts += [f"- {escape_text(e.path)}: {escape_text(e.rule) + ': ' if e.rule else ''}{escape_prose(e.message)}\n"
                  for e in report.errors]
    return "".join(parts)
