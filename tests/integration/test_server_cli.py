"""`vibecheck server`: commands run by a resident server's child say and exit exactly as they do on their own."""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.conftest import run_vibecheck, write
from vibecheck import server, server_socket

pytestmark = pytest.mark.skipif(not server_socket.supported(), reason="resident servers need fork and Unix sockets")

SWALLOW = """\
def load():
    try:
        return work()
    except Exception:
        pass
"""


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private runtime folder for the test's servers (short: a socket's path is limited to about 100 bytes); any
    server still running at the end is stopped."""
    folder = tempfile.mkdtemp(prefix="vc-", dir="/tmp")
    env = {"XDG_RUNTIME_DIR": folder, server_socket.NO_SERVER_ENV: ""}
    yield env
    run_vibecheck(["server", "stop"], tmp_path, env=env)
    shutil.rmtree(folder, ignore_errors=True)


def server_log(env: dict[str, str]) -> list[str]:
    log = Path(env["XDG_RUNTIME_DIR"], f"vibecheck-{os.getuid()}", "server.log")
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def commands_run(env: dict[str, str]) -> int:
    return sum(line.endswith("runs a command") for line in server_log(env))


def start(cwd: Path, env: dict[str, str], *options: str) -> None:
    started = run_vibecheck(["server", "start", *options], cwd, env=env)
    assert started.returncode == 0, started.stderr
    assert "vibecheck server running" in started.stderr


def test_a_command_run_by_the_server_prints_and_exits_as_one_run_alone(tmp_path: Path, runtime: dict[str, str]) -> None:
    project = write(tmp_path / "project", {"app.py": SWALLOW, "pyproject.toml": "[project]\nname = 'app'\n"})
    alone = run_vibecheck(["check", "--format", "json", "--no-cache", "app.py"], project,
                          env={**runtime, server_socket.NO_SERVER_ENV: "1"})
    start(tmp_path, runtime)
    served = run_vibecheck(["check", "--format", "json", "--no-cache", "app.py"], project, env=runtime)
    assert commands_run(runtime) == 1
    assert served.returncode == alone.returncode == 1
    assert json.loads(served.stdout) == json.loads(alone.stdout)
    assert "VC101" in [f["code"] for f in json.loads(served.stdout)["findings"]]
    assert served.stderr == alone.stderr

    text = run_vibecheck(["check", "--no-cache", "app.py"], project, env={**runtime, "NO_COLOR": "1"})
    assert commands_run(runtime) == 2
    assert text.returncode == 1
    assert "VC101" in text.stdout and "\x1b[" not in text.stdout  # the command's environment, not the server's


def test_the_hook_reads_its_payload_from_the_commands_stdin(tmp_path: Path, runtime: dict[str, str]) -> None:
    project = write(tmp_path / "project", {"app.py": SWALLOW, "pyproject.toml": "[project]\nname = 'app'\n"})
    payload = json.dumps({"hook_event_name": "PostToolUse", "tool_name": "Write", "cwd": str(project),
                          "tool_input": {"file_path": str(project / "app.py"), "content": SWALLOW}})
    start(tmp_path, runtime)
    served = run_vibecheck(["hook"], project, env=runtime, stdin=payload)
    assert commands_run(runtime) == 1
    assert served.returncode == 2
    assert "VC101" in served.stderr and served.stdout == ""


def test_a_hook_run_alone_starts_a_server_for_the_next_hook(tmp_path: Path, runtime: dict[str, str]) -> None:
    project = write(tmp_path / "project", {"app.py": SWALLOW, "pyproject.toml": "[project]\nname = 'app'\n"})
    payload = json.dumps({"hook_event_name": "PostToolUse", "tool_name": "Write", "cwd": str(project),
                          "tool_input": {"file_path": str(project / "app.py"), "content": SWALLOW}})
    first = run_vibecheck(["hook"], project, env=runtime, stdin=payload)
    assert first.returncode == 2 and "VC101" in first.stderr
    assert commands_run(runtime) == 0  # the first hook ran alone, as it does with no server
    assert server.wait_until(lambda: run_vibecheck(["server", "status"], tmp_path, env=runtime).returncode == 0, 60)

    second = run_vibecheck(["hook"], project, env=runtime, stdin=payload)
    assert commands_run(runtime) == 1
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)


@pytest.mark.parametrize("command", [["hook"], ["check", "--no-cache", "app.py"]])
def test_no_server_is_started_when_told_not_to_or_by_other_commands(tmp_path: Path, runtime: dict[str, str],
                                                                     command: list[str]) -> None:
    project = write(tmp_path / "project", {"app.py": SWALLOW, "pyproject.toml": "[project]\nname = 'app'\n"})
    payload = json.dumps({"tool_name": "Write", "tool_input": {"file_path": str(project / "app.py")}})
    alone = {**runtime, server_socket.NO_SERVER_ENV: "1"} if command == ["hook"] else runtime
    run = run_vibecheck(command, project, env=alone, stdin=payload)
    assert run.returncode in (1, 2) and "VC101" in run.stdout + run.stderr
    # a server started in the background has its log opened before the command exits
    assert not Path(runtime["XDG_RUNTIME_DIR"], f"vibecheck-{os.getuid()}", "server.log").exists()
    assert run_vibecheck(["server", "status"], tmp_path, env=runtime).returncode == 1


def test_usage_errors_keep_their_exit_code_and_message(tmp_path: Path, runtime: dict[str, str]) -> None:
    start(tmp_path, runtime)
    served = run_vibecheck(["check", "--select", "NOPE999", "."], tmp_path, env=runtime)
    alone = run_vibecheck(["check", "--select", "NOPE999", "."], tmp_path, env={**runtime, server_socket.NO_SERVER_ENV: "1"})
    assert commands_run(runtime) == 1
    assert served.returncode == alone.returncode == 2
    assert served.stderr == alone.stderr and "NOPE999" in served.stderr


def test_status_and_stop(tmp_path: Path, runtime: dict[str, str]) -> None:
    assert run_vibecheck(["server", "status"], tmp_path, env=runtime).returncode == 1
    start(tmp_path, runtime)
    status = run_vibecheck(["server", "status"], tmp_path, env=runtime)
    assert status.returncode == 0 and "running" in status.stderr
    again = run_vibecheck(["server", "start"], tmp_path, env=runtime)
    assert again.returncode == 0 and "already running" in again.stderr
    assert run_vibecheck(["server", "stop"], tmp_path, env=runtime).returncode == 0
    assert run_vibecheck(["server", "status"], tmp_path, env=runtime).returncode == 1
    assert run_vibecheck(["server", "stop"], tmp_path, env=runtime).returncode == 1
    folder = Path(runtime["XDG_RUNTIME_DIR"], f"vibecheck-{os.getuid()}")
    assert not list(folder.glob("*.sock"))  # a stopped server removes its socket


def test_a_server_stops_when_idle(tmp_path: Path, runtime: dict[str, str]) -> None:
    start(tmp_path, runtime, "--idle-timeout", "1")
    assert server.wait_until(lambda: run_vibecheck(["server", "status"], tmp_path, env=runtime).returncode == 1, 30)


def test_a_server_whose_code_changed_declines_and_the_command_runs_alone(tmp_path: Path,
                                                                          runtime: dict[str, str]) -> None:
    packages = tmp_path / "site"
    packages.mkdir()
    project = write(tmp_path / "project", {"app.py": SWALLOW})
    start(tmp_path, runtime)
    before = run_vibecheck(["check", "--no-cache", "app.py"], project, env=runtime, pythonpath=[packages])
    assert before.returncode == 1
    assert commands_run(runtime) == 0  # another `sys.path`: another server's, and none runs for it
    start(tmp_path, {**runtime, "PYTHONPATH": str(packages)})
    (packages / "newly_installed.py").write_text("", encoding="utf-8")  # an install changes a folder of `sys.path`
    after = run_vibecheck(["check", "--no-cache", "app.py"], project, env=runtime, pythonpath=[packages])
    assert after.returncode == 1 and "VC101" in after.stdout  # checked in its own process
    assert run_vibecheck(["server", "status"], tmp_path, env=runtime, pythonpath=[packages]).returncode == 1


def test_a_socket_folder_others_may_enter_is_never_used(tmp_path: Path, runtime: dict[str, str]) -> None:
    folder = Path(runtime["XDG_RUNTIME_DIR"], f"vibecheck-{os.getuid()}")
    folder.mkdir()
    folder.chmod(0o777)
    refused = run_vibecheck(["server", "start"], tmp_path, env=runtime)
    assert refused.returncode == 2 and "open to others" in refused.stderr
    project = write(tmp_path / "project", {"app.py": SWALLOW})
    alone = run_vibecheck(["check", "--no-cache", "app.py"], project, env=runtime)
    assert alone.returncode == 1 and "VC101" in alone.stdout
    assert stat.S_IMODE(folder.stat().st_mode) == 0o777 and not list(folder.iterdir())


def test_a_socket_path_too_long_is_a_clear_error(tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True, mode=0o700)
    refused = run_vibecheck(["server", "start"], tmp_path, env={"XDG_RUNTIME_DIR": str(deep)})
    assert refused.returncode == 2 and "too long" in refused.stderr
    project = write(tmp_path / "project", {"app.py": SWALLOW})
    alone = run_vibecheck(["check", "--no-cache", "app.py"], project, env={"XDG_RUNTIME_DIR": str(deep)})
    assert alone.returncode == 1 and "VC101" in alone.stdout
    payload = json.dumps({"tool_name": "Write", "tool_input": {"file_path": str(project / "app.py")}})
    hook = run_vibecheck(["hook"], project, env={"XDG_RUNTIME_DIR": str(deep), server_socket.NO_SERVER_ENV: ""},
                         stdin=payload)
    assert hook.returncode == 2 and "VC101" in hook.stderr
    assert not (deep / f"vibecheck-{os.getuid()}" / "server.log").exists()  # no server started that could not bind


def test_the_socket_name_follows_the_interpreter_and_its_path() -> None:
    assert server_socket.identity(sys.path) == server_socket.identity(list(sys.path))
    assert server_socket.identity(sys.path) != server_socket.identity([*sys.path, "/elsewhere"])
