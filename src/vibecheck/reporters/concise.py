"""One line per finding, `path:line:col: CODE [severity] message`, as compilers and ruff print them.

The severity is in brackets because without colour it is the only way to see it; `[*]` marks a finding
that `--fix` repairs, as in ruff, and `(notice)` one that does not fail the build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vibecheck.model import Finding, Report
from vibecheck.reporters.escaping import printable

if TYPE_CHECKING:
    from vibecheck.reporters import ReportContext


def render(report: Report, ctx: ReportContext) -> str:
    lines = [
        f"{printable(f.location.path)}:{f.location.start.line}:{f.location.start.column}: {f.code} [{f.severity.value}]"
        f"{' [*]' if _applied(f, ctx) else ''}{'' if ctx.fails_build(f) else ' (notice)'} {printable(f.message)}"
        for f in report.findings
    ]
    lines += [f"{printable(e.path)}: error: {printable(e.rule) + ': ' if e.rule else ''}{printable(e.message)}"
              for e in report.errors]
    return "\n".join(lines) + ("\n" if lines else "")


def _applied(finding: Finding, ctx: ReportContext) -> bool:
    """Whether `--fix` applies the finding's fix: a safe one, or any with `--unsafe-fixes`."""
    return finding.fix is not None and (finding.fix.safe or ctx.unsafe_fixes)
