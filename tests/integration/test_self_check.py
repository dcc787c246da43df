"""Dogfood: vibecheck run on its own source is clean, and every suppression there carries a reason."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import REPO_ROOT
from vibecheck.suppression import parse_suppressions


def test_repository_root_is_clean() -> None:
    """What a contributor types first: `vibecheck` at the root, where config excludes the bad-on-purpose folders."""
    run = subprocess.run([sys.executable, "-m", "vibecheck", "--format", "concise"], cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout == ""
    checked = re.search(r"No findings in (\d+) files", run.stderr)
    assert checked and int(checked.group(1)) > 100, run.stderr


def test_every_suppression_in_own_source_has_a_reason() -> None:
    bare = []
    for path in sorted((REPO_ROOT / "src").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for suppression in parse_suppressions(source):
            if suppression.foreign:
                continue  # bandit's own comment, read for bandit's checks (its reason sits on the line above)
            comment = lines[suppression.line - 1][suppression.column:]
            if "--" not in comment:
                bare.append(f"{path.relative_to(REPO_ROOT)}:{suppression.line}: {comment}")
    assert bare == [], "suppressions without a `-- reason`"
