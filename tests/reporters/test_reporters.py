"""Every reporter on one realistic report: structured formats are validated against their schemas."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from vibecheck.engine import check_file
from vibecheck.model import (
    Category,
    Confidence,
    Edit,
    EngineError,
    Finding,
    Fix,
    Location,
    Position,
    Report,
    Severity,
)
from vibecheck.registry import load_registry
from vibecheck.reporters import FORMATS, ReportContext, render, render_summary

SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def bandit_like_finding() -> Finding:
    where = Location("pkg/run.py", Position(3, 1), Position(3, 30))
    return Finding(code="B602", name="subprocess_popen_with_shell_equals_true", message="subprocess call with shell=True",
                   location=where, severity=Severity.HIGH, confidence=Confidence.HIGH, category=Category.SECURITY,
                   cwe=(78,), source="bandit", help_uri="https://bandit.readthedocs.io/en/latest/plugins/b602.html",
                   line_text='subprocess.call(cmd, shell=True)  # "quoted", 100%')


def fixable_finding() -> Finding:
    where = Location("pkg/net.py", Position(2, 1), Position(2, 20))
    fix = Fix("Add `timeout=10`", (Edit(Position(2, 19), Position(2, 19), ", timeout=10"),), safe=False)
    return Finding(code="VC106", name="http-call-without-timeout", message="`requests.get` has no timeout.",
                   hint="Pass `timeout=`.", location=where, severity=Severity.LOW, confidence=Confidence.HIGH,
                   category=Category.ERROR_HANDLING, fix=fix, line_text="requests.get(url)")


@pytest.fixture
def report() -> Report:
    source = b"def load():\n    try:\n        return read()\n    except Exception:\n        pass\n"
    result = check_file("pkg/settings.py", source, [(r, None) for r in load_registry().file_rules])
    findings = result.findings + [bandit_like_finding(), fixable_finding()]
    rep = Report(findings=findings, errors=[EngineError("pkg/broken.py", "rule crashed: KeyError: 'x'", rule="VC101")],
                 files_checked=4)
    rep.sort()
    return rep


@pytest.fixture
def ctx() -> ReportContext:
    return ReportContext(load_registry(), color=False, width=100, version="0.1.0", root=".")


def test_sarif_is_schema_valid_and_carries_rule_metadata(report: Report, ctx: ReportContext) -> None:
    log = json.loads(render("sarif", report, ctx))
    jsonschema.validate(log, SARIF_SCHEMA)
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == {"VC101", "B602", "VC106"}
    assert "external/cwe/cwe-78" in rules["B602"]["properties"]["tags"]
    assert rules["B602"]["properties"]["security-severity"] == "8.0"
    assert rules["VC101"]["help"]["markdown"].startswith("# VC101")
    assert rules["B602"]["helpUri"].startswith("https://bandit")
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert re.fullmatch(r"[0-9a-f]{32}", result["partialFingerprints"]["vibecheck/v1"])
    fixed = [r for r in run["results"] if r["ruleId"] == "VC106"][0]
    assert fixed["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == ", timeout=10"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_fingerprint_survives_a_line_shift(report: Report, ctx: ReportContext) -> None:
    before = json.loads(render("sarif", report, ctx))["runs"][0]["results"]
    shifted = [
        Finding(**{**f.__dict__, "location": Location(f.location.path, Position(f.location.start.line + 5, 1),
                                                      Position(f.location.end.line + 5, 1))})
        for f in report.findings
    ]
    after = json.loads(render("sarif", Report(findings=shifted), ctx))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]


def test_empty_report_is_valid_sarif(ctx: ReportContext) -> None:
    log = json.loads(render("sarif", Report(files_checked=2), ctx))
    jsonschema.validate(log, SARIF_SCHEMA)
    assert log["runs"][0]["results"] == []


def test_json_has_versioned_shape(report: Report, ctx: ReportContext) -> None:
    payload = json.loads(render("json", report, ctx))
    assert payload["schema_version"] == 1
    assert payload["summary"]["findings"] == 3 and payload["summary"]["errors"] == 1
    first = payload["findings"][0]
    assert set(first) >= {"code", "name", "message", "hint", "severity", "confidence", "category", "cwe", "path",
                          "start", "end", "fix"}
    assert [f["code"] for f in payload["findings"]] == ["VC106", "B602", "VC101"]  # sorted by path
    assert payload["errors"] == [{"path": "pkg/broken.py", "rule": "VC101", "message": "rule crashed: KeyError: 'x'"}]


def test_junit_parses_with_one_failure_per_finding(report: Report, ctx: ReportContext) -> None:
    root = ET.fromstring(render("junit", report, ctx))
    assert root.tag == "testsuites"
    failures = root.findall(".//failure")
    assert len(failures) == 3
    assert {f.get("type") for f in failures} == {"VC101", "B602", "VC106"}
    assert len(root.findall(".//error")) == 1


def test_junit_without_findings_has_a_passing_case(ctx: ReportContext) -> None:
    root = ET.fromstring(render("junit", Report(files_checked=3), ctx))
    assert root.findall(".//failure") == [] and len(root.findall(".//testcase")) == 1


def test_github_annotations_escape_properties_and_data(report: Report, ctx: ReportContext) -> None:
    lines = render("github", report, ctx).splitlines()
    assert lines[1].startswith("::error file=pkg/run.py,line=3,col=1,endLine=3,endColumn=30,title=B602 ")
    assert lines[-1] == "::error file=pkg/broken.py,title=vibecheck error::VC101: rule crashed: KeyError: 'x'"
    warning = [line for line in lines if line.startswith("::warning ")]
    assert warning and "title=VC106 http-call-without-timeout::" in warning[0]
    weird = Finding(code="VC101", name="swallowed-exception", message="50% done\nnext line", location=Location(
        "a,b:c.py", Position(1, 1), Position(1, 2)), severity=Severity.MEDIUM, confidence=Confidence.HIGH,
        category=Category.ERROR_HANDLING)
    out = render("github", Report(findings=[weird]), ctx)
    assert "file=a%2Cb%3Ac.py" in out and "50%25 done%0Anext line" in out


def test_concise_is_one_line_per_finding(report: Report, ctx: ReportContext) -> None:
    lines = render("concise", report, ctx).splitlines()
    assert ("pkg/settings.py:4:5: VC101 [medium] `except Exception` swallows every error: its body does nothing with the "
            "failure.") in lines
    assert len(lines) == 4


def test_text_report_groups_by_file_with_frame_and_hint(report: Report, ctx: ReportContext) -> None:
    out = render("text", report, ctx)
    assert not ANSI.search(out)
    assert out.index("pkg/net.py") < out.index("pkg/run.py") < out.index("pkg/settings.py")
    assert "    except Exception:" in out and "^^^^" in out
    assert "help: Pass `timeout=`." in out
    assert "error: pkg/broken.py: VC101: rule crashed" in out


def test_text_report_colours_only_when_asked(report: Report) -> None:
    coloured = render("text", report, ReportContext(load_registry(), color=True, width=100))
    assert ANSI.search(coloured)


def test_summary_counts_severities_and_categories(report: Report, ctx: ReportContext) -> None:
    summary = render_summary(report, ctx)
    assert "Found 3 findings (1 high, 1 medium, 1 low) in 3 of 4 files checked." in summary
    assert "by category: error-handling 2, security 1" in summary
    assert "1 check did not run" in summary
    assert "No findings in 2 files." in render_summary(Report(files_checked=2), ctx)


def test_every_format_renders_an_empty_report(ctx: ReportContext) -> None:
    """An empty report reports nothing: no line for the line-based formats, no finding in the structured ones."""
    empty = {name: render(name, Report(), ctx) for name in FORMATS}
    assert {name for name, out in empty.items() if out == ""} == {"text", "concise", "github", "agent"}
    assert json.loads(empty["json"])["summary"]["findings"] == 0
    assert json.loads(empty["sarif"])["runs"][0]["results"] == []
    assert json.loads(empty["gitlab"]) == []
    assert ET.fromstring(empty["junit"]).get("failures") == "0"
    assert "No findings (0 files checked)." in empty["markdown"]


def test_sarif_tags_each_result_with_its_own_cwe_and_the_rule_with_all_of_them(ctx: ReportContext) -> None:
    def vc409(line: int, cwe: tuple[int, ...]) -> Finding:
        return Finding(code="VC409", name="request-data-to-injection-sink", message="m", hint="h",
                       location=Location("app.py", Position(line, 1), Position(line, 9)), severity=Severity.MEDIUM,
                       confidence=Confidence.MEDIUM, category=Category.SECURITY, cwe=cwe, line_text=f"line {line}")

    log = json.loads(render("sarif", Report(findings=[vc409(1, (601,)), vc409(2, (90,))]), ctx))
    jsonschema.validate(log, SARIF_SCHEMA)
    run = log["runs"][0]
    redirect, ldap = run["results"]
    assert redirect["properties"]["tags"] == ["external/cwe/cwe-601"]
    assert ldap["properties"]["tags"] == ["external/cwe/cwe-90"]
    assert ldap["taxa"] == [{"id": "90", "toolComponent": {"name": "CWE"}}]
    rule_tags = run["tool"]["driver"]["rules"][0]["properties"]["tags"]
    assert {"external/cwe/cwe-601", "external/cwe/cwe-90", "external/cwe/cwe-643"} <= set(rule_tags)
    assert {t["id"] for t in run["taxonomies"][0]["taxa"]} == {"601", "90"}


def test_positions_before_line_one_are_clamped_so_sarif_stays_valid(ctx: ReportContext) -> None:
    """A plugin's project rule builds its own findings; line 0 or negative ones must not void the SARIF log."""
    where = Location("pkg/app.py", Position(0, 0), Position(-3, -1))
    fix = Fix("Delete it", (Edit(Position(0, -2), Position(-1, 0), ""),), safe=True)
    finding = Finding(code="VC101", name="swallowed-exception", message="m", location=where, severity=Severity.LOW,
                      confidence=Confidence.HIGH, category=Category.ERROR_HANDLING, fix=fix)
    log = json.loads(render("sarif", Report(findings=[finding], files_checked=1), ctx))
    jsonschema.validate(log, SARIF_SCHEMA)
    result = log["runs"][0]["results"][0]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}
    deleted = result["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]
    assert (deleted["startLine"], deleted["startColumn"], deleted["endLine"], deleted["endColumn"]) == (1, 1, 1, 1)


def test_json_fix_carries_edits_and_applicability(report: Report, ctx: ReportContext) -> None:
    fixed = [f for f in json.loads(render("json", report, ctx))["findings"] if f["code"] == "VC106"][0]["fix"]
    assert fixed["applicability"] == "unsafe" and fixed["safe"] is False
    assert fixed["edits"] == [{"start": {"line": 2, "column": 19}, "end": {"line": 2, "column": 19},
                               "content": ", timeout=10"}]


def test_summary_counts_hidden_unsafe_fixes(report: Report, ctx: ReportContext) -> None:
    assert "1 hidden fix can be enabled with `--unsafe-fixes`." in render_summary(report, ctx)
    with_unsafe = render_summary(report, replace(ctx, unsafe_fixes=True))
    assert "hidden fix" not in with_unsafe
    assert "1 fixable with `vibecheck --fix --unsafe-fixes`" in with_unsafe
