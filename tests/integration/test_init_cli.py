"""`vibecheck init` as a user runs it: the table it writes, what it leaves alone, and the snippets it prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tests.integration.conftest import run_vibecheck, write
from tests.snippet_check import check_text
from vibecheck.cli import cli
from vibecheck.config import load_settings
from vibecheck.registry import load_registry

PYPROJECT = '[project]\nname = "demo"\nversion = "1.0"  # keep this comment\n\n[tool.ruff]\nline-length = 100\n'


def init(folder: Path | None = None):
    return CliRunner().invoke(cli, ["init", *([str(folder)] if folder else [])], catch_exceptions=False)


def sections(stdout: str) -> dict[str, str]:
    """The printed snippets by the file they belong in (`--- NAME ---` headers)."""
    found: dict[str, list[str]] = {}
    current = None
    for line in stdout.splitlines():
        if line.startswith("--- ") and line.endswith(" ---"):
            current = line[4:-4].split(" (")[0]
            found[current] = []
        elif current is not None:
            found[current].append(line)
    return {name: "\n".join(lines) for name, lines in found.items()}


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_appends_the_table_and_keeps_every_other_byte(project: Path) -> None:
    write(project, {"pyproject.toml": PYPROJECT})
    result = init()
    assert result.exit_code == 0, result.stderr
    text = (project / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith(PYPROJECT) and text[len(PYPROJECT):].startswith("\n[tool.vibecheck]\n")
    settings = load_settings(["."], load_registry())  # the written table is a valid configuration
    assert settings.root == str(project) and settings.fail_on.value == "low"
    assert "Added a [tool.vibecheck] table" in result.stderr


def test_init_creates_a_missing_pyproject_that_vibecheck_then_uses(project: Path) -> None:
    write(project, {"app.py": "def add(a, b):\n    return a + b\n",
                    "tests/test_app.py": "from app import add\n\n\ndef test_add():\n    assert add(1, 2) == 3\n"})
    assert init().exit_code == 0
    assert (project / "pyproject.toml").read_text(encoding="utf-8").startswith("[tool.vibecheck]\n")
    run = run_vibecheck([], project)
    assert run.returncode == 0, run.stdout + run.stderr


def test_init_keeps_crlf_line_endings_and_a_missing_final_newline(project: Path) -> None:
    original = b'[project]\r\nname = "demo"'
    (project / "pyproject.toml").write_bytes(original)
    assert init().exit_code == 0
    data = (project / "pyproject.toml").read_bytes()
    assert data.startswith(original + b"\r\n\r\n[tool.vibecheck]\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")


@pytest.mark.parametrize("files", [
    {"pyproject.toml": PYPROJECT + '\n[tool.vibecheck]\nignore = ["VC101"]\n'},
    {"pyproject.toml": PYPROJECT + '\n[tool.vibecheck.per-file-ignores]\n"a.py" = ["VC1"]\n'},
    {"pyproject.toml": PYPROJECT, "vibecheck.toml": 'fail-on = "high"\n'},
], ids=["table", "sub-table", "vibecheck.toml"])
def test_init_never_clobbers_an_existing_configuration(project: Path, files: dict[str, str]) -> None:
    write(project, files)
    before = {name: (project / name).read_bytes() for name in files}
    result = init()
    assert result.exit_code == 1
    assert "already configures vibecheck; nothing written" in result.stderr
    assert {name: (project / name).read_bytes() for name in files} == before
    assert result.stdout == ""


def test_init_refuses_a_broken_pyproject(project: Path) -> None:
    write(project, {"pyproject.toml": "[project\nname = 1\n"})
    run = run_vibecheck(["init"], project)
    assert run.returncode == 2 and "not valid TOML" in run.stderr
    assert (project / "pyproject.toml").read_text(encoding="utf-8") == "[project\nname = 1\n"


def test_init_takes_a_folder(project: Path) -> None:
    (project / "service").mkdir()
    assert init(project / "service").exit_code == 0
    assert (project / "service" / "pyproject.toml").is_file() and not (project / "pyproject.toml").exists()


def test_init_prints_snippets_that_parse_and_name_real_commands(project: Path) -> None:
    stdout = init().stdout
    snippets = sections(stdout)
    assert set(snippets) == {".pre-commit-config.yaml", ".github/workflows/vibecheck.yml", ".claude/settings.json",
                             "AGENTS.md or CLAUDE.md"}
    pre_commit = yaml.safe_load(snippets[".pre-commit-config.yaml"])
    assert pre_commit["repos"][0]["hooks"] == [{"id": "vibecheck"}]
    workflow = yaml.safe_load(snippets[".github/workflows/vibecheck.yml"])
    assert workflow["jobs"]["vibecheck"]["steps"][-1]["uses"].startswith("OWNER/vibecheck@")
    hook = json.loads(snippets[".claude/settings.json"])
    command = hook["hooks"]["PostToolUse"][0]["hooks"][0]["command"]
    assert check_text(command, "init's hook snippet") == 1
    assert check_text(snippets["AGENTS.md or CLAUDE.md"].replace("`", "\n"), "init's AGENTS.md snippet") == 1


class _Installed:
    """A distribution whose `direct_url.json` says pip installed it from a git URL (PEP 610)."""

    def read_text(self, name: str) -> str | None:
        if name != "direct_url.json":
            return None
        return json.dumps({"url": "https://github.com/acme/vibecheck.git",
                           "vcs_info": {"vcs": "git", "commit_id": "0123456789abcdef0123456789abcdef01234567"}})


def test_init_names_the_repository_and_commit_pip_installed_from(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("vibecheck.commands.init.metadata.distribution", lambda name: _Installed())
    snippets = sections(init().stdout)
    pre_commit = yaml.safe_load(snippets[".pre-commit-config.yaml"])["repos"][0]
    assert pre_commit["repo"] == "https://github.com/acme/vibecheck.git"
    assert pre_commit["rev"] == "0123456789abcdef0123456789abcdef01234567"
    workflow = yaml.safe_load(snippets[".github/workflows/vibecheck.yml"])
    assert workflow["jobs"]["vibecheck"]["steps"][-1]["uses"] == "acme/vibecheck@0123456789abcdef0123456789abcdef01234567"


def test_init_with_baseline_makes_the_first_run_green(project: Path) -> None:
    write(project, {"app.py": "def load():\n    try:\n        return work()\n    except Exception:\n        pass\n",
                    "tests/test_app.py": "from app import load\n\n\ndef test_load():\n    assert load() is None\n"})
    assert run_vibecheck([], project).returncode == 1  # a finding to accept
    result = CliRunner().invoke(cli, ["init", "--baseline"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "VC101" in (project / ".vibecheck-baseline.json").read_text(encoding="utf-8")
    assert sections(result.stdout)  # the snippets are printed too
    first_ci_run = run_vibecheck([], project)
    assert first_ci_run.returncode == 0, first_ci_run.stdout + first_ci_run.stderr
