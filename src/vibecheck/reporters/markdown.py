"""A Markdown report for `$GITHUB_STEP_SUMMARY`, a pull-request comment or a merge-request note.

Findings are grouped by file, one table a file (line, severity, code, message, hint), after a one-line
tally. Text from the checked tree (paths, messages that quote code) is escaped so that it can neither
break a table, nor open HTML, a link or emphasis: outside code spans every Markdown-special character
gets a backslash; inside them only `|`, which GitHub's tables would split on. The report is cut to
GitHub's 1 MiB limit for a step summary, with a line saying how many findings and errors were left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vibecheck.model import Finding, Report
from vibecheck.reporters.escaping import printable

if TYPE_CHECKING:
    from vibecheck.reporters import ReportContext

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&@$^])")
LIMIT = 1024 * 1024  # bytes: GitHub rejects a step summary (`$GITHUB_STEP_SUMMARY`) over 1 MiB
_NOTICE_ROOM = 400  # bytes kept for the truncation notice
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
    """The report, cut to `LIMIT` bytes with a line that says what was left out (a step summary over it fails)."""
    head = f"## vibecheck\n\n{_tally(report, ctx)}\n"
    budget = LIMIT - len(head.encode()) - _NOTICE_ROOM
    errors, errors_shown = _fit(_error_chunks(report), budget // 2)  # errors (checks that did not run) keep room
    findings, findings_shown = _fit(_finding_chunks(report, ctx), budget - _size(errors))
    notice = ""
    if findings_shown < len(report.findings) or errors_shown < len(report.errors):
        notice = (f"\n**Truncated** to stay within GitHub's 1 MiB limit for a step summary: "
                  f"{findings_shown:,} of {len(report.findings):,} findings and {errors_shown:,} of "
                  f"{len(report.errors):,} errors are shown. `--format json --output FILE` writes them all.\n")
    return head + notice + findings + errors



def _finding_chunks(report: Report, ctx: ReportContext) -> list[tuple[str, int]]:
    """(Markdown, findings in it): each file's heading with its first row, then one chunk a row."""
    by_file: dict[str, list[Finding]] = {}  # files in the report's order (most severe first with `--sort severity`)
    for finding in report.findings:
        by_file.setdefault(finding.location.path, []).append(finding)
    chunks = []
    for path, findings in by_file.items():
        rows = [_row(f, ctx) for f in findings]
        chunks.append((f"\n### {escape_text(path)}\n\n{_HEADER}{rows[0]}", 1))
        chunks += [(row, 1) for row in rows[1:]]
    return chunks


def _error_chunks(report: Report) -> list[tuple[str, int]]:
    if not report.errors:
        return []
    items = [(f"- {escape_text(e.path)}: {escape_text(e.rule) + ': ' if e.rule else ''}{escape_prose(e.message)}\n", 1)
             for e in report.errors]
    first, count = items[0]
    return [("\n### Errors (checks that did not run)\n\n" + first, count), *items[1:]]


def _fit(chunks: list[tuple[str, int]], budget: int) -> tuple[str, int]:
    """The leading chunks that fit in `budget` bytes, joined, and how many items they hold."""
    kept, used, items = [], 0, 0
    for text, count in chunks:
        size = _size(text)
        if used + size > budget:
            break
        kept.append(text)
        used += size
        items += count
    return "".join(kept), items


def _size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))
