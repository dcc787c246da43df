"""The project rules of a large project, shared by this process and a forked copy: same findings, in the rules' order."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from vibecheck import project_rules_forked
from vibecheck.model import Category, Confidence, FileResult, Finding, Location, Position, Severity
from vibecheck.project import Project

needs_fork = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the copy is forked on Linux only")
PARENT = os.getpid()
SLOW = 0.5  # seconds a rule with a part ahead takes: long enough for the copy to compute and send the part
PATIENCE = 30  # seconds a rule waits for one in the other process (a loaded machine starts the copy late)
_MEETING: list[Path] = []  # where the rules of the two processes meet: set by each test, inherited by the fork


def _finding(code: str, path: str, message: str) -> Finding:
    where = Position(1, 1)
    return Finding(code, "test-rule", message, Location(path, where, where), Severity.LOW, Confidence.LOW, Category.TESTS)


def _meet() -> None:
    """Wait until a rule has started in the other process too (up to `PATIENCE`): two packages then ran side by
    side however late the copy started, where a fixed sleep loses the race on a loaded machine."""
    folder = _MEETING[-1]
    (folder / str(os.getpid())).touch()
    deadline = time.monotonic() + PATIENCE
    while len(list(folder.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.fixture
def meeting(tmp_path: Path) -> Path:
    folder = tmp_path / "meeting"
    folder.mkdir()
    _MEETING.append(folder)
    return folder


class _SlowRule:
    """Reports which process ran it, once a rule runs in the other process too."""

    code = "TST001"

    def __init__(self, options: object) -> None:
        self.options = options

    def check_project(self, project: Project) -> list[Finding]:
        _meet()
        return [_finding(self.code, "app.py", str(os.getpid()))]


class _SlowReader(_SlowRule):
    """Reads `app.py` through the project (which the phase's cache watches)."""

    def check_project(self, project: Project) -> list[Finding]:
        project.read_text("app.py")
        return super().check_project(project)


class _QuickRule(_SlowRule):
    code = "TST002"

    def check_project(self, project: Project) -> list[Finding]:
        return [_finding(self.code, "app.py", str(os.getpid()))]


class _DiesInTheCopy(_QuickRule):
    """Dies in the copy once a rule runs here too (whichever package the copy took); here, waits for that."""

    code = "TST003"

    def check_project(self, project: Project) -> list[Finding]:
        _meet()
        if os.getpid() != PARENT:
            os._exit(1)
        return super().check_project(project)


def _in_package(rule: type, package: str) -> type:
    return type(rule.__name__, (rule,), {"__module__": f"{package}.rules"})


def _project(tmp_path: Path, files: int) -> Project:
    (tmp_path / "app.py").write_text("x = 1\n", encoding="utf-8")
    project = Project(root=tmp_path)
    project.files = {f"m{i}.py": FileResult(f"m{i}.py") for i in range(files)}
    return project


def _ran_in(outcomes: list[project_rules_forked.Outcome]) -> list[str]:
    return [finding.message for findings, _ in outcomes for finding in findings]


@needs_fork
def test_the_packages_rules_spread_over_two_processes_and_come_back_in_order(tmp_path: Path, meeting: Path) -> None:
    project = _project(tmp_path, project_rules_forked.FORKED_FILES)
    slow_a, quick_a, slow_b = _in_package(_SlowRule, "pack_a"), _in_package(_QuickRule, "pack_a"), \
        _in_package(_SlowReader, "pack_b")
    rules = [(slow_a, None), (slow_b, None), (quick_a, None)]
    outcomes = project_rules_forked.run_each_rule(project, rules, [project], jobs=2)
    assert [[f.code for f in findings] for findings, _ in outcomes] == [["TST001"], ["TST001"], ["TST002"]]
    ran_in = _ran_in(outcomes)
    assert ran_in[0] == ran_in[2] != ran_in[1]  # one package per process, a package's rules together
    assert str(PARENT) in (ran_in[0], ran_in[1])
    assert project.texts_read == {"app.py"}  # pack_b's read, sent back when the copy ran it


@needs_fork
def test_the_rules_a_copy_that_died_had_taken_run_here(tmp_path: Path, meeting: Path) -> None:
    project = _project(tmp_path, project_rules_forked.FORKED_FILES)
    rules = [(_in_package(_DiesInTheCopy, "pack_a"), None), (_in_package(_DiesInTheCopy, "pack_b"), None)]
    outcomes = project_rules_forked.run_each_rule(project, rules, [project], jobs=2)
    assert [[f.code for f in findings] for findings, _ in outcomes] == [["TST003"], ["TST003"]]
    assert _ran_in(outcomes) == [str(PARENT)] * 2
    assert len(list(meeting.iterdir())) == 2  # the copy took one package's rule before it died


@pytest.mark.parametrize(("files", "jobs"), [(project_rules_forked.FORKED_FILES - 1, 2),
                                             (project_rules_forked.FORKED_FILES, 1)])
def test_a_small_project_or_one_job_runs_the_rules_here(tmp_path: Path, files: int, jobs: int) -> None:
    project = _project(tmp_path, files)
    rules = [(_in_package(_QuickRule, "pack_a"), None), (_in_package(_QuickRule, "pack_b"), None)]
    outcomes = project_rules_forked.run_each_rule(project, rules, [project], jobs=jobs)
    assert _ran_in(outcomes) == [str(PARENT)] * 2


_AHEAD_OF: dict[int, object] = {}  # project id -> how this process waits for the copy's part ahead
_PREPARED: list[int] = []  # the processes that prepared a part ahead


def _ahead_pid(project: Project, options: object) -> object:
    """A part ahead: the process that computed it, after a while (the parent takes the first rules meanwhile); a copy
    told to die dies first, one told `big` sends 4 MiB."""
    if options == "die":
        os._exit(1)
    time.sleep(SLOW / 2)
    return (os.getpid(), "x" * (4 << 20)) if options == "big" else os.getpid()


def _prepare(project: Project, options: object) -> None:
    _PREPARED.append(os.getpid())


def _expect(project: Project, receive: object) -> None:
    if receive is None:
        _AHEAD_OF.pop(id(project), None)
    else:
        _AHEAD_OF[id(project)] = receive


class _TakesAhead(_QuickRule):
    """Reports the process that computed its part ahead (its own when none came), after `SLOW` seconds."""

    code = "TST004"
    forked_ahead = (_prepare, _ahead_pid, _expect)

    def check_project(self, project: Project) -> list[Finding]:
        time.sleep(SLOW)
        receive = _AHEAD_OF.get(id(project))
        part = receive() if callable(receive) else None
        return [_finding(self.code, "app.py", f"{os.getpid()} {part if part is not None else os.getpid()}")]


@needs_fork
def test_a_rules_part_ahead_is_computed_in_the_copy_and_taken_here(tmp_path: Path) -> None:
    project = _project(tmp_path, project_rules_forked.FORKED_FILES)
    rules = [(_in_package(_TakesAhead, "pack_a"), None), (_in_package(_QuickRule, "pack_b"), None)]
    outcomes = project_rules_forked.run_each_rule(project, rules, [project], jobs=2)
    ran, computed = _ran_in(outcomes)[0].split()
    assert ran == str(PARENT) != computed
    assert _PREPARED[-1] == PARENT  # before the fork
    assert _AHEAD_OF == {}  # told to stop waiting once the rules ran


@needs_fork
def test_a_part_ahead_a_dead_copy_never_sent_is_computed_here(tmp_path: Path) -> None:
    project = _project(tmp_path, project_rules_forked.FORKED_FILES)
    rules = [(_in_package(_TakesAhead, "pack_a"), "die"), (_in_package(_QuickRule, "pack_b"), None)]
    outcomes = project_rules_forked.run_each_rule(project, rules, [project], jobs=2)
    assert _ran_in(outcomes) == [f"{PARENT} {PARENT}", str(PARENT)]


@needs_fork
def test_a_part_ahead_larger_than_the_pipe_and_never_read_holds_nothing_up(tmp_path: Path) -> None:
    project = _project(tmp_path, project_rules_forked.FORKED_FILES)
    rules = [(_in_package(_QuickRule, "pack_a"), "big"), (_in_package(_QuickRule, "pack_b"), None)]
    rules[0][0].forked_ahead = (_prepare, _ahead_pid, _expect)  # type: ignore[attr-defined]  # a rule that never reads its part
    started = time.monotonic()
    outcomes = project_rules_forked.run_each_rule(project, rules, [project], jobs=2)
    assert _ran_in(outcomes) == [str(PARENT)] * 2  # the copy, still sending, took no rule
    assert time.monotonic() - started < 30
