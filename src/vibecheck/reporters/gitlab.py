"""GitLab Code Quality report (a JSON list), for merge-request widgets."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from vibecheck.model import Report, Severity
from vibecheck.reporters.escaping import json_safe
from vibecheck.reporters.json_text import dumps_indented

if TYPE_CHECKING:
    from vibecheck.reporters import ReportContext

SEVERITIES = {Severity.HIGH: "critical", Severity.MEDIUM: "major", Severity.LOW: "minor", Severity.INFO: "info"}


def render(report: Report, ctx: ReportContext) -> str:
    issues = []
    for f in report.findings:
        identity = f"{f.code}:{f.location.path}:{f.line_text.strip()}:{f.location.start.line}"
        issues.append({
            "description": f"{f.code} {f.message}",
            "check_name": f"{f.code} {f.name}",
            "fingerprint": hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest(),
            "severity": SEVERITIES[f.severity],
            "location": {"path": f.location.path, "lines": {"begin": f.location.start.line, "end": f.location.end.line}},
        })
    return json_safe(dumps_indented(issues)) + "\n"
