"""GitHub Actions workflow commands, so findings show up as annotations on the pull request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vibecheck.model import Report, Severity
from vibecheck.reporters.escaping import printable
from vibecheck.reporters.sentences import message_and_hint

if TYPE_CHECKING:
    from vibecheck.reporters import ReportContext

LEVELS = {Severity.HIGH: "error", Severity.MEDIUM: "error", Severity.LOW: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    """Workflow-command data: `%`, CR and LF encoded as GitHub decodes them, other controls shown as escapes."""
    return printable(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, ctx: ReportContext) -> str:
    lines = []
    for f in report.findings:
        loc = f.location
        properties = ",".join([
            f"file={_escape_property(loc.path)}",
            f"line={loc.start.line}",
            f"col={loc.start.column}",
            f"endLine={loc.end.line}",
            f"endColumn={loc.end.column}",
            f"title={_escape_property(f'{f.code} {f.name}')}",
        ])
        text = message_and_hint(f)
        lines.append(f"::{LEVELS[f.severity]} {properties}::{_escape_data(text)}")
    for e in report.errors:
        what = f"{e.rule}: " if e.rule else ""
        lines.append(f"::error file={_escape_property(e.path)},title=vibecheck error::{_escape_data(what + e.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
