"""The terminal report: findings grouped by file, each with its code frame, message and hint."""

from __future__ import annotations

import io
import re
from collections import Counter
from itertools import groupby
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from vibecheck.model import Finding, Report, Severity

if TYPE_CHECKING:
    from vibecheck.reporters import ReportContext

# A string literal that a rule or the engine masked in the displayed line: its length no longer matches the columns.
_MASKED_LITERAL = re.compile(r"""[rRbBuUfF]{0,2}(?P<q>["'])[^"']*?(?:\*\*\*\*|<redacted>)[^"']*?(?P=q)""")
STYLES = {Severity.HIGH: "bold red", Severity.MEDIUM: "red", Severity.LOW: "yellow", Severity.INFO: "cyan"}


def _console(ctx: ReportContext) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=ctx.color, no_color=not ctx.color,
                      color_system="standard" if ctx.color else None, width=ctx.width or 100,
                      highlight=False, emoji=False, soft_wrap=True)
    return console, buffer


def _frame(finding: Finding) -> Text:
    """The finding's line with a caret under the reported columns (one line only)."""
    line_no = str(finding.location.start.line)
    source = finding.line_text.expandtabs(4).rstrip()
    frame = Text()
    frame.append(f"    {line_no} │ ", style="dim")
    frame.append(source + "\n")
    start = finding.location.start.column - 1
    same_line = finding.location.end.line == finding.location.start.line
    width = max(1, (finding.location.end.column - 1 - start) if same_line else len(source) - start)
    masked = _MASKED_LITERAL.match(source, start)
    if masked:
        width = masked.end() - start
    frame.append(f"    {' ' * len(line_no)} │ ", style="dim")
    frame.append(" " * start + "^" * min(width, max(1, len(source) - start)), style=STYLES[finding.severity])
    return frame


def render(report: Report, ctx: ReportContext) -> str:
    console, buffer = _console(ctx)
    for path, findings in groupby(report.findings, key=lambda f: f.location.path):
        console.print(Text(path, style="bold underline"))
        for finding in findings:
            head = Text("  ")
            head.append(f"{finding.location.start.line}:{finding.location.start.column}", style="dim")
            head.append("  ")
            head.append(finding.code, style=STYLES[finding.severity])
            head.append(f" [{finding.name}] ", style="dim")
            head.append(finding.message)
            console.print(head)
            if finding.line_text:
                console.print(_frame(finding))
            if finding.hint:
                console.print(Text("    help: ", style="bold green") + Text(finding.hint))
        console.print()
    for error in report.errors:
        what = f"{error.rule}: " if error.rule else ""
        console.print(Text(f"error: {error.path}: {what}{error.message}", style="bold red"))
    return buffer.getvalue()


def render_summary(report: Report, ctx: ReportContext) -> str:
    console, buffer = _console(ctx)
    total = len(report.findings)
    files = f"{report.files_checked} file{'s' if report.files_checked != 1 else ''}"
    if total == 0:
        console.print(Text(f"No findings in {files}.", style="bold green"))
    else:
        severities = Counter(f.severity for f in report.findings)
        parts = [f"{severities[s]} {s.value}" for s in sorted(severities, key=lambda s: -s.rank)]
        with_findings = len({f.location.path for f in report.findings})
        console.print(Text(f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {with_findings} of {files} "
                           "checked.", style="bold"))
        categories = Counter(f.category.value for f in report.findings)
        console.print("  by category: " + ", ".join(f"{name} {count}" for name, count in sorted(categories.items())))
        fixable = sum(1 for f in report.findings if f.fix is not None and f.fix.safe)
        if fixable:
            console.print(f"  {fixable} fixable with `vibecheck --fix`.")
    if report.errors:
        console.print(Text(f"{len(report.errors)} check{'s' if len(report.errors) != 1 else ''} did not run (see errors above).",
                           style="bold red"))
    return buffer.getvalue()
