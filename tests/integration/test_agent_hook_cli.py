"""`vibecheck hook` as a coding agent calls it: a post-edit payload on stdin, the answer in the exit code and stderr."""

from __future__ import annotations

import json
import re
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
A_TEST = "from {module} import {name}\n\n\ndef test_it():\n    assert {name} is not None\n"
ONLY_A_NOTICE = "def check(x):\n    assert x > 0\n    return x\n"  # B101 is a notice: it does not fail the build
FINDING_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) (?P<message>.+) \(hint: .+\)$")


def post_tool_use(tool: str, file_path: Path | str, cwd: Path) -> str:
    """A payload shaped like the one Claude Code sends to a PostToolUse hook."""
    tool_input: dict[str, object] = {"file_path": str(file_path)}
    if tool == "Write":
        tool_input["content"] = "..."
    elif tool == "Edit":
        tool_input |= {"old_string": "a", "new_string": "b"}
    elif tool == "MultiEdit":
        tool_input["edits"] = [{"old_string": "a", "new_string": "b"}]
    return json.dumps({"session_id": "abc123", "transcript_path": str(cwd / "transcript.jsonl"), "cwd": str(cwd),
                       "hook_event_name": "PostToolUse", "tool_name": tool, "tool_input": tool_input,
                       "tool_response": {"filePath": str(file_path), "success": True}})


def hook(payload: str):
    return CliRunner().invoke(cli, ["hook"], input=payload, catch_exceptions=False)


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"pyproject.toml": "[project]\nname = 'demo'\n", "app.py": SWALLOW, "clean.py": CLEAN,
                     "notice.py": ONLY_A_NOTICE, "README.md": "# demo\n",
                     "tests/test_app.py": A_TEST.format(module="clean", name="add"),
                     "tests/test_load.py": A_TEST.format(module="app", name="load"),
                     "tests/test_notice.py": A_TEST.format(module="notice", name="check")})
    return tmp_path


@pytest.mark.parametrize("tool", ["Write", "Edit", "MultiEdit"])
def test_a_finding_exits_2_with_one_line_per_finding_on_stderr(project: Path, tool: str) -> None:
    result = hook(post_tool_use(tool, project / "app.py", project))
    assert result.exit_code == 2
    assert result.stdout == ""
    lead, *lines = result.stderr.splitlines()
    assert lead == "vibecheck: 1 problem to fix in app.py:"
    assert len(lines) == 1
    match = FINDING_LINE.match(lines[0])
    assert match, lines[0]
    assert (match["path"], match["line"], match["code"]) == ("app.py", "4", "VC101")
    assert "Catch the specific exception" in lines[0]


def test_a_clean_file_exits_0_silently(project: Path) -> None:
    result = hook(post_tool_use("Edit", project / "clean.py", project))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_a_notice_alone_does_not_interrupt_the_agent(project: Path) -> None:
    assert "B101" in run_vibecheck(["--select", "B101", "notice.py"], project).stdout  # it is reported by a check
    result = hook(post_tool_use("Write", project / "notice.py", project))
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_flat_file_path_payload_is_understood(project: Path) -> None:
    result = hook(json.dumps({"hook_event_name": "afterFileEdit", "file_path": str(project / "app.py")}))
    assert result.exit_code == 2 and "VC101" in result.stderr


def test_a_relative_path_is_taken_from_the_payloads_cwd(project: Path, tmp_path_factory: pytest.TempPathFactory,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    result = hook(post_tool_use("Write", "app.py", project))
    assert result.exit_code == 2 and "VC101" in result.stderr


def test_a_new_module_no_test_imports_is_fed_back(project: Path) -> None:
    """Untested code is on by default: the agent learns at once that nothing tests the module it just wrote."""
    write(project, {"refunds.py": CLEAN.replace("add", "refund")})
    result = hook(post_tool_use("Write", project / "refunds.py", project))
    assert result.exit_code == 2
    assert [FINDING_LINE.match(line)["code"] for line in result.stderr.splitlines()[1:]] == ["VC302"]


@pytest.mark.parametrize("payload", [
    "this is not json",
    "",
    "[1, 2, 3]",
    '{"tool_name": "Write"}',
    '{"tool_name": "Write", "tool_input": "app.py"}',
    '{"tool_name": "Write", "tool_input": {"file_path": 7}}',
    '{"hook_event_name": "Stop"}',
    "[" * 100_000,
], ids=["garbage", "empty", "list", "no-input", "input-not-object", "path-not-string", "other-event", "deep"])
def test_a_payload_it_does_not_understand_exits_0_silently(project: Path, payload: str) -> None:
    result = hook(payload)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_a_tool_that_does_not_edit_is_ignored(project: Path) -> None:
    result = hook(post_tool_use("Read", project / "app.py", project))
    assert (result.exit_code, result.stderr) == (0, "")


def test_non_python_and_missing_files_exit_0_silently(project: Path) -> None:
    for target in (project / "README.md", project / "gone.py", project):
        result = hook(post_tool_use("Write", target, project))
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", ""), target


def test_the_files_own_project_config_applies(project: Path) -> None:
    """The configuration is found from the edited file's folder, not from where the agent runs the hook."""
    write(project, {"service/pyproject.toml": '[tool.vibecheck]\nignore = ["VC101"]\nextend-exclude = ["generated/"]\n',
                    "service/handler.py": SWALLOW, "service/generated/models.py": SWALLOW,
                    "service/tests/test_handler.py": A_TEST.format(module="handler", name="load")})
    assert hook(post_tool_use("Write", project / "service" / "handler.py", project)).exit_code == 0
    excluded = hook(post_tool_use("Write", project / "service" / "generated" / "models.py", project))
    assert (excluded.exit_code, excluded.stderr) == (0, "")


def test_a_broken_config_is_reported_to_the_user_not_the_model(project: Path) -> None:
    write(project, {"pyproject.toml": "[tool.vibecheck]\nselct = ['VC1']\n"})
    result = hook(post_tool_use("Write", project / "app.py", project))
    assert result.exit_code == 1
    assert "selct" in result.stderr and "pyproject.toml" in result.stderr


def test_a_syntax_error_is_fed_back_to_the_model(project: Path) -> None:
    write(project, {"broken.py": "def f(:\n    pass\n"})
    result = hook(post_tool_use("Write", project / "broken.py", project))
    assert result.exit_code == 2 and "VC001" in result.stderr


def test_the_hook_as_a_real_process(project: Path) -> None:
    """What Claude Code runs: `vibecheck hook` in the project folder with the payload on stdin."""
    found = run_vibecheck(["hook"], project, stdin=post_tool_use("MultiEdit", project / "app.py", project))
    assert found.returncode == 2 and found.stdout == ""
    assert FINDING_LINE.match(found.stderr.splitlines()[1])
    fixed = write(project, {"app.py": "def load():\n    return work()\n"}) / "app.py"
    clean = run_vibecheck(["hook"], project, stdin=post_tool_use("Edit", fixed, project))
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "")


def test_the_hooks_process_ends_at_once_with_its_whole_answer(project: Path) -> None:
    """The hook's process ends without freeing its objects (`vibecheck.entry._end_at_once`): its exit code and every
    line it wrote arrive, also an answer larger than a pipe holds (the streams are flushed before the end)."""
    many = "".join(SWALLOW.replace("load", f"load_{number}") + "\n\n" for number in range(300))
    target = write(project, {"many.py": many}) / "many.py"
    found = run_vibecheck(["hook"], project, stdin=post_tool_use("Write", target, project))
    lead, *lines = found.stderr.splitlines()
    assert found.returncode == 2 and lead == f"vibecheck: {len(lines)} problems to fix in many.py:"
    assert len(found.stderr) > 65536 and len(lines) > 300 and all(FINDING_LINE.match(line) for line in lines)


def test_the_projects_baseline_holds_in_the_hook(project: Path) -> None:
    """An accepted finding is not fed back to the agent; a new copy of the same pattern is."""
    assert run_vibecheck(["baseline"], project).returncode == 0
    assert hook(post_tool_use("Edit", project / "app.py", project)).exit_code == 0
    write(project, {"app.py": SWALLOW + "\n\n" + SWALLOW.replace("load", "save")})
    result = hook(post_tool_use("Edit", project / "app.py", project))
    assert result.exit_code == 2
    lead, *lines = result.stderr.splitlines()
    assert lead == "vibecheck: 2 problems to fix in app.py:"
    # the new copy, in save(), and save() itself, which no test reaches (the baseline holds load()'s finding)
    assert [line.split(" ")[:2] for line in lines] == [["app.py:8:1:", "VC301"], ["app.py:11:5:", "VC101"]]


def test_folders_above_the_project_do_not_decide_what_a_file_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from a folder above the project (a monorepo, a home folder), the hook names files from there: a project
    kept under `~/tools/` or `~/examples/` is still the product, where a file in its own `scripts/` folder may print."""
    project = tmp_path / "tools" / "examples" / "shop"
    leftover = "def total(items):\n    print(items)\n    return sum(items)\n"
    write(project, {"pyproject.toml": "[project]\nname = 'shop'\n", "shop/cart.py": leftover, "scripts/seed.py": leftover,
                    "tests/test_cart.py": "from shop.cart import total\n\n\ndef test_total():\n    assert total([1]) == 1\n",
                    "tests/test_seed.py": "from scripts.seed import total\n\n\ndef test_seed():\n    assert total([]) == 0\n"})
    monkeypatch.chdir(tmp_path)  # the agent's folder holds several projects (a monorepo, a home folder)
    product = hook(post_tool_use("Write", project / "shop" / "cart.py", project))
    assert product.exit_code == 2 and "VC505" in product.stderr
    script = hook(post_tool_use("Write", project / "scripts" / "seed.py", project))
    assert "VC505" not in script.stderr
