"""The command line as a user meets it: exit codes, stdout versus stderr, config errors, odd files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.conftest import run_vibecheck, write
from vibecheck.cli import cli

SWALLOW = """\
def load():
    try:
        return work()
    except Exception:
        pass
"""
CLEAN = "def add(a, b):\n    return a + b\n"


def invoke(args: list[str], stdin: str | None = None):
    return CliRunner().invoke(cli, args, input=stdin, catch_exceptions=False)


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_clean_project_exits_0(project: Path) -> None:
    write(project, {"app.py": CLEAN})
    result = invoke(["--format", "concise", "."])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_findings_exit_1_and_go_to_stdout(project: Path) -> None:
    write(project, {"app.py": SWALLOW, "ok.py": CLEAN})
    result = invoke(["--format", "concise", "."])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "app.py:4:5: VC101 [medium] `except Exception` swallows every error: its body does nothing with the failure."]
    assert "VC101" not in result.stderr


def test_bare_command_checks_the_current_directory(project: Path) -> None:
    write(project, {"pkg/app.py": SWALLOW})
    result = invoke(["--format", "concise"])
    assert result.exit_code == 1
    assert "pkg/app.py:4:5: VC101" in result.stdout


def test_explicit_check_subcommand_and_json(project: Path) -> None:
    write(project, {"app.py": SWALLOW})
    result = invoke(["check", "--format", "json", "app.py"])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["path"], f["start"]["line"]) for f in findings] == [("VC101", "app.py", 4)]


def test_exit_zero_turns_findings_into_0(project: Path) -> None:
    write(project, {"app.py": SWALLOW})
    assert invoke(["--exit-zero", "."]).exit_code == 0


def test_fail_on_above_the_findings_severity_passes(project: Path) -> None:
    write(project, {"app.py": SWALLOW})
    assert invoke(["--fail-on", "high", "."]).exit_code == 0
    assert invoke(["--fail-on", "medium", "."]).exit_code == 1


def test_output_file_receives_the_findings(project: Path) -> None:
    write(project, {"app.py": SWALLOW})
    result = invoke(["--format", "concise", "--output", "report.txt", "."])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "VC101" in (project / "report.txt").read_text(encoding="utf-8")


def test_a_checks_process_ends_at_once_with_its_whole_report(project: Path) -> None:
    """A check's process ends without freeing its objects (`vibecheck.entry._end_at_once`): its exit code, a report
    larger than a pipe holds on stdout, and a report written with `--output` all arrive whole; `fix` ends the same
    way, and so does a check named with no command word."""
    many = "".join(SWALLOW.replace("load", f"load_{number}") + "\n\n" for number in range(700))
    write(project, {"many.py": many})
    found = run_vibecheck(["--format", "concise", "many.py"], project)
    lines = found.stdout.splitlines()
    assert found.returncode == 1 and len(found.stdout) > 65536
    assert len(lines) == 700 and all(": VC101 " in line for line in lines)
    written = run_vibecheck(["check", "--format", "json", "--output", "report.json", "many.py"], project)
    assert written.returncode == 1 and written.stdout == ""
    assert len(json.loads((project / "report.json").read_text(encoding="utf-8"))["findings"]) == 700
    fixed = run_vibecheck(["fix", "--exit-zero", "--format", "concise", "many.py"], project)
    assert fixed.returncode == 0 and len(fixed.stdout.splitlines()) == 700


def test_unknown_code_in_select_exits_2_with_did_you_mean(project: Path) -> None:
    write(project, {"app.py": CLEAN})
    result = invoke(["--select", "VC1001", "."])
    assert result.exit_code == 2
    assert "unknown rule code, prefix or name `VC1001`; did you mean `VC101`?" in result.stderr


def test_rule_name_and_prefix_selectors(project: Path) -> None:
    write(project, {"app.py": SWALLOW})
    assert invoke(["--select", "swallowed-exception", "."]).exit_code == 1
    assert invoke(["--select", "VC1", "--ignore", "VC101", "."]).exit_code == 0
    assert invoke(["--ignore", "swallowed-exception", "."]).exit_code == 0
    # the most specific selector wins: VC101 beats the VC1 ignore
    assert invoke(["--ignore", "VC1", "--extend-select", "VC101", "."]).exit_code == 1


def test_bad_config_key_exits_2_with_one_line_and_hint(project: Path) -> None:
    write(project, {"app.py": CLEAN, "pyproject.toml": '[tool.vibecheck]\nselcet = ["VC1"]\n'})
    result = invoke(["."])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "unknown key `selcet`; did you mean `select`?" in lines[0]
    assert "pyproject.toml" in lines[0]


def test_unknown_code_in_config_ignore(project: Path) -> None:
    write(project, {"app.py": CLEAN, "vibecheck.toml": 'ignore = ["VC1001"]\n'})
    result = invoke(["."])
    assert result.exit_code == 2
    assert "did you mean `VC101`?" in result.stderr


def test_broken_toml_names_file_and_line(project: Path) -> None:
    write(project, {"app.py": CLEAN, "pyproject.toml": '[tool.vibecheck]\nselect = ["VC1"\nignore = []\n'})
    result = invoke(["."])
    assert result.exit_code == 2
    assert "pyproject.toml: invalid TOML" in result.stderr and "line 3" in result.stderr


def test_bad_rule_option_and_unknown_rule_table(project: Path) -> None:
    write(project, {"app.py": CLEAN, "pyproject.toml": "[tool.vibecheck.rules.swallowed-exception]\nstrict = true\n"})
    result = invoke(["."])
    assert result.exit_code == 2
    assert "unknown option `strict` for rule `swallowed-exception`" in result.stderr
    write(project, {"pyproject.toml": "[tool.vibecheck.rules.swallowed-exceptions]\n"})
    result = invoke(["."])
    assert result.exit_code == 2
    assert "did you mean `swallowed-exception`?" in result.stderr


def test_bad_fail_on_in_config(project: Path) -> None:
    write(project, {"app.py": CLEAN, "vibecheck.toml": 'fail-on = "hihg"\n'})
    result = invoke(["."])
    assert result.exit_code == 2
    assert "did you mean `high`?" in result.stderr


def test_config_is_found_upward_and_cli_flags_override(project: Path) -> None:
    # VC307 ignored: this tiny project has no tests, and the test is about where the config comes from.
    write(project, {"pyproject.toml": '[tool.vibecheck]\nignore = ["VC101", "VC307"]\n', "src/pkg/app.py": SWALLOW})
    assert invoke(["src/pkg"]).exit_code == 0
    assert invoke(["--extend-select", "VC101", "src/pkg"]).exit_code == 0  # ignore still equally specific
    assert invoke(["--select", "VC1", "src/pkg"]).exit_code == 0
    assert invoke(["--config", "missing.toml", "src"]).exit_code == 2


def test_per_file_ignores(project: Path) -> None:
    write(project, {"pyproject.toml": '[tool.vibecheck.per-file-ignores]\n"scripts/*" = ["VC1"]\n',
                    "scripts/tool.py": SWALLOW, "app/main.py": SWALLOW})
    result = invoke(["--format", "concise", "."])
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["app/main.py"]


def test_suppressions_used_unused_and_blanket(project: Path) -> None:
    write(project, {
        "used.py": SWALLOW.replace("except Exception:", "except Exception:  # vibecheck: ignore[VC101] -- best effort"),
        "unused.py": "x = 1  # noqa: VC101\ny = 2  # noqa: E501\n",
        "blanket.py": SWALLOW.replace("except Exception:", "except Exception:  # noqa"),
    })
    result = invoke(["--format", "concise", "."])
    assert result.exit_code == 1
    codes = sorted((line.split(":")[0], line.split()[1]) for line in result.stdout.splitlines())
    assert codes == [("blanket.py", "VC902"), ("unused.py", "VC901")]


def test_file_level_suppression(project: Path) -> None:
    write(project, {"gen.py": "# vibecheck: ignore-file[VC101] -- generated code\n" + SWALLOW})
    assert invoke(["."]).exit_code == 0


def test_odd_files_are_reported_and_the_rest_is_checked(project: Path) -> None:
    nested = "x = " + "[" * 90 + "1" + "]" * 90 + "\ny = " + " + ".join(["1"] * 800) + "\n"
    write(project, {
        "syntax.py": "def broken(:\n    pass\n",
        "latin1.py": b"name = '\xe9t\xe9'\n",
        "empty.py": "",
        "nested.py": nested,
        "bad.py": SWALLOW,
    })
    result = invoke(["--format", "json", "."])
    assert result.exit_code == 1
    found = sorted((f["path"], f["code"]) for f in json.loads(result.stdout)["findings"])
    assert found == [("bad.py", "VC101"), ("latin1.py", "VC001"), ("syntax.py", "VC001")]


def test_missing_path_exits_2(project: Path) -> None:
    result = invoke(["nope.py"])
    assert result.exit_code == 2
    assert "nope.py: no such file or directory" in result.stderr


def test_stdin_mode(project: Path) -> None:
    result = invoke(["--format", "concise", "--stdin-filename", "pkg/app.py"], stdin=SWALLOW)
    assert result.exit_code == 1
    assert result.stdout.startswith("pkg/app.py:4:5: VC101")
    assert invoke(["--stdin-filename", "pkg/app.py"], stdin=CLEAN).exit_code == 0


def test_stdin_mode_honours_per_file_ignores(project: Path) -> None:
    write(project, {"pyproject.toml": '[tool.vibecheck.per-file-ignores]\n"scripts/*" = ["VC101"]\n'})
    assert invoke(["--stdin-filename", "scripts/x.py"], stdin=SWALLOW).exit_code == 0


def test_stdin_mode_with_force_exclude(project: Path) -> None:
    args = ["--stdin-filename", "gen/x.py", "--extend-exclude", "gen/"]
    assert invoke(args, stdin=SWALLOW).exit_code == 1
    assert invoke([*args, "--force-exclude"], stdin=SWALLOW).exit_code == 0


def test_rules_command_lists_rules_as_table_and_json() -> None:
    result = invoke(["rules"])
    assert result.exit_code == 0
    assert "VC101" in result.stdout and "swallowed-exception" in result.stdout
    rows = json.loads(invoke(["rules", "--format", "json"]).stdout)
    vc101 = next(r for r in rows if r["code"] == "VC101")
    assert vc101["name"] == "swallowed-exception" and vc101["default_enabled"] is True


def test_rule_command_renders_docs_and_suggests_on_typo() -> None:
    result = invoke(["rule", "VC101"])
    assert result.exit_code == 0
    assert "Why is this bad?" in result.stdout
    assert invoke(["rule", "swallowed-exception"]).exit_code == 0
    typo = invoke(["rule", "swallowed-exceptoin"])
    assert typo.exit_code == 2
    assert "did you mean `swallowed-exception`?" in typo.stderr


def fake_checkout(folder: Path) -> Path:
    """A folder that looks like a checkout of vibecheck, where the maintainers' `docs` command may write."""
    (folder / "src" / "vibecheck").mkdir(parents=True)
    (folder / "pyproject.toml").write_text('[project]\nname = "vibecheck-lint"\n', encoding="utf-8")
    return folder


def test_docs_check_and_write(tmp_path: Path) -> None:
    rules_dir = fake_checkout(tmp_path) / "rules"
    assert invoke(["docs", "--check", "--rules-dir", str(rules_dir)]).exit_code == 1
    assert invoke(["docs", "--rules-dir", str(rules_dir)]).exit_code == 0
    assert (rules_dir / "VC101-swallowed-exception" / "README.md").exists()
    assert invoke(["docs", "--check", "--rules-dir", str(rules_dir)]).exit_code == 0


def test_docs_refuses_to_write_into_a_users_project(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "someone-elses-app"\n', encoding="utf-8")
    result = invoke(["docs", "--rules-dir", str(tmp_path / "rules")])
    assert result.exit_code == 2
    assert "maintainer command" in result.stderr
    assert not (tmp_path / "rules").exists()
    assert "docs" not in invoke(["--help"]).stdout.split("Commands:")[1]


def test_docs_writes_and_checks_the_readme_rule_table(tmp_path: Path) -> None:
    rules_dir, readme = fake_checkout(tmp_path) / "rules", tmp_path / "README.md"
    readme.write_text("# x\n\n<!-- rules-table:start -->\n<!-- rules-table:end -->\n\n## After\n", encoding="utf-8")
    assert invoke(["docs", "--rules-dir", str(rules_dir)]).exit_code == 0
    text = readme.read_text(encoding="utf-8")
    assert "| [VC101](rules/VC101-swallowed-exception/README.md) | `swallowed-exception` |" in text
    assert text.startswith("# x\n") and text.endswith("<!-- rules-table:end -->\n\n## After\n")
    assert invoke(["docs", "--check", "--rules-dir", str(rules_dir)]).exit_code == 0
    readme.write_text(text.replace("`swallowed-exception`", "`renamed`"), encoding="utf-8")
    stale = invoke(["docs", "--check", "--rules-dir", str(rules_dir)])
    assert stale.exit_code == 1
    assert "rule table" in stale.stderr
    assert "`renamed`" in readme.read_text(encoding="utf-8"), "--check must not write"


def test_docs_refuses_a_readme_without_markers(tmp_path: Path) -> None:
    fake_checkout(tmp_path)
    (tmp_path / "README.md").write_text("# no markers\n", encoding="utf-8")
    result = invoke(["docs", "--check", "--rules-dir", str(tmp_path / "rules")])
    assert result.exit_code == 2
    assert "rules-table:start" in result.stderr


def test_repository_docs_are_fresh() -> None:
    from tests.conftest import RULES_DIR

    result = invoke(["docs", "--check", "--rules-dir", str(RULES_DIR)])
    assert result.exit_code == 0, result.stderr
    assert "<!-- rules-table:start -->\n| code |" in (RULES_DIR.parent / "README.md").read_text(encoding="utf-8")


def test_unsafe_fixes_needs_fix(project: Path) -> None:
    write(project, {"app.py": CLEAN})
    result = invoke(["--unsafe-fixes", "."])
    assert result.exit_code == 2
    assert "--unsafe-fixes needs --fix or --diff" in result.stderr


# Real subprocesses: the console script path, one-line click errors, NO_COLOR, python -m.

def test_subprocess_python_m_vibecheck(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": SWALLOW, "ok.py": CLEAN})
    result = run_vibecheck(["--format", "concise", "."], tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("app.py:4:5: VC101")


def test_console_script_is_installed(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "vibecheck"
    assert script.exists(), "the `vibecheck` console script is not installed next to the interpreter"
    write(tmp_path, {"app.py": SWALLOW})
    result = subprocess.run([str(script), "--format", "concise", "app.py"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 1
    assert result.stdout.startswith("app.py:4:5: VC101")


def test_subprocess_bad_option_is_one_line_with_did_you_mean(tmp_path: Path) -> None:
    result = run_vibecheck(["--selct", "VC1", "."], tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--selct" in lines[0] and "--select" in lines[0]


def test_subprocess_no_color_and_no_escape_codes_off_a_tty(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": SWALLOW})
    for env in ({"NO_COLOR": "1"}, {}):
        result = run_vibecheck(["."], tmp_path, env=env)
        assert result.returncode == 1
        assert "\x1b[" not in result.stdout and "\x1b[" not in result.stderr


def test_subprocess_stdin(tmp_path: Path) -> None:
    result = run_vibecheck(["--format", "concise", "--stdin-filename", "x.py"], tmp_path, stdin=SWALLOW)
    assert result.returncode == 1
    assert result.stdout.startswith("x.py:4:5: VC101")


def test_use_color_respects_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from vibecheck.cli import _use_color

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _use_color(Tty()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert _use_color(Tty()) is False


def test_no_python_files_warns_but_passes(project: Path) -> None:
    write(project, {"notes.txt": "hello\n", "build/gen.py": SWALLOW})
    result = invoke(["."])
    assert result.exit_code == 0
    assert "warning: no Python files to check in ." in result.stderr
    assert invoke(["--quiet", "."]).stderr == ""


def test_stdin_filename_refuses_paths(project: Path) -> None:
    write(project, {"app.py": SWALLOW})
    mixed = invoke(["--stdin-filename", "x.py", "app.py"], stdin=CLEAN)
    assert mixed.exit_code == 2
    assert "pass no paths" in mixed.stderr
    dash = invoke(["--stdin-filename", "x.py", "--format", "concise", "-"], stdin=SWALLOW)
    assert dash.exit_code == 1
    assert dash.stdout.startswith("x.py:4:5: VC101 ")


def test_undecodable_files_say_which_byte_and_what_to_do(project: Path) -> None:
    write(project, {"latin1.py": b"name = '\xe9t\xe9'\n", "codec.py": b"# -*- coding: nonsense -*-\nx = 1\n"})
    result = invoke(["--format", "concise", "."])
    assert result.exit_code == 1
    lines = sorted(result.stdout.splitlines())
    assert lines[0].startswith("codec.py:1:1: VC001 ") and "unknown codec" in lines[0]
    assert lines[1].startswith("latin1.py:1:1: VC001 ") and "byte 0xe9 at offset 8" in lines[1]
    assert "save it as UTF-8" in lines[1]


def test_valid_python_that_libcst_rejects_is_not_called_a_syntax_error(project: Path) -> None:
    write(project, {"annotated.py": "(total): int = 0\n", "broken.py": "def f(:\n"})
    result = invoke(["--format", "concise", "."])
    assert result.exit_code == 1
    annotated, broken = sorted(result.stdout.splitlines())
    assert annotated.startswith("annotated.py:1:") and "VC001" in annotated
    assert "valid Python, but libcst" in annotated and "syntax error" not in annotated
    assert broken.startswith("broken.py:1:") and "cannot be parsed" in broken and "valid Python" not in broken


def test_bare_noqa_is_reported_as_info_and_does_not_fail_but_a_bare_vibecheck_ignore_does(project: Path) -> None:
    write(project, {"shared.py": "import os  # noqa\n\nprint(os.sep)\n"})
    result = invoke(["--format", "json", "--select", "VC9", "."])
    assert result.exit_code == 0
    assert [(f["code"], f["severity"]) for f in json.loads(result.stdout)["findings"]] == [("VC902", "info")]
    write(project, {"shared.py": "import os  # vibecheck: ignore\n\nprint(os.sep)\n"})
    result = invoke(["--format", "json", "--select", "VC9", "."])
    assert result.exit_code == 1
    assert ("VC902", "low") in [(f["code"], f["severity"]) for f in json.loads(result.stdout)["findings"]]
