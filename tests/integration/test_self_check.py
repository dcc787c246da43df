"""Dogfood: vibecheck run on its own source is clean (every suppression there carries a reason)."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import REPO_ROOT

SUPPRESSION = re.compile(r"#\s*(vibecheck:\s*ignore|noqa|nosec)\b(.*)$")


def test_own_source_is_clean() -> None:
    run = subprocess.run([sys.executable, "-m", "vibecheck", "src", "--format", "concise"], cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout == ""


def test_every_suppression_in_own_source_has_a_reason() -> None:
    bare = []
    for path in sorted((REPO_ROOT / "src").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = SUPPRESSION.search(line)
            if match and "--" not in match.group(2):
                bare.append(f"{path.relative_to(REPO_ROOT)}:{number}: {line.strip()}")
    assert bare == [], "suppressions without a `-- reason`"
