"""The report a person reads, run as a user runs it: severity without colour, filters, colour control,
statistics, honest SARIF paths, JUnit counts and the errors a mistyped command gets."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from click.testing import CliRunner

from tests.integration.conftest import write
from vibecheck.cli import cli
from vibecheck.model import Category, Confidence, Finding, Location, Position, Report, Severity
from vibecheck.registry import load_registry
from vibecheck.reporters import ReportContext, render

ANSI = re.compile(r"\x1b\[")
SWALLOW = """\
def load():
    try:
        return work()
    except Exception:
        pass
"""
SHELL = """\
import subprocess


def run(cmd):
    return subprocess.run(cmd, shell=True, check=True)
"""
BARE_NOQA = "VALUE = 1  # noqa\n"


def invoke(args: list[str], stdin: str | None = None, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, args, input=stdin, env=env, catch_exceptions=False)


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


def test_text_report_without_colour_shows_severity_and_plain_help(project: Path) -> None:
    write(project, {"app.py": SWALLOW})
    result = invoke(["--no-bandit", "app.py"], env={"NO_COLOR": "1"})
    assert result.exit_code == 1
    assert not ANSI.search(result.stdout + result.stderr)
    lines = result.stdout.splitlines()
    assert lines[0] == "app.py"
    assert lines[1] == ("  4:5  VC101 medium [swallowed-exception] `except Exception` swallows every error: its body "
                        "does nothing with the failure.")
    assert lines[2] == "    4 │     except Exception:"
    assert lines[3] == "      │     ^^^^^^^^^^^^^^^^^"
    assert lines[4].startswith("  help: ")
    assert "Found 1 finding (1 medium) in 1 of 1 file checked." in result.stderr
    assert "1 fails the build." in result.stderr


def test_concise_output_shows_severity_and_notices(project: Path) -> None:
    write(project, {"app.py": SWALLOW, "settings.py": BARE_NOQA})
    result = invoke(["--no-bandit", "-f", "concise", "."])
    assert result.stdout.splitlines() == [
        "app.py:4:5: VC101 [medium] `except Exception` swallows every error: its body does nothing with the failure.",
        next(line for line in result.stdout.splitlines() if line.startswith("settings.py:1:")),
    ]
    notice = result.stdout.splitlines()[1]
    assert "VC902 [info] (notice)" in notice
    assert invoke(["--no-bandit", "--output-format", "concise", "."]).stdout == result.stdout


def test_colour_follows_flag_then_no_color_then_force_color(project: Path) -> None:
    write(project, {"app.py": SWALLOW})
    assert not ANSI.search(invoke(["--no-bandit", "app.py"]).stdout), "not a terminal: no colour"
    assert ANSI.search(invoke(["--no-bandit", "app.py"], env={"FORCE_COLOR": "1"}).stdout)
    assert not ANSI.search(invoke(["--no-bandit", "app.py"], env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout)
    assert ANSI.search(invoke(["--no-bandit", "--color", "always", "app.py"], env={"NO_COLOR": "1"}).stdout)
    assert not ANSI.search(invoke(["--no-bandit", "--color", "never", "app.py"], env={"FORCE_COLOR": "1"}).stdout)


def test_min_severity_and_confidence_filter_what_prints_and_fails(project: Path) -> None:
    write(project, {"app.py": SWALLOW, "run.py": SHELL})
    everything = invoke(["-f", "concise", "."])
    assert "VC101" in everything.stdout and "B602" in everything.stdout
    high = invoke(["-f", "concise", "--min-severity", "high", "."])
    assert "B602" in high.stdout and "VC101" not in high.stdout
    assert high.exit_code == 1
    only_swallow = invoke(["-f", "concise", "--severity", "high", "--no-bandit", "."])
    assert only_swallow.stdout == "" and only_swallow.exit_code == 0, "filtered findings do not fail the build"
    confident = invoke(["-f", "concise", "--confidence", "high", "."])
    assert all(line for line in confident.stdout.splitlines())
    assert "VC101" in confident.stdout


def test_statistics_counts_per_code_instead_of_findings(project: Path) -> None:
    write(project, {"a.py": SWALLOW, "b.py": SWALLOW, "run.py": SHELL})
    result = invoke(["--statistics", "."])
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0][:2] == ["2", "VC101"]
    assert ["1", "B602"] in [row[:2] for row in rows]
    assert result.exit_code == 1
    as_json = json.loads(invoke(["--statistics", "-f", "json", "."]).stdout)
    assert {k: as_json[0][k] for k in ("code", "count")} == {"code": "VC101", "count": 2}


def test_sort_by_severity_puts_the_worst_first(project: Path) -> None:
    write(project, {"a.py": SWALLOW, "z.py": SHELL})
    by_path = invoke(["-f", "concise", "."]).stdout.splitlines()
    by_severity = invoke(["-f", "concise", "--sort", "severity", "."]).stdout.splitlines()
    assert by_path[0].startswith("a.py") and by_severity[0].startswith("z.py:5")
    assert sorted(by_path) == sorted(by_severity)


def test_junit_counts_only_findings_that_fail_the_build(project: Path) -> None:
    write(project, {"app.py": SWALLOW, "settings.py": BARE_NOQA})
    root = ET.fromstring(invoke(["--no-bandit", "-f", "junit", "."]).stdout)
    assert root.get("failures") == "1" and root.get("tests") == "2"
    assert len(root.findall(".//failure")) == 1
    notice = [case for case in root.iter("testcase") if case.get("name", "").startswith("VC902")]
    assert notice and notice[0].find("failure") is None and "VC902" in notice[0].find("system-out").text


def test_sarif_locations_resolve_to_real_files_from_a_sub_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / ".git").mkdir()
    write(project, {"services/api/app.py": SWALLOW, "services/api/odd name %.py": SWALLOW})
    monkeypatch.chdir(project / "services")
    log = json.loads(invoke(["--no-bandit", "api", "-f", "sarif"]).stdout)
    run = log["runs"][0]
    bases = {name: Path(unquote(urlparse(base["uri"]).path)) for name, base in run["originalUriBaseIds"].items()}
    assert bases["%SRCROOT%"] == project.resolve()
    locations = [loc["physicalLocation"]["artifactLocation"] for r in run["results"] for loc in r["locations"]]
    assert len(locations) == 2
    for location in locations:
        resolved = bases[location["uriBaseId"]] / unquote(location["uri"])
        assert resolved.is_file(), location
    assert any("%25" in location["uri"] and "%20" in location["uri"] for location in locations)


@pytest.mark.parametrize(("word", "expected"), [("setup", "unknown command `setup`"), ("chek", "did you mean `vibecheck check`?"),
                                                 ("help", "unknown command `help`")])
def test_unknown_commands_are_errors_with_a_suggestion(project: Path, word: str, expected: str) -> None:
    result = invoke([word])
    assert result.exit_code == 2
    assert expected in result.stderr


def test_a_folder_named_like_a_command_is_still_checked(project: Path) -> None:
    write(project, {"help/app.py": SWALLOW})
    result = invoke(["--no-bandit", "-f", "concise", "help"])
    assert result.exit_code == 1 and "help/app.py:4:5: VC101" in result.stdout


def test_dash_reads_the_source_from_stdin(project: Path) -> None:
    result = invoke(["--no-bandit", "-f", "concise", "-"], stdin=SWALLOW)
    assert result.exit_code == 1
    assert ":4:5: VC101 [medium]" in result.stdout


def test_rule_command_explains_a_bandit_check_like_a_vibecheck_rule(project: Path) -> None:
    result = invoke(["rule", "B602"])
    assert result.exit_code == 0
    for fact in ("Severity", "high", "CWE-78", "bandit.readthedocs.io", "What to do", "vibecheck: ignore[B602]"):
        assert fact in result.stdout, fact


def test_bandit_findings_say_what_to_do_and_how_to_suppress(project: Path) -> None:
    write(project, {"run.py": SHELL})
    finding = json.loads(invoke(["-f", "json", "run.py"]).stdout)["findings"][0]
    assert finding["code"] == "B602"
    assert finding["hint"].startswith("Pass a list of arguments without `shell=True`")
    assert finding["hint"].index("vibecheck: ignore[B602]") < finding["hint"].index("nosec B602")


def test_long_messages_wrap_at_word_boundaries_under_themselves() -> None:
    finding = Finding("VC101", "swallowed-exception", "word " * 30 + "end.", Location("a.py", Position(3, 5), Position(3, 9)),
                      Severity.HIGH, Confidence.HIGH, Category.ERROR_HANDLING, hint="act " * 25 + "now.", line_text="    x = 1")
    out = render("text", Report(findings=[finding]), ReportContext(load_registry(), width=60))
    lines = out.splitlines()
    message_lines = [line for line in lines if "word" in line]
    assert len(message_lines) > 1
    assert all(len(line) <= 60 and not line.endswith(" ") for line in lines)
    continuation = message_lines[1]
    assert continuation.startswith(" " * len("  3:5  ")) and continuation.strip().startswith("word")
    words = " ".join(message_lines).split("[swallowed-exception]")[1].split()
    assert words == ["word"] * 30 + ["end."], "no word is split or lost"
