"""The pre-commit hook as a user meets it: real `pre-commit try-repo` against this repository's hooks.

pre-commit builds the hook's virtualenv with pip, so this one test needs the package index. It is marked
`network` and skips, saying why, when pre-commit is not installed or the index does not answer a quick
probe (`pip index versions libcst`, which asks whatever index pip is configured with). try-repo checks
out this repository's committed code (with uncommitted changes as a temporary commit on top).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

GIT = shutil.which("git")
SWALLOW = "def load():\n    try:\n        return work()\n    except Exception:\n        pass\n"
FIXED = "def load():\n    try:\n        return work()\n    except OSError:\n        return None\n"


def pre_commit_command() -> list[str] | None:
    found = shutil.which("pre-commit")
    if found:
        return [found]
    probe = subprocess.run([sys.executable, "-m", "pre_commit", "--version"], capture_output=True, check=False)
    return [sys.executable, "-m", "pre_commit"] if probe.returncode == 0 else None


def index_reachable() -> bool:
    try:
        probe = subprocess.run([sys.executable, "-m", "pip", "index", "versions", "libcst", "--timeout", "10", "--retries", "0"],
                               capture_output=True, timeout=30, check=False)
    except subprocess.TimeoutExpired:
        return False
    return probe.returncode == 0


def git(repo: Path, *args: str) -> None:
    assert GIT is not None
    subprocess.run([GIT, "-C", str(repo), *args], check=True, capture_output=True)


@pytest.mark.network
def test_try_repo_fails_on_a_planted_finding_and_passes_after_the_fix(tmp_path: Path) -> None:
    command = pre_commit_command()
    if command is None:
        pytest.skip("pre-commit is not installed (python -m pip install pre-commit)")
    if GIT is None or not (REPO_ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of vibecheck: try-repo clones it")
    if not index_reachable():
        pytest.skip("the package index does not answer: pre-commit cannot build the hook's virtualenv offline")
    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "-q")
    (project / "app.py").write_text(SWALLOW, encoding="utf-8")
    git(project, "add", "app.py")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run([*command, "try-repo", str(REPO_ROOT), "vibecheck", "--files", "app.py"], cwd=project,
                              env=env, capture_output=True, text=True, timeout=1200, check=False)

    planted = try_repo()
    assert planted.returncode == 1, planted.stdout + planted.stderr
    assert "VC101" in planted.stdout and "Failed" in planted.stdout

    (project / "app.py").write_text(FIXED, encoding="utf-8")
    git(project, "add", "app.py")
    fixed = try_repo()
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Passed" in fixed.stdout
