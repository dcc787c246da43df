"""One line per finding, `path:line:col: CODE message`, as compilers and ruff print them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vibecheck.model import Report

if TYPE_CHECKING:
    from vibecheck.reporters import ReportContext


def render(report: Report, ctx: ReportContext) -> str:
    lines = [
        f"{f.location.path}:{f.location.start.line}:{f.location.start.column}: {f.code} {f.message}"
        for f in report.findings
    ]
    lines += [f"{e.path}: error: {e.rule + ': ' if e.rule else ''}{e.message}" for e in report.errors]
    return "\n".join(lines) + ("\n" if lines else "")
