"""Machine-readable JSON, versioned so agents and scripts can rely on its shape.

Schema version 1 (documented in README.md, "JSON output"):
`{"schema_version": 1, "tool": {"name", "version"}, "summary": {...}, "findings": [...], "errors": [...]}`.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from vibecheck.model import EngineError, Finding, Report
from vibecheck.reporters.escaping import json_safe
from vibecheck.reporters.json_text import dumps_indented

if TYPE_CHECKING:
    from vibecheck.reporters import ReportContext

SCHEMA_VERSION = 1


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    location = finding.location
    return {
        "code": finding.code,
        "name": finding.name,
        "message": finding.message,
        "hint": finding.hint,
        "severity": finding.severity.value,
        "confidence": finding.confidence.value,
        "category": finding.category.value,
        "cwe": [f"CWE-{n}" for n in finding.cwe],
        "source": finding.source,
        "help_uri": finding.help_uri,
        "path": location.path,
        "start": {"line": location.start.line, "column": location.start.column},
        "end": {"line": location.end.line, "column": location.end.column},
        "line_text": finding.line_text,
        "fix": None if finding.fix is None else {
            "description": finding.fix.description,
            "safe": finding.fix.safe,
            "applicability": "safe" if finding.fix.safe else "unsafe",
            "edits": [
                {"start": {"line": e.start.line, "column": e.start.column},
                 "end": {"line": e.end.line, "column": e.end.column}, "content": e.content}
                for e in finding.fix.edits
            ],
        },
    }


def error_to_dict(error: EngineError) -> dict[str, Any]:
    return {"path": error.path, "rule": error.rule, "message": error.message}


def render(report: Report, ctx: ReportContext) -> str:
    payload = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "vibecheck", "version": ctx.version},
        "summary": {
            "files_checked": report.files_checked,
            "findings": len(report.findings),
            "errors": len(report.errors),
            "by_severity": dict(sorted(Counter(f.severity.value for f in report.findings).items())),
            "by_code": dict(sorted(Counter(f.code for f in report.findings).items())),
            "fixed_files": report.fixed_files,
        },
        "findings": [finding_to_dict(f) for f in report.findings],
        "errors": [error_to_dict(e) for e in report.errors],
    }
    return json_safe(dumps_indented(payload)) + "\n"
