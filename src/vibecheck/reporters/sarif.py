"""SARIF 2.1.0 for code-scanning platforms: rule metadata with help text and CWE tags, stable fingerprints."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from vibecheck.docs import parse_doc, render_markdown
from vibecheck.model import Category, Confidence, Finding, Report, Severity
from vibecheck.reporters.escaping import json_safe
from vibecheck.reporters.json_text import dumps_indented
from vibecheck.reporters.sentences import message_and_hint

if TYPE_CHECKING:
    from vibecheck.reporters import ReportContext

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/vibecheck-lint/"
LEVELS = {Severity.HIGH: "error", Severity.MEDIUM: "error", Severity.LOW: "warning", Severity.INFO: "note"}
# GitHub code scanning reads `security-severity` (0-10) to rank security alerts.
SECURITY_SEVERITY = {Severity.HIGH: "8.0", Severity.MEDIUM: "5.5", Severity.LOW: "3.0", Severity.INFO: "1.0"}
PRECISION = {Confidence.HIGH: "high", Confidence.MEDIUM: "medium", Confidence.LOW: "low"}
SECURITY_CATEGORIES = {Category.SECURITY, Category.AUTH}


def source_root(start: Path) -> Path:
    """The base that code-scanning platforms resolve paths against: the enclosing git checkout, else `start`."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def artifact_location(path: str, base: Path) -> dict[str, str]:
    """A percent-encoded URI relative to `%SRCROOT%` when the file is under it, else an absolute `file:` URI."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(base)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(os.fsencode(relative.as_posix()), safe="/"), "uriBaseId": "%SRCROOT%"}


def _region(start: Any, end: Any) -> dict[str, Any]:
    return {"startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column}


def _cwe_tags(cwe: tuple[int, ...] | list[int]) -> list[str]:
    return [f"external/cwe/cwe-{n}" for n in cwe]


def _rule_cwe(code: str, report: Report, ctx: ReportContext) -> list[int]:
    """Every CWE the rule can emit (its declared list), then any other its findings in this run carry (bandit's)."""
    rule = ctx.registry.by_code.get(code)
    declared = list(rule.cwe) if rule is not None else []
    found = [n for f in report.findings if f.code == code for n in f.cwe]
    return list(dict.fromkeys(declared + found))


def _rule_descriptor(finding: Finding, cwe: list[int], ctx: ReportContext) -> dict[str, Any]:
    rule = ctx.registry.by_code.get(finding.code)
    tags = [finding.category.value, *_cwe_tags(cwe)]
    if finding.category in SECURITY_CATEGORIES:
        tags.insert(0, "security")
    tags = list(dict.fromkeys(tags))
    descriptor: dict[str, Any] = {
        "id": finding.code,
        "name": finding.name,
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"tags": tags, "precision": PRECISION[finding.confidence]},
    }
    if finding.category in SECURITY_CATEGORIES:
        descriptor["properties"]["security-severity"] = SECURITY_SEVERITY[finding.severity]
    if rule is not None:
        doc = parse_doc(rule.__doc__ or "")
        descriptor["shortDescription"] = {"text": doc.summary}
        descriptor["fullDescription"] = {"text": doc.sections.get("What it does", doc.summary)}
        markdown = render_markdown(rule)
        descriptor["help"] = {"text": doc.sections.get("Why is this bad?", doc.summary), "markdown": markdown}
    else:
        descriptor["shortDescription"] = {"text": finding.name.replace("_", " ")}
        descriptor["help"] = {"text": finding.message}
    if finding.help_uri:
        descriptor["helpUri"] = finding.help_uri
    return descriptor


def _cwe_taxonomy(ids: list[int]) -> dict[str, Any]:
    """The CWE taxa the results point at, so `taxa` references resolve inside the log."""
    return {
        "name": "CWE",
        "organization": "MITRE",
        "informationUri": "https://cwe.mitre.org/",
        "taxa": [{"id": str(n), "helpUri": f"https://cwe.mitre.org/data/definitions/{n}.html"} for n in ids],
    }


def _fingerprint(finding: Finding, occurrence: int) -> str:
    """Stable across unrelated edits: rule, file, the line's text and its occurrence, not the line number."""
    identity = "\0".join([finding.code, Path(finding.location.path).as_posix(), " ".join(finding.line_text.split()),
                          str(occurrence)])
    return hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _fix(finding: Finding, base: Path) -> list[dict[str, Any]]:
    if finding.fix is None:
        return []
    replacements = [{"deletedRegion": _region(e.start, e.end), "insertedContent": {"text": e.content}} for e in finding.fix.edits]
    return [{
        "description": {"text": finding.fix.description},
        "artifactChanges": [{"artifactLocation": artifact_location(finding.location.path, base),
                             "replacements": replacements}],
    }]


def render(report: Report, ctx: ReportContext) -> str:
    base = source_root(Path.cwd().resolve())
    # With a baseline, every result says whether it is new; the baselined findings come along as `unchanged`.
    states = [(f, "new" if report.baselined is not None else None) for f in report.findings]
    states += [(f, "unchanged") for f in sorted(report.baselined or (), key=lambda f: f.sort_key)]
    shown = Report(findings=[f for f, _ in states])
    descriptors: dict[str, dict[str, Any]] = {}
    for finding, _ in states:
        if finding.code not in descriptors:
            descriptors[finding.code] = _rule_descriptor(finding, _rule_cwe(finding.code, shown, ctx), ctx)
    rule_ids = sorted(descriptors)
    index = {code: i for i, code in enumerate(rule_ids)}
    seen: Counter[tuple[str, str, str]] = Counter()
    results = []
    for finding, state in states:
        key = (finding.code, finding.location.path, " ".join(finding.line_text.split()))
        seen[key] += 1
        text = message_and_hint(finding)
        region = _region(finding.location.start, finding.location.end)
        if finding.line_text:
            region["snippet"] = {"text": finding.line_text}
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": LEVELS[finding.severity],
            "message": {"text": text},
            "locations": [{"physicalLocation": {
                "artifactLocation": artifact_location(finding.location.path, base),
                "region": region,
            }}],
            "partialFingerprints": {"vibecheck/v1": _fingerprint(finding, seen[key])},
        }
        if state is not None:
            result["baselineState"] = state
        if finding.cwe:
            # Each result names its own weakness: a rule with several sinks emits different CWEs.
            result["properties"] = {"tags": _cwe_tags(finding.cwe)}
            result["taxa"] = [{"id": str(n), "toolComponent": {"name": "CWE"}} for n in finding.cwe]
        fixes = _fix(finding, base)
        if fixes:
            result["fixes"] = fixes
        results.append(result)
    notifications = [{
        "level": "error",
        "message": {"text": f"{e.rule + ': ' if e.rule else ''}{e.message}"},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(e.path, base)}}],
    } for e in report.errors]
    taxa = sorted({n for f in shown.findings for n in f.cwe})
    root_uri = base.as_uri().rstrip("/") + "/"
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "vibecheck",
                "version": ctx.version or "0",
                "informationUri": INFORMATION_URI,
                "rules": [descriptors[code] for code in rule_ids],
            }},
            **({"taxonomies": [_cwe_taxonomy(taxa)]} if taxa else {}),
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root_uri}},
            "invocations": [{"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}],
            "results": results,
        }],
    }
    return json_safe(dumps_indented(log)) + "\n"
