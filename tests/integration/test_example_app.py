"""`vibecheck examples/vibe-app` reports exactly the planted pitfalls, as a user runs it.

Each planted pitfall carries `# expect: CODE` on the line above it (`# expect-file: CODE` anywhere in a
file for a finding about the whole file, reported at line 1). Any finding not annotated fails the test,
and so does any annotation without its finding.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT

APP = REPO_ROOT / "examples" / "vibe-app"
LINE_ANNOTATION = re.compile(r"^\s*#\s*expect:\s*([A-Z0-9, ]+?)\s*$")
FILE_ANNOTATION = re.compile(r"^\s*#\s*expect-file:\s*([A-Z0-9, ]+?)\s*$")


def expected_findings() -> set[tuple[str, int, str]]:
    expected: set[tuple[str, int, str]] = set()
    for path in sorted(APP.rglob("*.py")):
        relative = path.relative_to(APP).as_posix()
        pending: list[str] = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if match := FILE_ANNOTATION.match(line):
                expected |= {(relative, 1, code.strip()) for code in match.group(1).split(",")}
                continue
            if match := LINE_ANNOTATION.match(line):
                pending += [code.strip() for code in match.group(1).split(",")]
                continue
            expected |= {(relative, number, code) for code in pending}
            pending = []
    return expected


def test_example_app_reports_exactly_the_planted_pitfalls() -> None:
    run = subprocess.run([sys.executable, "-m", "vibecheck", ".", "--format", "json"], cwd=APP,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr
    payload = json.loads(run.stdout)
    assert payload["errors"] == []
    reported = {(Path(f["path"]).as_posix(), f["start"]["line"], f["code"]) for f in payload["findings"]}
    expected = expected_findings()
    assert len(expected) >= 10
    assert reported - expected == set(), "findings nobody planted"
    assert expected - reported == set(), "planted pitfalls vibecheck missed"


def test_example_app_text_report_is_readable() -> None:
    run = subprocess.run([sys.executable, "-m", "vibecheck", str(APP)], capture_output=True, text=True,
                         timeout=300, env={**os.environ, "NO_COLOR": "1"})
    assert run.returncode == 1
    assert "\x1b[" not in run.stdout
    assert "vibe_app/weather.py" in run.stdout and "help:" in run.stdout
    assert "Found" in run.stderr
