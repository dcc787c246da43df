"""Reporters turn one `Report` into one output format; the CLI picks one with `--format`.

Every reporter is a function `(Report, ReportContext) -> str`, so output can go to stdout or `--output`
alike and tests can check it as text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from vibecheck.model import Finding, Report
from vibecheck.registry import Registry
from vibecheck.reporters import concise, github, gitlab, json_format, junit, sarif, text


@dataclass(frozen=True)
class ReportContext:
    """What a reporter may need besides the findings: rule metadata, terminal facts, tool version."""

    registry: Registry
    color: bool = False
    width: int | None = None
    version: str = ""
    root: str = "."
    fails_build: Callable[[Finding], bool] = field(default=lambda finding: finding.severity.rank > 0)


Reporter = Callable[[Report, ReportContext], str]

FORMATS: dict[str, Reporter] = {
    "text": text.render,
    "concise": concise.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "gitlab": gitlab.render,
}


def render(fmt: str, report: Report, ctx: ReportContext) -> str:
    """Render the report in the named format (a key of `FORMATS`)."""
    return FORMATS[fmt](report, ctx)


def render_summary(report: Report, ctx: ReportContext) -> str:
    """The short tally for stderr: counts by category and severity, errors, fixed files."""
    return text.render_summary(report, ctx)
