"""Minimal reporters (concise, text, json) behind the agreed interface; the full set replaces this module."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from vibecheck.model import Finding, Report


@dataclass(frozen=True)
class ReportContext:
    registry: Any
    color: bool
    width: int | None
    version: str
    root: str


def _concise(report: Report, ctx: ReportContext) -> str:
    return "".join(f"{f.location.path}:{f.location.start.line}:{f.location.start.column}: {f.code} {f.message}\n"
                   for f in report.findings)


def _finding(f: Finding) -> dict[str, Any]:
    return {"code": f.code, "name": f.name, "message": f.message, "hint": f.hint, "path": f.location.path,
            "line": f.location.start.line, "column": f.location.start.column, "severity": f.severity.value}


def _json(report: Report, ctx: ReportContext) -> str:
    return json.dumps([_finding(f) for f in report.findings], indent=2) + "\n"


FORMATS = {"text": _concise, "concise": _concise, "json": _json}


def render(fmt: str, report: Report, ctx: ReportContext) -> str:
    return FORMATS[fmt](report, ctx)


def render_summary(report: Report, ctx: ReportContext) -> str:
    return f"Found {len(report.findings)} problem(s) in {report.files_checked} file(s) checked.\n"
