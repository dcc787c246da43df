"""`vibecheck fix`, `--diff` and `--fix` as a user runs them, on files in `tmp_path`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vibecheck.cli import cli

# Two VC105 findings: one with a fix (the handler names the error), one without (nothing to chain).
APP = '''\
def load(data):
    try:
        return data["name"]
    except KeyError as err:
        raise ValueError("missing")


def parse(text):
    try:
        return int(text)
    except ValueError:
        raise TypeError("not a number")
'''
FIXED_LINE = '        raise ValueError("missing") from err\n'


def invoke(*args: str):
    return CliRunner().invoke(cli, ["--no-bandit", "--select", "VC105", *args], catch_exceptions=False)


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "app.py").write_text(APP, encoding="utf-8")
    return tmp_path


def test_fix_diff_prints_the_diff_writes_nothing_and_exits_1(project: Path) -> None:
    result = CliRunner().invoke(cli, ["fix", "--diff", "--no-bandit", "--select", "VC105", "pkg"])
    assert result.exit_code == 1
    assert result.stdout == (
        "--- a/pkg/app.py\n+++ b/pkg/app.py\n@@ -2,7 +2,7 @@\n"
        "     try:\n"
        '         return data["name"]\n'
        "     except KeyError as err:\n"
        '-        raise ValueError("missing")\n'
        f"+{FIXED_LINE}"
        " \n \n def parse(text):\n"
    )
    assert "Would fix 1 finding in 1 file." in result.stderr
    assert (project / "pkg" / "app.py").read_text(encoding="utf-8") == APP


def test_check_diff_is_the_same_preview(project: Path) -> None:
    result = invoke("--diff", "pkg/app.py")
    assert result.exit_code == 1 and f"+{FIXED_LINE}" in result.stdout
    assert (project / "pkg" / "app.py").read_text(encoding="utf-8") == APP


def test_diff_without_fixes_exits_0(project: Path) -> None:
    (project / "pkg" / "app.py").write_text("x = 1\n", encoding="utf-8")
    result = invoke("--diff", "pkg")
    assert result.exit_code == 0 and result.stdout == ""
    assert "No fixes to apply." in result.stderr


def test_fix_then_a_rerun_reports_only_what_is_not_fixable(project: Path) -> None:
    fixed = CliRunner().invoke(cli, ["fix", "--no-bandit", "--select", "VC105", "--format", "concise", "pkg"])
    assert "Fixed 1 finding in 1 file(s): pkg/app.py" in fixed.stderr
    text = (project / "pkg" / "app.py").read_text(encoding="utf-8")
    assert FIXED_LINE in text and text.count("from err") == 1
    assert fixed.stdout == ("pkg/app.py:12:9: VC105 [info] (notice) `raise TypeError(\"not a number\")` inside an "
                            "`except` block has no `from`, so the original error reads as an accident.\n")
    again = invoke("--fix", "--format", "concise", "pkg")
    assert "Fixed" not in again.stderr and again.stdout == fixed.stdout
    assert (project / "pkg" / "app.py").read_text(encoding="utf-8") == text


def test_concise_marks_the_fixable_finding(project: Path) -> None:
    lines = invoke("--format", "concise", "pkg").stdout.splitlines()
    assert [line.split(" [info]")[1].startswith(" [*]") for line in lines] == [True, False]


def test_diff_cannot_read_stdin(project: Path) -> None:
    result = CliRunner().invoke(cli, ["--diff", "--stdin-filename", "a.py"], input="x = 1\n")
    assert result.exit_code == 2 and "--diff cannot be combined with --stdin-filename" in result.stderr
