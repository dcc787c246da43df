"""The `agent` and `markdown` formats: what an agent or a pull-request reader sees, and what hostile text cannot do."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from vibecheck.model import Category, Confidence, EngineError, Finding, Location, Position, Report, Severity
from vibecheck.registry import load_registry
from vibecheck.reporters import ReportContext, render
from vibecheck.reporters import markdown as markdown_reporter


def finding(path: str, line: int, code: str, message: str, severity: Severity = Severity.MEDIUM,
            hint: str | None = "Do the right thing.") -> Finding:
    where = Location(path, Position(line, 5), Position(line, 9))
    return Finding(code=code, name="some-rule", message=message, hint=hint, location=where,
                   severity=severity, confidence=Confidence.HIGH, category=Category.ERROR_HANDLING)


@pytest.fixture
def ctx() -> ReportContext:
    return ReportContext(load_registry(), root=".", fails_build=lambda f: f.severity is not Severity.INFO)


def html_of(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


def test_agent_lines_carry_position_code_message_and_hint_and_leave_out_notices(ctx: ReportContext) -> None:
    report = Report(findings=[finding("app.py", 3, "VC101", "`except Exception` swallows every error."),
                              finding("app.py", 7, "B101", "Use of assert detected.", Severity.INFO),
                              finding("db.py", 2, "VC402", "SQL built from `name`.", hint=None)],
                    errors=[EngineError("odd.py", "rule crashed: KeyError", rule="VC110")])
    assert render("agent", report, ctx).splitlines() == [
        "app.py:3:5: VC101 `except Exception` swallows every error. (hint: Do the right thing.)",
        "db.py:2:5: VC402 SQL built from `name`.",
        "odd.py: error: VC110: rule crashed: KeyError",
    ]


def test_agent_output_is_empty_when_nothing_fails(ctx: ReportContext) -> None:
    assert render("agent", Report(findings=[finding("a.py", 1, "B101", "assert", Severity.INFO)]), ctx) == ""


def test_agent_lines_escape_control_characters(ctx: ReportContext) -> None:
    text = render("agent", Report(findings=[finding("evil\n::error ::x.py", 1, "VC101", "bad\x1b[2J")]), ctx)
    assert len(text.splitlines()) == 1 and "\x1b" not in text


def test_markdown_groups_by_file_in_tables(ctx: ReportContext) -> None:
    report = Report(findings=[finding("a.py", 3, "VC101", "`except Exception` swallows."),
                              finding("a.py", 9, "B101", "Use of assert.", Severity.INFO),
                              finding("b.py", 1, "VC402", "SQL injection.", Severity.HIGH)], files_checked=5)
    html = html_of(render("markdown", report, ctx))
    assert "3 findings in 2 files (5 files checked); 2 fail the build." in html
    assert re.findall(r"<h3>(.*?)</h3>", html) == ["a.py", "b.py"]
    assert html.count("<table>") == 2
    rows = re.findall(r"<tr>\s*<td[^>]*>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", html)
    assert rows == [("3:5", "medium", "VC101"), ("9:5", "info (notice)", "B101"), ("1:5", "high", "VC402")]
    assert "<code>except Exception</code>" in html


def test_markdown_of_a_clean_run_says_so(ctx: ReportContext) -> None:
    assert "No findings (3 files checked)." in render("markdown", Report(files_checked=3), ctx)


def test_markdown_lists_errors(ctx: ReportContext) -> None:
    report = Report(errors=[EngineError("odd.py", "cannot read the file: Permission denied")], files_checked=1)
    html = html_of(render("markdown", report, ctx))
    assert "<li>odd.py: cannot read the file: Permission denied</li>" in html


def test_markdown_text_from_the_tree_cannot_break_the_table_or_inject_markup(ctx: ReportContext) -> None:
    path = "x|y<img src=x onerror=alert(1)>[link](http://evil)*em*_u_#.py"
    message = "`a|b` <script>alert(1)</script> | **bold** ` unpaired"
    html = html_of(render("markdown", Report(findings=[finding(path, 1, "VC101", message, hint="Use `x|y`.")]), ctx))
    assert "<img" not in html and "<script" not in html and "<a " not in html
    assert "<em>" not in html and "<strong>" not in html
    assert html.count("<td") == 5  # one row of five cells: no `|` split a cell
    assert "x|y&lt;img" in html
    assert "<code>x|y</code>" in html


def test_markdown_is_cut_to_githubs_step_summary_limit_with_a_notice(ctx: ReportContext) -> None:
    """GitHub rejects a `$GITHUB_STEP_SUMMARY` over 1 MiB: the summary must fit and say what it left out."""
    findings = [finding(f"pkg/module_{i // 50}.py", i % 50 + 1, "VC101", "`except Exception` swallows é " + "x" * 200)
                for i in range(20_000)]
    errors = [EngineError(f"odd_{i}.py", "rule crashed: KeyError", rule="VC110") for i in range(3)]
    markdown = render("markdown", Report(findings=findings, errors=errors, files_checked=400), ctx)
    assert len(markdown.encode()) <= markdown_reporter.LIMIT == 1024 * 1024
    shown = markdown.count("| VC101 |")
    assert 1_000 < shown < 20_000
    assert ("**Truncated** to stay within GitHub's 1 MiB limit for a step summary: "
            f"{shown:,} of 20,000 findings and 3 of 3 errors are shown.") in markdown
    html = html_of(markdown)
    assert "20000 findings in 400 files (400 files checked)" in html
    assert html.count("<tr>") == shown + html.count("<table>")  # whole rows only, each table with its header row
    assert all(f"odd_{i}.py: VC110: rule crashed: KeyError" in html for i in range(3))


def test_markdown_under_the_limit_is_not_cut(ctx: ReportContext) -> None:
    markdown = render("markdown", Report(findings=[finding("a.py", 1, "VC101", "swallowed")] * 100), ctx)
    assert "Truncated" not in markdown and markdown.count("| VC101 |") == 100
