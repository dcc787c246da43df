"""Reporters turn one `Report` into one output format; the CLI picks one with `--format`.

Every reporter is a function `(Report, ReportContext) -> str`, so output can go to stdout or `--output`
alike and tests can check it as text. `render` is the one gate between the pipeline and every output:
it redacts secrets (`redact_report`) before any reporter sees the report, and no line of its result but
the `github` format's own workflow commands starts with `::`. Reporters escape control characters in what
they print (`reporters.escaping`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from vibecheck.model import Finding, Report
from vibecheck.redaction import redact_report
from vibecheck.registry import Registry
from vibecheck.reporters.escaping import printable, without_workflow_commands


@dataclass(frozen=True)
class ReportContext:
    """What a reporter may need besides the findings: rule metadata, terminal facts, tool version."""

    registry: Registry
    color: bool = False
    width: int | None = None
    version: str = ""
    root: str = "."
    fails_build: Callable[[Finding], bool] = field(default=lambda finding: finding.severity.rank > 0)
    unsafe_fixes: bool = False  # the run applies unsafe fixes too: they count as fixable, none is hidden


Reporter = Callable[[Report, ReportContext], str]

# Each format's module (its `render` is the reporter), imported only when that format is asked for: the text
# reporter loads rich, SARIF the docs renderer, JUnit an XML library, and a JSON run needs none of them.
FORMATS: dict[str, str] = {
    "text": "text",
    "concise": "concise",
    "json": "json_format",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "gitlab": "gitlab",
    "agent": "agent",
    "markdown": "markdown",
}


# Formats read by coding agents: no summary or progress on stderr, as with `--quiet`.
QUIET_FORMATS = frozenset({"agent"})

# Formats whose lines may start with `::` because they are GitHub workflow commands by design.
WORKFLOW_COMMAND_FORMATS = frozenset({"github"})


def reporter(fmt: str) -> Reporter:
    """The reporter of the named format (a key of `FORMATS`)."""
    render_format: Reporter = importlib.import_module(f"{__name__}.{FORMATS[fmt]}").render
    return render_format


def render(fmt: str, report: Report, ctx: ReportContext) -> str:
    """Render the report in the named format (a key of `FORMATS`), secrets redacted."""
    output = reporter(fmt)(redact_report(report), ctx)
    return output if fmt in WORKFLOW_COMMAND_FORMATS else without_workflow_commands(output)


def render_diagnostics(report: Report) -> str:
    """The run's errors and warnings as `vibecheck: error: ...` lines for stderr, redacted and escaped."""
    safe = redact_report(replace(report, findings=[], baselined=None))  # only its errors and warnings are shown
    lines = [f"vibecheck: warning: {printable(w)}" for w in safe.warnings]
    lines += [f"vibecheck: error: {printable(e.path)}: {printable(e.rule) + ': ' if e.rule else ''}{printable(e.message)}"
              for e in safe.errors]
    return "".join(line + "\n" for line in lines)


def render_summary(report: Report, ctx: ReportContext) -> str:
    """The short tally for stderr: counts by category and severity, errors, fixed files."""
    from vibecheck.reporters import text  # local: rich loads only when a summary is printed

    return text.render_summary(report, ctx)
