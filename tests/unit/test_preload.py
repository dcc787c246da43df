"""The worker forked as a command with few files starts, to load the checker while the command reads its config
and cache (`vibecheck.preload`), and the pool that takes it as its first worker (`vibecheck.workers`)."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from vibecheck import preload, workers
from vibecheck.model import FileResult

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the checker is preloaded on Linux")

_LOADED_IN: list[int] = []  # the pid of the process that ran the preload, in this process's copy


@dataclasses.dataclass(frozen=True)
class _Named:
    display: str


def _load() -> None:
    _LOADED_IN.append(os.getpid())


def _dies_while_loading() -> None:
    os._exit(5)


def _says_who_checks(task: _Named) -> FileResult:
    return FileResult(task.display, warnings=[f"{os.getpid()} {_LOADED_IN}"])


def _make_checker() -> workers.CheckPath:  # module level: the pool sends it to the preloaded worker by pickle
    return _says_who_checks


@pytest.fixture
def preloaded(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A preloaded worker whose preload is `_load`, ended if the test leaves it unused."""
    monkeypatch.setattr(preload, "load_checker_modules", _load)
    yield
    preload.discard()


def _preloaded_pid() -> int:
    assert preload._preloaded is not None
    return preload._preloaded[0]


def _checked_by(results: dict[str, FileResult]) -> dict[str, str]:
    """Each task's checking process's pid -> the pids its preload ran in ("[]": none ran)."""
    return dict(result.warnings[0].split(" ", 1) for result in results.values())


def test_the_preloaded_worker_is_the_pools_first_and_its_siblings_carry_its_load(preloaded: None) -> None:
    preload.start(["hook"])
    pid = _preloaded_pid()
    pool = workers.WorkerPool(2, _make_checker, None, siblings=True, preloaded=True)
    pool.start_early()
    results = {task.display: result for task, result in pool.check([_Named(f"m{i}.py") for i in range(6)])}
    assert sorted(results) == [f"m{i}.py" for i in range(6)] and all(not r.errors for r in results.values())
    checked_by = _checked_by(results)
    assert str(pid) in checked_by and str(os.getpid()) not in checked_by
    assert set(checked_by.values()) == {f"[{pid}]"}  # loaded once, in the preloaded worker; a sibling is its copy
    assert preload.take() is None  # taken once


def test_a_pool_that_loads_here_leaves_the_preloaded_worker_unused(preloaded: None) -> None:
    preload.start(["hook"])
    pool = workers.WorkerPool(1, _make_checker, None)
    results = {task.display: result for task, result in pool.check([_Named("a.py")])}
    assert set(_checked_by(results).values()) == {"[]"}
    pid = _preloaded_pid()
    preload.discard()
    with pytest.raises(ChildProcessError):  # ended and reaped
        os.waitpid(pid, os.WNOHANG)


def test_a_checker_that_cannot_be_sent_to_the_preloaded_worker_goes_to_a_worker_forked_here(preloaded: None) -> None:
    preload.start(["hook"])
    pid = _preloaded_pid()
    pool = workers.WorkerPool(1, lambda: _says_who_checks, None, preloaded=True)  # a lambda does not pickle
    results = {task.display: result for task, result in pool.check([_Named("a.py"), _Named("b.py")])}
    assert all(not result.errors for result in results.values())
    assert str(pid) not in _checked_by(results)
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _says_its_session(task: _Named) -> FileResult:
    return FileResult(task.display, warnings=[f"{os.getpid()} {os.getsid(0)}"])


def _make_session_checker() -> workers.CheckPath:
    return _says_its_session


def test_the_preloaded_worker_runs_in_a_session_of_its_own(preloaded: None) -> None:
    """Its imports do not share the command's CPU share (one per session, with Linux's autogroup scheduling)."""
    preload.start(["hook"])
    pid = _preloaded_pid()
    pool = workers.WorkerPool(1, _make_session_checker, None, preloaded=True)
    results = {task.display: result for task, result in pool.check([_Named("a.py")])}
    assert results["a.py"].warnings == [f"{pid} {pid}"]  # checked by the preloaded worker, the leader of its session
    assert os.getsid(0) != pid


def test_a_preloaded_worker_that_dies_while_loading_costs_no_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preload, "load_checker_modules", _dies_while_loading)
    preload.start(["hook"])
    pool = workers.WorkerPool(1, _make_checker, None, preloaded=True)
    results = {task.display: result for task, result in pool.check([_Named("a.py"), _Named("b.py")])}
    assert sorted(results) == ["a.py", "b.py"] and all(not result.errors for result in results.values())


_MANY = preload.FILES_PER_WORKER_LOADING_ITSELF * (os.cpu_count() or 1) + 1  # the run loads the checker itself


@pytest.mark.parametrize(("arguments", "expected"), [
    (["hook"], True),
    (["--force-exclude", "a.py", "b.py"], True),  # pre-commit's staged files
    (["check", "a.py"], True),
    ([f"f{i}.py" for i in range(_MANY)], False),
    (["src"], False),  # a folder no cache holds: every file is checked, and the run loads the checker itself
    ([], False),  # the current folder
    (["clean"], False),
    (["missing.py"], False),
])
def test_which_command_lines_preload(arguments: list[str], expected: bool, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "src").mkdir()
    for name in ("a.py", "b.py", *(f"f{i}.py" for i in range(_MANY))):
        (tmp_path / name).write_text("x = 1\n")
    assert preload.wanted(arguments) is expected


@pytest.mark.parametrize(("arguments", "cpus", "expected"), [
    (["src"], 2, True),  # most likely a few files changed since the cache was filled
    ([], 2, True),
    (["check", "--format", "json", "src"], 2, True),
    (["src/pkg"], 2, True),  # the cache is at the project's root, above the folder
    (["src"], 1, False),  # the worker's imports would take the run's own core
    (["-j", "1", "src"], 2, False),
    (["--jobs=1", "src"], 2, False),
    (["-j1"], 2, False),
    (["--jobs", "2", "src"], 2, True),
    (["--no-cache", "src"], 2, False),
    (["clean"], 2, False),
    (["rules"], 2, False),
    (["server", "status"], 2, False),
    (["docs"], 2, False),  # a command, though a folder has its name
])
def test_a_check_of_folders_preloads_when_a_cache_holds_them(arguments: list[str], cpus: int, expected: bool,
                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(preload.NO_CACHE_ENV, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: cpus)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    for folder in ("src/pkg", "docs", preload.CACHE_DIR):
        (tmp_path / folder).mkdir(parents=True)
    assert preload.wanted(arguments) is expected


def test_the_environment_can_turn_the_cache_and_so_the_speculative_preload_off(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    (tmp_path / ".git").mkdir()
    (tmp_path / preload.CACHE_DIR).mkdir()
    monkeypatch.setenv(preload.NO_CACHE_ENV, "1")
    assert not preload.wanted([])
    monkeypatch.setenv(preload.NO_CACHE_ENV, "0")
    assert preload.wanted([])


def test_the_commands_that_check_no_folder_are_the_command_lines_other_commands() -> None:
    from vibecheck.cli import cli

    assert preload.OTHER_COMMANDS | {preload.CHECK_COMMAND} == set(cli.commands)  # type: ignore[attr-defined]


def test_joining_an_adopted_worker_waits_for_its_end_and_reads_its_exit_code() -> None:
    """`_Adopted.join` blocks on the process's end (a pidfd on Linux) instead of polling: it returns with the exit
    code once the process has ended, and a process that outlives the timeout is still reported alive."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # a worker that ends when told to, as the pool's workers end on `None`
        os.close(write_end)
        os.read(read_end, 1)
        os._exit(3)
    os.close(read_end)
    process = workers._Adopted(pid)
    process.join(0.05)
    assert process.is_alive()
    os.write(write_end, b"x")
    process.join(10)
    assert process.exitcode == 3 and not process.is_alive()
    os.close(write_end)
    process.join(1)  # once reaped, joining again returns at once
