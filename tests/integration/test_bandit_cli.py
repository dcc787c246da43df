"""Bandit inside vibecheck, as a user meets it on the command line: one report, one set of suppressions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.integration.conftest import run_vibecheck, write

SHELL = "import subprocess\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n"
ASSERT = "def check(x):\n    assert x\n"


def findings(root: Path, *args: str) -> list[tuple[str, int, str]]:
    run = run_vibecheck(["--format", "json", "--exit-zero", *args, "."], cwd=root)
    assert run.returncode == 0, run.stderr
    payload = json.loads(run.stdout)
    return sorted((f["path"], f["start"]["line"], f["code"]) for f in payload["findings"])


def test_bandit_findings_keep_their_codes_and_honour_nosec(tmp_path: Path) -> None:
    write(tmp_path, {
        "plain.py": SHELL,
        "nosec_code.py": SHELL.replace("shell=True)", "shell=True)  # nosec B602"),
        "nosec_other.py": SHELL.replace("shell=True)", "shell=True)  # nosec B101"),
        "blanket.py": SHELL.replace("shell=True)", "shell=True)  # nosec"),
    })
    assert findings(tmp_path) == [("nosec_other.py", 5, "B602"), ("plain.py", 5, "B602")]


def test_no_bandit_turns_the_stage_off(tmp_path: Path) -> None:
    write(tmp_path, {"plain.py": SHELL, "lib.py": ASSERT})
    assert findings(tmp_path, "--no-bandit") == []
    assert findings(tmp_path) == [("lib.py", 2, "B101"), ("plain.py", 5, "B602")]


def test_assert_is_reported_in_library_code_but_not_in_tests(tmp_path: Path) -> None:
    write(tmp_path, {"pkg/lib.py": ASSERT, "tests/test_lib.py": "def test_x():\n    assert 1 + 1 == 2\n"})
    assert findings(tmp_path) == [("pkg/lib.py", 2, "B101")]


def test_a_superseding_rule_reports_once_and_its_suppression_silences_both(tmp_path: Path) -> None:
    built = SHELL.replace("subprocess.call(cmd, shell=True)", 'subprocess.call("ls " + cmd, shell=True)')
    assert 'call("ls " + cmd' in built
    write(tmp_path, {"built.py": built})
    assert findings(tmp_path) == [("built.py", 5, "VC408")]
    write(tmp_path, {"built.py": built.replace("shell=True)", "shell=True)  # vibecheck: ignore[VC408] -- trusted input")})
    assert findings(tmp_path) == []


def test_bandit_codes_are_selectable_and_ignorable(tmp_path: Path) -> None:
    write(tmp_path, {"plain.py": SHELL, "lib.py": ASSERT})
    assert findings(tmp_path, "--select", "B6") == [("plain.py", 5, "B602")]
    assert findings(tmp_path, "--ignore", "B101") == [("plain.py", 5, "B602")]


def test_ignoring_a_rule_ignores_the_bandit_checks_it_supersedes(tmp_path: Path) -> None:
    write(tmp_path, {"swallow.py": "def f():\n    try:\n        g()\n    except Exception:\n        pass\n"})
    assert findings(tmp_path) == [("swallow.py", 4, "VC101")]
    assert findings(tmp_path, "--ignore", "swallowed-exception") == []
    assert findings(tmp_path, "--select", "B110") == [("swallow.py", 4, "B110")]


def test_bandit_codes_are_rated_on_vibecheck_severity_scale(tmp_path: Path) -> None:
    weak_hash = "import hashlib\n\n\ndef signature(key, body):\n    return hashlib.md5(key + body).hexdigest()\n"
    write(tmp_path, {"lib.py": ASSERT, "sign.py": weak_hash, "opts.py": 'SETTINGS = {"PASSWORD": "None"}\n'})
    run = run_vibecheck(["--format", "json", "."], cwd=tmp_path)
    rated = sorted((f["code"], f["severity"]) for f in json.loads(run.stdout)["findings"])
    assert rated == [("B101", "info"), ("B105", "info"), ("B324", "medium")]
    assert run.returncode == 1, run.stderr
    write(tmp_path, {"sign.py": weak_hash.replace("(key + body)", "(key + body, usedforsecurity=False)")})
    notices_only = run_vibecheck(["--format", "json", "."], cwd=tmp_path)
    assert [f["severity"] for f in json.loads(notices_only.stdout)["findings"]] == ["info", "info"]
    assert notices_only.returncode == 0, notices_only.stdout
    assert run_vibecheck(["--fail-on", "info", "."], cwd=tmp_path).returncode == 1


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the syntax is this Python's own from 3.12 on")
def test_newer_syntax_says_which_python_to_run_and_the_rules_still_report(tmp_path: Path) -> None:
    """libcst reads 3.12 syntax that Python 3.11's `ast` (bandit's parser) cannot: the run reports the rules'
    findings, then says why bandit's checks did not run and what to do, and exits 2 (a check did not run)."""
    write(tmp_path, {"app.py": "type Pair = tuple[int, int]\n\n\ndef f():\n    try:\n        g()\n"
                               "    except Exception:\n        pass\n"})
    run = run_vibecheck(["--format", "json", "."], cwd=tmp_path)
    assert run.returncode == 2
    assert [f["code"] for f in json.loads(run.stdout)["findings"]] == ["VC101"]
    assert "could not parse the file with Python 3.11" in run.stderr
    assert "newer Python" in run.stderr
