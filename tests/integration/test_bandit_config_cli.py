"""A bandit user's `[tool.bandit]` in pyproject.toml is honoured, or left to bandit with where the setting goes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.conftest import write
from vibecheck.cli import cli

SHELL = "import subprocess\n\n\ndef run(cmd):\n    assert cmd\n    return subprocess.call(cmd, shell=True)\n"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"pkg/app.py": SHELL, "generated/out.py": SHELL})
    return tmp_path


def reported(project: Path, pyproject: str) -> list[tuple[str, str]]:
    (project / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--format", "json", "--exit-zero", "."], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return sorted((f["path"], f["code"]) for f in json.loads(result.stdout)["findings"])


def test_skips_and_exclude_dirs_are_honoured(project: Path) -> None:
    everything = reported(project, '[project]\nname = "x"\n')
    assert everything == [("generated/out.py", "B101"), ("generated/out.py", "B602"),
                          ("pkg/app.py", "B101"), ("pkg/app.py", "B602")]
    honoured = reported(project, '[tool.bandit]\nskips = ["B602"]\nexclude_dirs = ["./generated/"]\n')
    assert honoured == [("pkg/app.py", "B101")]
    write(project, {"pkg/test_app.py": SHELL})
    write(project, {"pkg/test_app.py": "def test_run():\n    assert True\n"})
    globbed = reported(project, '[tool.bandit]\nexclude_dirs = ["generated", "pkg/app.py"]\nexclude = ["test_*"]\n')
    assert globbed == [("pkg/test_app.py", "VC304")]  # bandit's excludes are bandit's: the test rules still read it


def test_tests_and_plugin_tables_are_honoured(project: Path) -> None:
    assert reported(project, '[tool.bandit]\ntests = ["B602"]\n[tool.bandit.assert_used]\nskips = ["*/app.py"]\n') == [
        ("generated/out.py", "B602"), ("pkg/app.py", "B602")]
    assert reported(project, '[tool.bandit.assert_used]\nskips = ["*/app.py"]\n') == [
        ("generated/out.py", "B101"), ("generated/out.py", "B602"), ("pkg/app.py", "B602")]


def test_vibecheck_own_bandit_table_wins_over_tool_bandit(project: Path) -> None:
    both = '[tool.vibecheck.bandit]\nskips = ["B101"]\n[tool.bandit]\nskips = ["B602"]\nexclude_dirs = ["generated"]\n'
    assert reported(project, both) == [("pkg/app.py", "B602")]


@pytest.mark.parametrize(("setting", "pointer"), [
    ('targets = ["src"]', "pass the paths to check on the command line"),
    ('severity = "high"', "use `fail-on` under `[tool.vibecheck]`"),
    ("made_up = 1", "put other settings under `[tool.vibecheck]`"),
])
def test_settings_left_to_bandit_are_ignored_with_where_they_go(project: Path, setting: str, pointer: str) -> None:
    """A project that runs bandit beside vibecheck keeps bandit's own keys: the run goes on and says where each goes."""
    (project / "pyproject.toml").write_text(f"[tool.bandit]\n{setting}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--format", "concise", "."], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert "pkg/app.py" in result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.startswith("vibecheck: warning:")]
    assert len(warnings) == 1 and "[tool.bandit]" in warnings[0] and pointer in warnings[0], result.stderr


def test_a_setting_vibecheck_honours_with_the_wrong_type_stops_the_run(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.bandit]\nskips = "B101"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["."], catch_exceptions=False)
    assert result.exit_code == 2
    assert "[tool.bandit]" in result.stderr and "must be a list of strings" in result.stderr


def test_ruff_and_bandit_suppressions_carry_over(project: Path) -> None:
    write(project, {
        "pkg/app.py": SHELL.replace("shell=True)", "shell=True)  # noqa: S602"),
        "generated/out.py": 'import subprocess\n\n\ndef run(cmd):\n'
                            '    return subprocess.call("ls " + cmd, shell=True)  # nosec B602\n'
                            'DB_PASSWORD = "Tr0ub4dor&3-prod"  # nosec\nAPI_TOKEN = "Tr0ub4dor&3-prod"\n',
    })
    assert reported(project, '[project]\nname = "x"\n') == [
        ("generated/out.py", "VC403"), ("pkg/app.py", "B101")]
