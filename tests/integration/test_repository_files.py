"""The files users copy from this repository: README set-up commands, the pre-commit hook, CI script."""

from __future__ import annotations

import os
import re

import yaml

from tests.conftest import REPO_ROOT


def test_readme_starts_with_the_two_setup_commands() -> None:
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```console\n(.*?)```", text, re.DOTALL)
    assert first_block and text.index("```") == first_block.start()
    assert first_block.group(1).splitlines() == [
        "python -m pip install . && vibecheck examples/vibe-app",
        "python -m pip install '.[test]' && python -m pytest",
    ]


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "vibecheck")
    assert hook["entry"].split() == ["vibecheck", "--force-exclude"]
    assert hook["language"] == "python" and hook["types"] == ["python"] and hook["require_serial"] is True


def test_ci_script_runs_the_readme_test_command_and_rejects_empty_runs() -> None:
    script = REPO_ROOT / ".ci" / "run"
    text = script.read_text(encoding="utf-8")
    assert os.access(script, os.X_OK)
    assert "python -m pip install --quiet '.[test]'" in text and "python -m pytest" in text
    assert '"$status" -eq 5' in text


def test_ci_script_runs_the_checks_the_readme_lists() -> None:
    script = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line.strip() for line in script.splitlines() if line.strip() and not line.lstrip().startswith(("#", "echo"))]
    for check in ("ruff check src tests", "vibecheck docs --check", "mypy"):
        assert check in commands, f".ci/run does not run `{check}`"
        assert f"`{check}`" in readme, f"README does not say that CI runs `{check}`"


def test_contributing_guide_names_files_that_exist() -> None:
    """The guide is a map of the tree: every file or folder it names in backticks must still be there."""
    text = (REPO_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([A-Za-z_./-]+(?:\.py|/))`", text))
    bases = [REPO_ROOT, REPO_ROOT / "src", REPO_ROOT / "src" / "vibecheck", REPO_ROOT / "src" / "vibecheck" / "rules",
             *REPO_ROOT.glob("rules/*/")]
    missing = sorted(name for name in named if not any((base / name).exists() for base in bases))
    assert named and not missing, f"CONTRIBUTING.md names files that do not exist: {missing}"
