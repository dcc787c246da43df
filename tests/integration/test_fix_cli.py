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


def test_fixes_of_two_rules_on_one_call_compose_in_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = "import requests\n\n\ndef fetch(url):\n    return requests.get(\n        url,\n        verify=False,\n    )\n"
    (tmp_path / "client.py").write_text(source, encoding="utf-8")
    result = CliRunner().invoke(cli, ["fix", "--unsafe-fixes", "--no-bandit", "--select", "VC106,VC404", "client.py"])
    assert "Fixed 2 findings in 1 file(s)" in result.stderr, result.stderr
    assert (tmp_path / "client.py").read_text(encoding="utf-8") == (
        "import requests\n\n\ndef fetch(url):\n    return requests.get(\n        url,\n        timeout=10,\n    )\n")
    assert result.exit_code == 0 and result.stdout == ""


@pytest.mark.parametrize(("extra", "fixed_by_default"), [("", True), ("yaml.add_constructor('!env', env)\n", False)])
def test_yaml_fix_is_unsafe_only_where_the_file_adds_its_own_tags(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: str, fixed_by_default: bool) -> None:
    monkeypatch.chdir(tmp_path)
    source = f"import yaml\n{extra}\n\ndef settings(stream):\n    return yaml.load(stream, Loader=yaml.Loader)\n"
    (tmp_path / "conf.py").write_text(source, encoding="utf-8")
    CliRunner().invoke(cli, ["fix", "--no-bandit", "--select", "VC406", "conf.py"])
    fixed = source.replace("yaml.load(stream, Loader=yaml.Loader)", "yaml.safe_load(stream)")
    assert (tmp_path / "conf.py").read_text(encoding="utf-8") == (fixed if fixed_by_default else source)


def test_bare_except_fix_keeps_the_handler_body_and_its_comment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = "def run():\n    try:\n        work()\n    except :  # anything\n        cleanup()\n"
    (tmp_path / "job.py").write_text(source, encoding="utf-8")
    CliRunner().invoke(cli, ["fix", "--no-bandit", "--select", "VC111", "job.py"])
    assert (tmp_path / "job.py").read_text(encoding="utf-8") == source.replace("except :", "except Exception:")


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_an_unsafe_fix_is_marked_fixable_when_unsafe_fixes_are_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.chdir(tmp_path)
    app = tmp_path / "app.py"
    app.write_text("import requests\n\n\ndef fetch(url):\n    return requests.get(url)\n", encoding="utf-8")
    app.chmod(0o444)  # --fix cannot write it, so the finding and its (unsafe) fix stay in the report
    base = ["--no-bandit", "--select", "VC106", "--format", fmt, "app.py"]
    with_unsafe = CliRunner().invoke(cli, [*base, "--fix", "--unsafe-fixes"], catch_exceptions=False)
    plain = CliRunner().invoke(cli, base, catch_exceptions=False)
    assert "not fixed: the file is read-only" in with_unsafe.stderr
    assert " [*] " in with_unsafe.stdout and "[unsafe fix]" not in with_unsafe.stdout
    assert " [*] " not in plain.stdout
    assert ("[unsafe fix]" in plain.stdout) == (fmt == "text")
