"""What the person asked to see: minimum severity and confidence, the order, or only counts per code.

These shape the report after the run; a finding filtered out here neither prints nor fails the build.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from vibecheck.model import Confidence, Finding, Report, Severity

CONFIDENCES = tuple(c.value for c in Confidence)
_CONFIDENCE_RANK = {c: i for i, c in enumerate(Confidence)}
SORT_ORDERS = ("path", "severity")


def filtered_report(report: Report, min_severity: str | None, min_confidence: str | None, sort_by: str = "path") -> Report:
    """The report with only findings at or above the given severity and confidence, in the asked order."""
    findings = report.findings
    if min_severity:
        floor = Severity(min_severity).rank
        findings = [f for f in findings if f.severity.rank >= floor]
    if min_confidence:
        confidence_floor = _CONFIDENCE_RANK[Confidence(min_confidence)]
        findings = [f for f in findings if _CONFIDENCE_RANK[f.confidence] >= confidence_floor]
    if sort_by == "severity":
        findings = sorted(findings, key=lambda f: (-f.severity.rank, f.sort_key))
    return replace(report, findings=list(findings))


def render_statistics(report: Report, fmt: str, fails_build: Callable[[Finding], bool]) -> str:
    """Findings counted per code, most frequent first, as `ruff --statistics` prints them (JSON with `--format json`)."""
    counts = Counter(f.code for f in report.findings)
    first: dict[str, Finding] = {}
    for finding in report.findings:
        first.setdefault(finding.code, finding)
    rows = [{
        "code": code,
        "name": first[code].name,
        "count": count,
        "severity": first[code].severity.value,
        "fails_build": any(fails_build(f) for f in report.findings if f.code == code),
        "fixable": any(f.fix is not None and f.fix.safe for f in report.findings if f.code == code),
    } for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    if fmt == "json":
        return json.dumps(rows, indent=2) + "\n"
    width = max((len(str(row["count"])) for row in rows), default=1)
    lines = [f"{row['count']:>{width}}\t{row['code']}\t{row['severity']:<6}\t{'[*] ' if row['fixable'] else ''}{row['name']}"
             for row in rows]
    return "\n".join(lines) + ("\n" if lines else "")
