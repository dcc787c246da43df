"""One finding a line with its hint, `path:line:col: CODE message (hint: ...)`, for coding agents.

An agent reads this text and acts on every line, so the format leaves out what would only distract it:
no colour, no summary, no source excerpt, and no notices (findings that do not fail the build). An
empty output means there is nothing to fix. Errors (a check that did not run) follow as
`path: error: ...` lines, as in the `concise` format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vibecheck.model import Finding, Report
from vibecheck.reporters.escaping import printable

if TYPE_CHECKING:
    from vibecheck.reporters import ReportContext


def finding_line(finding: Finding) -> str:
    """`path:line:col: CODE message (hint: ...)` for one finding, escaped for a terminal."""
    start = finding.location.start
    hint = f" (hint: {printable(finding.hint)})" if finding.hint else ""
    return f"{printable(finding.location.path)}:{start.line}:{start.column}: {finding.code} {printable(finding.message)}{hint}"


def render(report: Report, ctx: ReportContext) -> str:
    lines = [finding_line(f) for f in report.findings if ctx.fails_build(f)]
    lines += [f"{printable(e.path)}: error: {printable(e.rule) + ': ' if e.rule else ''}{printable(e.message)}"
              for e in report.errors]
    return "".join(line + "\n" for line in lines)
