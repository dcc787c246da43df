"""One file never sinks the run: a rule that loops, exits, kills its process or crashes the parser costs that
file (an engine error, exit 2), never the run, and a killed run leaves no worker behind (issue 11)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.conftest import install_pack, run_vibecheck, write
from vibecheck.source import CHAIN_LIMIT

HOSTILE_PACK = '''
"""Rules that misbehave on purpose, each on one trigger name."""

import os
import signal
import sys

import libcst

from vibecheck.model import Category
from vibecheck.registry import RulePack
from vibecheck.rule import Rule

DOC = """Misbehaves on the name `{name}`.

## What it does
Test rule.

## Why is this bad?
Test rule.

## Example
```python
{name}
```

## Use instead
```python
y = 1
```
"""


def hostile(code, name, act):
    class Hostile(Rule):
        __doc__ = DOC.format(name=name)

        def visit_Name(self, node):
            if node.value == name:
                act()
    return type(name.title(), (Hostile,), {"code": code, "name": name.replace("_", "-"), "__doc__": DOC.format(name=name),
                                           "category": Category.ERROR_HANDLING})


def loop():
    while True:
        pass


def hoard():
    blocks = []
    while True:
        blocks.append(bytearray(64 * 1024 * 1024))


def parse_huge():  # libcst's native parser needs over 1 GiB for this list
    libcst.parse_module("x = [" + "1, " * 3_000_000 + "]")


RULES = (
    hostile("HST001", "loops", loop),
    hostile("HST002", "exits_zero", lambda: os._exit(0)),
    hostile("HST003", "sys_exit", lambda: sys.exit(3)),
    hostile("HST004", "segfaults", lambda: os.kill(os.getpid(), signal.SIGSEGV)),
    hostile("HST005", "hoards", hoard),
    hostile("HST006", "parses_huge", parse_huge),
)


def pack():
    return RulePack("hostile", RULES, "0")
'''
SWALLOW = "try:\n    work()\nexcept Exception:\n    pass\n"


@pytest.fixture()
def hostile_site(tmp_path: Path) -> Path:
    return install_pack(tmp_path / "site", "vc-hostile", "hostile = vc_hostile:pack", {"vc_hostile.py": HOSTILE_PACK})


def run(args: list[str], project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return run_vibecheck(["--format", "concise", "--extend-select", "HST", *args], project, pythonpath=[site])


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_looping_rule_costs_its_file_after_the_per_file_timeout(hostile_site: Path, tmp_path: Path, jobs: str) -> None:
    write(tmp_path / "proj", {"loop.py": "loops = 1\n" + SWALLOW, "fine.py": SWALLOW, "other.py": SWALLOW})
    started = time.monotonic()
    result = run(["--jobs", jobs, "--per-file-timeout", "3", "."], tmp_path / "proj", hostile_site)
    assert time.monotonic() - started < 60
    assert result.returncode == 2, result.stderr
    assert "loop.py: checking this file took longer than the per-file timeout (3 s)" in result.stderr
    assert "fine.py:3:1: VC101" in result.stdout and "other.py:3:1: VC101" in result.stdout


def test_the_per_file_timeout_is_a_config_key(hostile_site: Path, tmp_path: Path) -> None:
    write(tmp_path / "proj", {"pyproject.toml": "[tool.vibecheck]\nper-file-timeout = 2\n", "loop.py": "loops = 1\n"})
    result = run(["loop.py"], tmp_path / "proj", hostile_site)
    assert result.returncode == 2 and "per-file timeout (2 s)" in result.stderr
    write(tmp_path / "bad", {"pyproject.toml": "[tool.vibecheck]\nper-file-timeout = \"soon\"\n", "a.py": ""})
    result = run(["a.py"], tmp_path / "bad", hostile_site)
    assert result.returncode == 2 and "`per-file-timeout` must be a number of seconds" in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the memory limit is enforced on Linux")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_rule_allocating_without_bound_costs_its_file_at_the_per_file_memory_limit(hostile_site: Path, tmp_path: Path,
                                                                                     jobs: str) -> None:
    write(tmp_path / "proj", {"hoard.py": "hoards = 1\n" + SWALLOW, "fine.py": SWALLOW, "other.py": SWALLOW})
    result = run(["--jobs", jobs, "--per-file-memory", "300", "--per-file-timeout", "0", "."], tmp_path / "proj",
                 hostile_site)
    assert result.returncode == 2, result.stderr
    assert ("hoard.py: checking this file needed more memory than the per-file memory limit (300 MiB); it was stopped "
            "and not checked") in result.stderr
    assert "fine.py:3:1: VC101" in result.stdout and "other.py:3:1: VC101" in result.stdout  # the same worker goes on
    assert "hoard.py:4:1: VC101" not in result.stdout  # not checked: no finding of it


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the memory limit is enforced on Linux")
def test_native_code_reaching_the_per_file_memory_limit_costs_its_file(hostile_site: Path, tmp_path: Path) -> None:
    """Native code (libcst's parser) cannot raise MemoryError: it aborts its worker, which is replaced."""
    write(tmp_path / "proj", {"huge.py": "parses_huge = 1\n", "fine.py": SWALLOW, "other.py": SWALLOW})
    result = run(["--jobs", "1", "--per-file-memory", "300", "--per-file-timeout", "0", "."], tmp_path / "proj",
                 hostile_site)
    assert result.returncode == 2, result.stderr
    assert ("huge.py: the worker process checking this file died (killed by SIGABRT: native code aborts so when it "
            "reaches the per-file memory limit of 300 MiB") in result.stderr
    assert "fine.py:3:1: VC101" in result.stdout and "other.py:3:1: VC101" in result.stdout


def test_the_per_file_memory_limit_is_a_config_key(hostile_site: Path, tmp_path: Path) -> None:
    write(tmp_path / "proj", {"pyproject.toml": "[tool.vibecheck]\nper-file-memory = 250\n", "hoard.py": "hoards = 1\n"})
    result = run(["hoard.py"], tmp_path / "proj", hostile_site)
    assert result.returncode == 2 and "per-file memory limit (250 MiB)" in result.stderr
    write(tmp_path / "bad", {"pyproject.toml": "[tool.vibecheck]\nper-file-memory = \"4G\"\n", "a.py": ""})
    result = run(["a.py"], tmp_path / "bad", hostile_site)
    assert result.returncode == 2 and "`per-file-memory` must be a number of MiB" in result.stderr


@pytest.mark.parametrize(("trigger", "error"), [
    ("loops", "checking this file took longer than the per-file timeout (3 s)"),
    ("exits_zero", "the worker process checking this file died (it exited with code 0 without a result)"),
    ("segfaults", "the worker process checking this file died (killed by SIGSEGV)"),
])
def test_source_from_stdin_is_checked_in_a_worker_that_can_die_alone(hostile_site: Path, tmp_path: Path, trigger: str,
                                                                     error: str) -> None:
    """Editors and `--stdin-filename` go through `api.check_source`: a looping or exiting rule must neither hang it
    nor end it green."""
    (tmp_path / "proj").mkdir()
    result = run_vibecheck(["--format", "concise", "--extend-select", "HST", "--per-file-timeout", "3",
                            "--stdin-filename", "app.py"], tmp_path / "proj", pythonpath=[hostile_site],
                           stdin=f"{trigger} = 1\n")
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert f"app.py: {error}" in result.stderr


@pytest.mark.parametrize("files", [["exits.py"], ["exits.py", "fine.py"]])
def test_a_rule_calling_os_exit_0_is_an_error_never_a_green_run(hostile_site: Path, tmp_path: Path, files: list[str]) -> None:
    write(tmp_path / "proj", {"exits.py": "exits_zero = 1\n" + SWALLOW, "fine.py": SWALLOW})
    result = run(["--jobs", "1", *files], tmp_path / "proj", hostile_site)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "exits.py: the worker process checking this file died (it exited with code 0 without a result)" in result.stderr
    assert ("fine.py:3:1: VC101" in result.stdout) == ("fine.py" in files)


def test_a_rule_calling_sys_exit_is_a_crash_of_that_rule(hostile_site: Path, tmp_path: Path) -> None:
    write(tmp_path / "proj", {"app.py": "sys_exit = 1\n" + SWALLOW})
    result = run(["--jobs", "1", "app.py"], tmp_path / "proj", hostile_site)
    assert result.returncode == 2
    assert "app.py: HST003: rule crashed on this file: SystemExit: 3" in result.stderr
    assert "app.py:4:1: VC101" in result.stdout


def test_a_worker_killed_by_a_signal_costs_only_its_file(hostile_site: Path, tmp_path: Path) -> None:
    write(tmp_path / "proj", {"crash.py": "segfaults = 1\n", "fine.py": SWALLOW})
    result = run(["--jobs", "1", "."], tmp_path / "proj", hostile_site)
    assert result.returncode == 2
    assert "crash.py: the worker process checking this file died (killed by SIGSEGV)" in result.stderr
    assert "fine.py:3:1: VC101" in result.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_nesting_that_crashes_libcsts_parser_is_a_parse_error(tmp_path: Path, jobs: str) -> None:
    write(tmp_path / "proj", {"deep.py": "x = " + "-" * 9000 + "1\n", "fine.py": SWALLOW})
    for targets in (["deep.py"], ["."]):
        result = run_vibecheck(["--format", "concise", "--jobs", jobs, *targets], tmp_path / "proj")
        assert result.returncode == 1, result.stderr
        assert "deep.py:1:1: VC001" in result.stdout and "too deeply nested" in result.stdout
        assert ("fine.py:3:1: VC101" in result.stdout) == (targets == ["."])


@pytest.mark.parametrize("chain", [
    "f" + "()" * 2500,
    "session" + "".join(f".query(a{i})" for i in range(1400)),
    "rows" + "[0]" * 2500,
], ids=["calls", "methods", "subscripts"])
def test_a_chain_too_long_to_check_in_bounded_time_is_reported_not_checked(tmp_path: Path, chain: str) -> None:
    """libcst and rules that walk each call's receiver are quadratic in a chain's length (over 200 s at 2,500 links)."""
    at_limit = "x = f" + "()" * CHAIN_LIMIT + "\n"
    write(tmp_path / "proj", {"chain.py": "import requests\n\nx = " + chain + "\n", "limit.py": at_limit, "fine.py": SWALLOW})
    compile((tmp_path / "proj/chain.py").read_text(), "chain.py", "exec")  # valid Python, only long
    result = run_vibecheck(["--format", "concise", "--jobs", "1", "."], tmp_path / "proj")
    assert result.returncode == 1, result.stderr
    assert "chain.py:3:1: VC001 [high] The file is too complex to check in bounded time" in result.stdout
    assert f"calls, attribute accesses and subscripts (vibecheck checks chains of up to {CHAIN_LIMIT})" in result.stdout
    assert "limit.py" not in result.stdout and "fine.py:3:1: VC101" in result.stdout


def test_a_long_elif_chain_is_checked(tmp_path: Path) -> None:
    """An `elif` chain is nested `If`s; a rule that walked every nested block again was quadratic (7 s for 1,000)."""
    branches = "".join(f"elif mode == {i}:\n    import optional_{i}\n" for i in range(2000))
    write(tmp_path / "proj", {"app.py": "if mode is None:\n    pass\n" + branches + "else:\n    import other\n" + SWALLOW})
    result = run_vibecheck(["--format", "concise", "--select", "VC", "app.py"], tmp_path / "proj")
    assert result.returncode == 1, result.stderr
    # the imports in every branch are optional ones (no undeclared-import finding), and the file was checked to its end
    assert [line.split(" [")[0] for line in result.stdout.splitlines() if line.startswith("app.py")] == ["app.py:4007:1: VC101"]


def test_a_long_elif_chain_in_a_file_that_was_not_passed_is_no_crash(tmp_path: Path) -> None:
    """A file that was not passed is read for the project rules' facts with `ast` alone; reading a chain of
    1,500 `elif`s (which Python parses) recursed past Python's limit and the run ended in a traceback."""
    branches = "".join(f"elif mode == {i}:\n    pass\n" for i in range(1500))
    write(tmp_path / "proj", {"pyproject.toml": "[project]\nname = 'proj'\n", "deep.py": "if mode:\n    pass\n" + branches,
                              "fine.py": SWALLOW, "tests/test_fine.py": "import fine\n"})
    result = run_vibecheck(["--format", "concise", "fine.py"], tmp_path / "proj")
    assert result.returncode == 1, result.stderr
    assert "fine.py:3:1: VC101" in result.stdout and "Traceback" not in result.stderr


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found.update(int(child) for child in task.read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads worker processes from /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_exit_when_the_run_is_killed(hostile_site: Path, tmp_path: Path, how: signal.Signals) -> None:
    write(tmp_path / "proj", {f"loop{i}.py": "loops = 1\n" for i in range(4)})
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["PYTHONPATH"] = str(hostile_site)
    parent = subprocess.Popen([sys.executable, "-m", "vibecheck", "--extend-select", "HST", "--jobs", "2",
                               "--per-file-timeout", "0", "."], cwd=tmp_path / "proj", env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = _children(parent.pid)
        assert len(workers) == 2, "the workers did not start"
        time.sleep(1)  # let them enter the looping rule
        parent.send_signal(how)
        parent.wait(30)
        deadline = time.monotonic() + 15
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers), "workers outlived the killed run"
    finally:
        if parent.poll() is None:
            parent.kill()
        for worker in _children(parent.pid):
            os.kill(worker, signal.SIGKILL)
