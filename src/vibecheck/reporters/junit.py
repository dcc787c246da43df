"""JUnit XML, which most CI systems show as a test report: one failing test case per finding."""

from __future__ import annotations

# Only builds and serialises XML; it never parses untrusted input, which is what B405 warns about.
import xml.etree.ElementTree as ET  # nosec B405
from collections import defaultdict
from typing import TYPE_CHECKING

from vibecheck.model import Finding, Report
from vibecheck.reporters.escaping import printable

if TYPE_CHECKING:
    from vibecheck.reporters import ReportContext


def render(report: Report, ctx: ReportContext) -> str:
    """A failing test case per finding that fails the build; notices (e.g. `info`) are passing cases with their text."""
    failing = [f for f in report.findings if ctx.fails_build(f)]
    suites = ET.Element("testsuites", name="vibecheck", tests=str(max(len(report.findings), 1) + len(report.errors)),
                        failures=str(len(failing)), errors=str(len(report.errors)))
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_file[printable(finding.location.path)].append(finding)
    for path, findings in by_file.items():
        failures = sum(1 for f in findings if ctx.fails_build(f))
        suite = ET.SubElement(suites, "testsuite", name=path, tests=str(len(findings)), failures=str(failures), errors="0")
        for f in findings:
            case = ET.SubElement(suite, "testcase", classname=path,
                                 name=f"{f.code} {printable(f.name)} at line {f.location.start.line}",
                                 file=path, line=str(f.location.start.line))
            if ctx.fails_build(f):
                detail = ET.SubElement(case, "failure", message=printable(f.message), type=f.code)
            else:
                detail = ET.SubElement(case, "system-out")
            detail.text = "\n".join(printable(part) for part in filter(None, [
                f"{path}:{f.location.start.line}:{f.location.start.column}: {f.code} {f.message}",
                f.hint,
                f.line_text,
            ]))
    if report.errors:
        suite = ET.SubElement(suites, "testsuite", name="vibecheck engine", tests=str(len(report.errors)), failures="0",
                              errors=str(len(report.errors)))
        for e in report.errors:
            rule = printable(e.rule or "engine")
            case = ET.SubElement(suite, "testcase", classname="vibecheck", name=f"{rule} on {printable(e.path)}")
            ET.SubElement(case, "error", message=printable(e.message), type=rule)
    if not report.findings:
        suite = ET.SubElement(suites, "testsuite", name="vibecheck", tests="1", failures="0", errors="0")
        ET.SubElement(suite, "testcase", classname="vibecheck", name=f"{report.files_checked} files checked, no findings")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
