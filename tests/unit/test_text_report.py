"""The terminal report reads right: carets sit under what is shown, the summary says how many files have findings."""

from __future__ import annotations

from vibecheck.model import Category, Confidence, EngineError, Finding, Location, Position, Report, Severity
from vibecheck.registry import load_registry
from vibecheck.reporters import ReportContext, render, render_summary


def secret_finding(path: str, line_text: str, start: int, end: int) -> Finding:
    return Finding(code="VC203", name="hardcoded-secret-key", message="`KEY` is hard-coded.", hint="Read it from env.",
                   location=Location(path, Position(5, start), Position(5, end)), severity=Severity.HIGH,
                   confidence=Confidence.HIGH, category=Category.AUTH, line_text=line_text)


def caret_line(text: str) -> str:
    return next(line for line in text.splitlines() if "^" in line)


def test_caret_covers_a_redacted_literal_as_displayed_not_as_written() -> None:
    # The literal was 30 characters long in the file; the report shows the shorter mask.
    shown = 'KEY = "<redacted>"  # set by hand'
    text = render("text", Report(findings=[secret_finding("app.py", shown, 7, 37)], files_checked=1),
                  ReportContext(load_registry(), color=False, width=100))
    caret = caret_line(text)
    assert caret.split("│ ", 1)[1] == " " * 6 + "^" * len('"<redacted>"')


def test_caret_of_a_masked_prefix_ends_at_the_closing_quote() -> None:
    shown = 'client = OpenAI(api_key="sk-p****")'
    text = render("text", Report(findings=[secret_finding("app.py", shown, 25, 36)], files_checked=1),
                  ReportContext(load_registry(), color=False, width=100))
    assert caret_line(text).split("│ ", 1)[1] == " " * 24 + "^" * len('"sk-p****"')


def test_summary_counts_files_with_findings_against_files_checked() -> None:
    findings = [secret_finding("a.py", "", 1, 2), secret_finding("a.py", "", 3, 4), secret_finding("b.py", "", 1, 2)]
    summary = render_summary(Report(findings=findings, files_checked=9), ReportContext(load_registry(), color=False))
    assert "Found 3 findings (3 high) in 2 of 9 files checked." in summary


def test_one_line_formats_end_the_message_before_the_hint() -> None:
    parse_error = Finding(code="VC001", name="parse-error", message="The file cannot be parsed: invalid syntax",
                          hint="Fix the syntax error.", location=Location("bad.py", Position(1, 7), Position(1, 8)),
                          severity=Severity.HIGH, confidence=Confidence.HIGH, category=Category.ENGINE)
    report = Report(findings=[parse_error], files_checked=1)
    ctx = ReportContext(load_registry())
    assert "invalid syntax. Fix the syntax error." in render("sarif", report, ctx)
    assert render("github", report, ctx).endswith("::The file cannot be parsed: invalid syntax. Fix the syntax error.\n")
    annotation = render("github", Report(findings=[secret_finding("a.py", "", 1, 2)]), ctx)
    assert annotation.endswith("::`KEY` is hard-coded. Read it from env.\n")


def test_report_without_a_terminal_width_is_each_line_once_in_order() -> None:
    # Without a width (output to a pipe or file) the report is printed in one piece: it must read as line by line.
    findings = [secret_finding("a.py", 'KEY = "x"', 1, 4), secret_finding("b.py", "", 1, 2)]
    report = Report(findings=findings, files_checked=2,
                    errors=[EngineError("c.py", "rule crashed on this file: ValueError: boom", rule="VC101")])
    text = render("text", report, ReportContext(load_registry(), color=False))
    assert text.splitlines() == [
        "a.py",
        "  5:1  VC203 high [hardcoded-secret-key] `KEY` is hard-coded.",
        '    5 │ KEY = "x"',
        "      │ ^^^",
        "  help: Read it from env.",
        "",
        "b.py",
        "  5:1  VC203 high [hardcoded-secret-key] `KEY` is hard-coded.",
        "  help: Read it from env.",
        "",
        "error: c.py: VC101: rule crashed on this file: ValueError: boom",
    ]
    coloured = render("text", report, ReportContext(load_registry(), color=True))
    assert "\x1b[" in coloured and coloured.count("\n") == text.count("\n")
    assert render("text", Report(files_checked=3), ReportContext(load_registry(), color=False)) == ""
