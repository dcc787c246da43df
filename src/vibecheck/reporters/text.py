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
from vibecheck.reporters.escaping import printable
from vibecheck.reporters.sentences import hidden_unsafe_fixes, plural

if TYPE_CHECKING:
    from vibecheck.reporters import ReportContext

# A string literal that a rule or the engine masked in the displayed line: its length no longer matches the columns.
# The literal is matched first and its body searched after: two lazy runs around the mask were quadratic.
_LITERAL = re.compile(r"""[rRbBuUfF]{0,2}(?P<q>["'])(?P<body>[^"']*)(?P=q)""")
MASKS = ("****", "<redacted>")
STYLES = {Severity.HIGH: "bold red", Severity.MEDIUM: "red", Severity.LOW: "yellow", Severity.INFO: "cyan"}


def _console(ctx: ReportContext) -> tuple[Console, io.StringIO]:
    """A console writing to a buffer; it wraps long lines at word boundaries only when it knows the terminal width."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=ctx.color, no_color=not ctx.color,
                      color_system="standard" if ctx.color else None, width=ctx.width or 100,
                      highlight=False, emoji=False, soft_wrap=ctx.width is None)
    return console, buffer


def _frame(finding: Finding) -> Text:
    """The finding's line with a caret under the reported columns (one line only)."""
    line_no = str(finding.location.start.line)
    source = printable(finding.line_text.expandtabs(4).rstrip())
    frame = Text()
    frame.append(f"    {line_no} │ ", style="dim")
    frame.append(source + "\n")
    start = finding.location.start.column - 1
    same_line = finding.location.end.line == finding.location.start.line
    width = max(1, (finding.location.end.column - 1 - start) if same_line else len(source) - start)
    masked = _LITERAL.match(source, start)
    if masked and any(mask in masked.group("body") for mask in MASKS):
        width = masked.end() - start
    frame.append(f"    {' ' * len(line_no)} │ ", style="dim")
    frame.append(" " * start + "^" * min(width, max(1, len(source) - start)), style=STYLES[finding.severity])
    return frame


def _hanging(label: Text, body: Text, console: Console, ctx: ReportContext, gap: str = "  ") -> Text:
    """`  label  body`; on a terminal a long body wraps at word boundaries and continues under itself."""
    head = Text("  ") + label + Text(gap)
    if ctx.width is None:
        return head + body
    indent = len(head)
    lines = body.wrap(console, max(20, ctx.width - indent))
    for line in lines:
        line.rstrip()
    wrapped = head + lines[0]
    for line in lines[1:]:
        wrapped += Text("\n" + " " * indent) + line
    return wrapped


def render(report: Report, ctx: ReportContext) -> str:
    console, buffer = _console(ctx)
    lines = _report_lines(report, ctx, console)
    if not lines:
        return ""
    if ctx.width is None:  # nothing wraps: one print of the joined lines is the same text, and far fewer console calls
        console.print(Text("\n").join(line for line, _ in lines), soft_wrap=True)
    else:
        for line, soft_wrap in lines:
            console.print(line, soft_wrap=soft_wrap)
    return buffer.getvalue()


def _report_lines(report: Report, ctx: ReportContext, console: Console) -> list[tuple[Text, bool]]:
    """Each printed line of the report (a finding's frame may hold two), with whether it must never wrap."""
    lines: list[tuple[Text, bool]] = []
    for path, findings in groupby(report.findings, key=lambda f: f.location.path):
        lines.append((Text(printable(path), style="bold underline"), False))
        for finding in findings:
            where = f"{finding.location.start.line}:{finding.location.start.column}"
            head = Text()
            head.append(finding.code, style=STYLES[finding.severity])
            head.append(f" {finding.severity.value}", style=STYLES[finding.severity])
            if not ctx.fails_build(finding):
                head.append(" (notice)", style="dim")
            if finding.fix is not None:  # with --unsafe-fixes an unsafe fix is applied like a safe one
                head.append(" [*]" if finding.fix.safe or ctx.unsafe_fixes else " [unsafe fix]", style="dim")
            head.append(f" [{printable(finding.name)}] ", style="dim")
            head.append(printable(finding.message))
            lines.append((_hanging(Text(where, style="dim"), head, console, ctx), False))
            if finding.line_text:
                lines.append((_frame(finding), True))
            if finding.hint:
                lines.append((_hanging(Text("help:", style="dim"), Text(printable(finding.hint)), console, ctx, gap=" "),
                              False))
        lines.append((Text(), False))
    for error in report.errors:
        what = f"{error.rule}: " if error.rule else ""
        lines.append((Text(printable(f"error: {error.path}: {what}{error.message}"), style="bold red"), False))
    return lines


def render_summary(report: Report, ctx: ReportContext) -> str:
    """The tally for stderr: how many findings, how many fail the build, by severity and category."""
    console, buffer = _console(ctx)
    total = len(report.findings)
    files = plural(report.files_checked, "file")
    if total == 0:
        console.print(Text(f"No findings in {files}.", style="bold green"))
    else:
        severities = Counter(f.severity for f in report.findings)
        parts = [f"{severities[s]} {s.value}" for s in sorted(severities, key=lambda s: -s.rank)]
        with_findings = len({f.location.path for f in report.findings})
        console.print(Text(f"Found {plural(total, 'finding')} ({', '.join(parts)}) in {with_findings} of {files} checked.",
                           style="bold"))
        failing = sum(1 for f in report.findings if ctx.fails_build(f))
        notices = total - failing
        console.print(f"  {failing} fail{'s' if failing == 1 else ''} the build"
                      + (f"; {plural(notices, 'notice')} do{'es' if notices == 1 else ''} not." if notices else "."))
        categories = Counter(f.category.value for f in report.findings)
        console.print("  by category: " + ", ".join(f"{name} {count}" for name, count in sorted(categories.items())))
        fixable = sum(1 for f in report.findings if f.fix is not None and (f.fix.safe or ctx.unsafe_fixes))
        if fixable:
            flags = "--fix --unsafe-fixes" if ctx.unsafe_fixes else "--fix"
            console.print(f"  {fixable} fixable with `vibecheck {flags}` (marked [*]; preview with `--diff`).")
        hidden = 0 if ctx.unsafe_fixes else hidden_unsafe_fixes(report.findings)
        if hidden:
            console.print(f"  {plural(hidden, 'hidden fix', 'hidden fixes')} can be enabled with `--unsafe-fixes`.")
    if report.baselined:
        console.print(f"  {plural(len(report.baselined), 'finding')} in the baseline not shown (`--no-baseline` shows them).")
    if report.errors:
        console.print(Text(f"{plural(len(report.errors), 'check')} did not run (see errors above).", style="bold red"))
    return buffer.getvalue()
