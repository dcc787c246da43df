"""The runner: extra per-file stages, central suppressions for every stage's findings, the project phase."""

from __future__ import annotations

import dataclasses
import os
import pickle  # vibecheck: ignore[B403] -- the test pickles what the pool sends its workers
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.integration.conftest import write
from vibecheck import analyzers, pipeline, runner, selection, workers
from vibecheck.analyzers import ExternalCode
from vibecheck.api import check_paths, check_source
from vibecheck.cli import cli
from vibecheck.config import Settings, load_settings
from vibecheck.discovery import SourceFile
from vibecheck.model import Category, Confidence, FileResult, Finding, Location, Position, Severity
from vibecheck.registry import Registry, RulePack, load_registry
from vibecheck.rule import ProjectRule

DOC = """Test project rule.

## What it does
Reports every file that defines `orphan`.

## Why is this bad?
Test.

## Example
```python
orphan = 1
```

## Use instead
```python
adopted = 1
```

## References
- none
"""


class OrphanRule(ProjectRule):
    __doc__ = DOC
    code = "TST301"
    name = "orphan-definition"
    category = Category.TESTS

    def check_project(self, project):
        for path, _result in sorted(project.files.items()):
            text = Path(project.root, path).read_text(encoding="utf-8")
            for number, line in enumerate(text.splitlines(), start=1):
                if line.startswith("orphan"):
                    where = Position(number, 1)
                    yield Finding(self.code, self.name, "`orphan` is never used.", Location(path, where, where),
                                  self.severity, self.confidence, self.category)


class FakeAnalyzer:
    """Stands in for bandit through the analyzer interface: one X999 finding per line containing `eval(`."""

    name = "fake"
    prefix = "X"

    def codes(self):
        return [ExternalCode("X999", "fake-eval", "Fake.", "fake")]

    def load(self):
        pass

    def fingerprint(self):
        return "fake 1"

    def is_enabled(self, settings):
        return not settings.no_bandit

    def check(self, unit, enabled, settings):
        findings = []
        for number, line in enumerate(unit.text.splitlines(), start=1):
            if "eval(" in line and "X999" in enabled:
                where = Position(number, 1)
                findings.append(Finding("X999", "fake-eval", "`eval` is used.", Location(unit.path, where, where),
                                        Severity.LOW, Confidence.LOW, Category.SECURITY, source="fake"))
        return findings, []

    def blocks_build(self, finding, settings):
        return False


@pytest.fixture()
def fake_analyzer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analyzers, "_LOADED", [FakeAnalyzer()])
    monkeypatch.setattr(selection, "_EXTERNAL", {})
    monkeypatch.setattr(selection, "_EXTERNAL_PREFIXES", {})
    monkeypatch.setattr(selection, "_providers_loaded", False)


def codes(report) -> list[tuple[str, int, str]]:
    return [(Path(f.location.path).name, f.location.start.line, f.code) for f in report.findings]


def test_an_analyzer_is_selected_run_and_suppressed_through_its_interface(fake_analyzer, tmp_path: Path) -> None:
    write(tmp_path, {"a.py": "x = eval(s)\ny = eval(s)  # noqa: X999\nz = 1  # vibecheck: ignore[X999]\n"})
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1))
    assert codes(report) == [("a.py", 1, "X999"), ("a.py", 3, "VC901")]
    assert check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1, no_bandit=True)).findings == []
    assert check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1, select=("X",))).findings
    result = CliRunner().invoke(cli, ["--select", "X", str(tmp_path / "a.py")])
    assert result.exit_code == 0, result.output  # the analyzer says its finding does not block the build
    assert "X999" in result.output


def test_a_crashing_stage_is_an_error_and_the_other_stages_still_report(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(unit, enabled, result):
        raise KeyError("boom")

    original = pipeline.Pipeline.__init__

    def with_broken_stage(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.stages.append(("broken", broken))

    monkeypatch.setattr(pipeline.Pipeline, "__init__", with_broken_stage)
    report = check_source("try:\n    f()\nexcept Exception:\n    pass\n", "x.py")
    assert [f.code for f in report.findings] == ["VC101"]
    assert [(e.rule, "KeyError" in e.message) for e in report.errors] == [("broken", True)]


def test_unexpected_failures_become_an_error_for_that_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    checker = runner.Checker(Settings(root=str(tmp_path)))
    monkeypatch.setattr(checker, "check_bytes", lambda *a: 1 / 0)
    write(tmp_path, {"a.py": ""})
    result = checker.check_path(SourceFile(str(tmp_path / "a.py"), "a.py", "a.py"))
    assert result.errors and "ZeroDivisionError" in result.errors[0].message


def test_project_rules_run_after_the_files_and_honour_suppressions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    registry = Registry()
    for pack in load_registry().packs:
        registry.add(pack)
    registry.add(RulePack("test", (OrphanRule,)))
    write(tmp_path, {"a.py": "orphan = 1\n", "b.py": "orphan = 2  # noqa: TST301\n", "c.py": "kept = 3  # noqa: TST301\n",
                     "d.py": "orphan = 4  # noqa\n"})
    monkeypatch.chdir(tmp_path)
    report = check_paths(["."], Settings(root=str(tmp_path), jobs=1), registry=registry)
    assert codes(report) == [("a.py", 1, "TST301"), ("c.py", 1, "VC901"), ("d.py", 1, "VC902")]
    ignored = check_paths(["."], Settings(root=str(tmp_path), jobs=1, per_file_ignores={"a.py": ("TST3",)}),
                          registry=registry)
    assert ("a.py", 1, "TST301") not in codes(ignored)


@pytest.fixture()
def listed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folders listed with `os.scandir` during the test, in order."""
    folders: list[str] = []
    scandir = os.scandir

    def counting(path: str) -> Iterator[os.DirEntry[str]]:
        folders.append(os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", counting)
    return folders


def test_the_project_phase_does_not_walk_the_checked_folder_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  listed: list[str]) -> None:
    """Discovery walked `svc/` to find the files; indexing the unchecked test files walks only the rest of the project."""
    write(tmp_path, {"pyproject.toml": "[project]\nname = 'svc'\n", "svc/__init__.py": "", "svc/core/__init__.py": "",
                     "svc/core/app.py": "def load():\n    return 1\n",
                     "tests/test_app.py": "from svc.core.app import load\n\n\ndef test_load():\n    assert load() == 1\n"})
    monkeypatch.chdir(tmp_path)
    report = check_paths(["svc"], Settings(root=str(tmp_path), jobs=1, cache=False))
    assert listed.count(str(tmp_path / "svc" / "core")) == 1
    assert str(tmp_path / "tests") in listed  # the test files were indexed still
    assert not [f for f in report.findings if f.code.startswith("VC3")]  # and reach `load`


@pytest.mark.parametrize("marker", [None, ".git", "setup.cfg"])
def test_the_project_phase_walks_the_current_folder_only_when_a_project_is_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                              listed: list[str], marker: str | None) -> None:
    """Run from a home folder or /tmp (no config, project file or repository there), the current folder is no project:
    the unrelated folders beside the checked one are not walked for tests (in /tmp that took minutes)."""
    write(tmp_path, {"app/orders.py": "def total(items):\n    return sum(items)\n",
                     "scratch/tests/test_other.py": "def test_other():\n    assert 1 + 1 == 2\n"})
    if marker is not None:
        (tmp_path / marker).mkdir() if marker == ".git" else (tmp_path / marker).write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings = load_settings(["app"], load_registry(), cwd=tmp_path)  # as the command line finds them
    check_paths(["app"], dataclasses.replace(settings, jobs=1, cache=False))
    assert (str(tmp_path / "scratch" / "tests") in listed) == (marker is not None)


def test_output_order_is_deterministic(tmp_path: Path) -> None:
    swallow = "try:\n    f()\nexcept Exception:\n    pass\n"
    write(tmp_path, {f"m{i}.py": swallow * 2 for i in range(30)})
    serial = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1))
    pooled = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=2))
    assert serial.findings == pooled.findings
    assert serial.findings == sorted(serial.findings, key=lambda f: f.sort_key)


def test_falls_back_to_one_process_when_no_pool_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(self):
        raise workers.PoolUnavailable("no processes here")

    monkeypatch.setattr(workers.WorkerPool, "_start", no_pool)
    write(tmp_path, {f"m{i}.py": "try:\n    f()\nexcept Exception:\n    pass\n" for i in range(40)})
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=2))
    assert report.files_checked == 40 and len(report.findings) == 40 and not report.errors


def test_a_worker_that_has_grown_is_replaced_after_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no growth allowed, every worker is replaced by a fresh one after its file and the one sent ahead to it
    (never killed while it checks that one: the file would be checked again); no file is lost or checked twice."""
    if workers.resident_bytes(os.getpid()) is None:
        pytest.skip("resident memory cannot be read here (no /proc)")
    checks = tmp_path.parent / f"{tmp_path.name}-checks.txt"  # each check's start, from the worker that makes it
    check_path = runner.Checker.check_path

    def logged(checker: runner.Checker, source_file: SourceFile) -> FileResult:
        with checks.open("a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} {source_file.relative}\n")
        return check_path(checker, source_file)

    monkeypatch.setattr(runner.Checker, "check_path", logged)
    started: list[Any] = []
    start, start_sibling = workers.WorkerPool._start, workers.WorkerPool._start_sibling

    def counted(pool: workers.WorkerPool) -> workers._Worker:
        worker = start(pool)
        started.append(worker.process)
        return worker

    def counted_sibling(pool: workers.WorkerPool) -> workers._Worker:
        worker = start_sibling(pool)
        if worker.process not in started:  # (a sibling forked from the first worker, not from here by `_start`)
            started.append(worker.process)
        return worker

    monkeypatch.setattr(workers.WorkerPool, "_start", counted)
    monkeypatch.setattr(workers.WorkerPool, "_start_sibling", counted_sibling)
    monkeypatch.setattr(workers, "RECYCLE_GROWTH", -1)
    write(tmp_path, {f"m{i}.py": "try:\n    f()\nexcept Exception:\n    pass\n" for i in range(6)})
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=2))
    assert report.files_checked == 6 and len(report.findings) == 6 and not report.errors
    logged_checks = [line.split() for line in checks.read_text(encoding="utf-8").splitlines()]
    assert sorted(name for _, name in logged_checks) == [f"m{i}.py" for i in range(6)]
    per_worker = [sum(pid == worker for worker, _ in logged_checks) for pid in {pid for pid, _ in logged_checks}]
    assert max(per_worker) <= 2  # its file, then the one sent ahead before its growth was seen
    # two at the start, then a fresh one for each worker replaced
    assert len(started) >= 2 + len(per_worker) - 2 and len({process.pid for process in started}) == len(started)
    monkeypatch.setattr(workers, "RECYCLE_GROWTH", 1 << 40)
    started.clear()
    assert check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=2)).findings == report.findings
    assert len(started) == 2


def test_when_no_worker_starts_after_a_crash_the_rest_is_checked_here_once(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    start = workers.WorkerPool._start

    def two_at_most(pool: workers.WorkerPool) -> workers._Worker:
        if len(started) == 2:
            raise workers.PoolUnavailable("no more processes here")
        started.append(1)
        return start(pool)

    check_path = runner.Checker.check_path

    def dies_on_m3(checker: runner.Checker, source_file: SourceFile):
        if source_file.relative.endswith("m3.py"):
            os._exit(1)  # in this process it would end the test run: the file must not be checked twice
        return check_path(checker, source_file)

    monkeypatch.setattr(workers.WorkerPool, "_start", two_at_most)
    monkeypatch.setattr(runner.Checker, "check_path", dies_on_m3)
    write(tmp_path, {f"m{i}.py": "try:\n    f()\nexcept Exception:\n    pass\n" for i in range(8)})
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=2))
    assert report.files_checked == 8
    assert [Path(error.path).name for error in report.errors] == ["m3.py"]
    assert sorted(Path(f.location.path).name for f in report.findings) == [f"m{i}.py" for i in range(8) if i != 3]


def test_a_task_sent_ahead_to_a_worker_that_dies_is_checked_once_by_its_successor(tmp_path: Path,
                                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    sent_ahead: list[str] = []
    send_ahead = workers.WorkerPool._send_ahead

    def recorded(pool: workers.WorkerPool, pending: object) -> None:
        before = [worker.queued for worker in pool.workers]
        send_ahead(pool, pending)  # type: ignore[arg-type]
        sent_ahead.extend(Path(w.queued.display).name for w, old in zip(pool.workers, before, strict=True)
                          if w.queued is not None and w.queued is not old)

    check_path = runner.Checker.check_path

    def dies_on_m2(checker: runner.Checker, source_file: SourceFile):
        if source_file.relative.endswith("m2.py"):
            os._exit(1)
        return check_path(checker, source_file)

    monkeypatch.setattr(workers.WorkerPool, "_send_ahead", recorded)
    monkeypatch.setattr(runner.Checker, "check_path", dies_on_m2)
    write(tmp_path, {f"m{i}.py": "try:\n    f()\nexcept Exception:\n    pass\n" for i in range(6)})
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1))
    assert "m3.py" in sent_ahead  # it waited in the pipe of the worker that died on m2
    assert [Path(error.path).name for error in report.errors] == ["m2.py"]
    assert sorted(Path(f.location.path).name for f in report.findings) == [f"m{i}.py" for i in range(6) if i != 2]


def test_a_few_files_leave_the_checker_to_the_workers_and_many_load_it_here(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Up to `FILES_PER_WORKER_LOADING_ITSELF` files per worker, the workers load the checker (this process reads the
    index meanwhile); beyond, this process loads it once before forking. The findings are the same either way."""
    loads_here: list[int] = []
    original = pipeline.Pipeline.load

    def counted(self: pipeline.Pipeline) -> None:
        loads_here.append(os.getpid())  # (a forked worker appends to its own copy of the list)
        original(self)

    monkeypatch.setattr(pipeline.Pipeline, "load", counted)
    few = runner.FILES_PER_WORKER_LOADING_ITSELF * 2
    swallow = "try:\n    f()\nexcept Exception:\n    pass\n"
    write(tmp_path / "few", {f"m{i}.py": swallow for i in range(few)})
    write(tmp_path / "many", {f"m{i}.py": swallow for i in range(few + 1)})
    report = check_paths([str(tmp_path / "few")], Settings(root=str(tmp_path / "few"), jobs=2, cache=False))
    assert (report.files_checked, len(report.findings), report.errors, loads_here) == (few, few, [], [])
    report = check_paths([str(tmp_path / "many")], Settings(root=str(tmp_path / "many"), jobs=2, cache=False))
    assert (report.files_checked, len(report.findings), report.errors) == (few + 1, few + 1, [])
    assert set(loads_here) == {os.getpid()}


def test_the_first_file_the_cache_misses_starts_a_worker_that_loads_before_its_first_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A warm run with changed files forks its first worker at the first miss, and that worker loads the checker at
    once (overlapping this process's lookups); a run with nothing changed starts none. The findings stay those of a
    run without the cache."""
    early: list[int] = []
    start_early = workers.WorkerPool.start_early

    def recorded(pool: workers.WorkerPool) -> None:
        early.append(len(pool.workers))
        start_early(pool)

    marker = tmp_path / "loaded-by"

    def load(worker_checker: runner._WorkerChecker) -> None:
        marker.write_text(str(os.getpid()), encoding="utf-8")  # in the worker: a file, not this process's memory

    monkeypatch.setattr(workers.WorkerPool, "start_early", recorded)
    monkeypatch.setattr(runner._WorkerChecker, "load", load)
    project = tmp_path / "project"
    swallow = "try:\n    f()\nexcept Exception:\n    pass\n"
    write(project, {f"m{i}.py": swallow for i in range(4)})
    settings = Settings(root=str(project), jobs=2, cache=True)
    check_paths([str(project)], settings)
    early.clear()
    marker.unlink()
    assert check_paths([str(project)], settings).files_checked == 4 and early == [] and not marker.exists()
    (project / "m2.py").write_text(swallow + "x = 1\n", encoding="utf-8")
    (project / "m3.py").write_text(swallow + "y = 2\n", encoding="utf-8")
    report = check_paths([str(project)], settings)
    assert early == [0]  # once, for the first of the two changed files, with no worker yet
    assert marker.read_text(encoding="utf-8") not in ("", str(os.getpid()))
    assert report.findings == check_paths([str(project)], dataclasses.replace(settings, cache=False)).findings
    assert len(report.findings) == 4 and not report.errors


@dataclasses.dataclass(frozen=True)
class _Named:
    display: str


def _fails_to_warm_up() -> None:
    raise RuntimeError("a rule pack failed to import")


def test_a_worker_whose_warm_up_fails_reports_it_with_its_first_file() -> None:
    def make_checker() -> workers.CheckPath:
        return lambda task: FileResult(task.display)

    pool = workers.WorkerPool(1, make_checker, None, warm_up=_fails_to_warm_up)
    pool.start_early()
    results = {task.display: result for task, result in pool.check([_Named("a.py"), _Named("b.py")])}
    assert [error.message for error in results["a.py"].errors] == [
        "internal error while checking this file: RuntimeError: a rule pack failed to import"]
    assert results["b.py"].errors == []


def test_a_pool_closed_later_tells_its_workers_to_end_and_close_waits_for_them() -> None:
    """With `close_later`, the last result leaves the workers ending on their own (their exit overlaps the caller's
    work); `close` then reaps them."""
    pool = workers.WorkerPool(1, lambda: _who_checks, None, close_later=True)
    pool.start_early()
    assert [task.display for task, _ in pool.check([_Named("a.py")])] == ["a.py"]
    [worker] = pool.workers
    worker.process.join(10)  # it ends without being asked again
    assert worker.process.exitcode == 0
    pool.close()
    assert pool.workers == []


_WARMED_BY: list[int] = []  # the pid of the process whose warm-up ran, in this process's copy


def _warm_up() -> None:
    _WARMED_BY.append(os.getpid())


def _who_checks(task: _Named) -> FileResult:
    """A result that says which process checked the task, and which process's warm-up it carries."""
    if task.display == "dies.py":
        os._exit(3)
    return FileResult(task.display, warnings=[f"{os.getpid()} {_WARMED_BY}"])


needs_adoption = pytest.mark.skipif(not workers._adopts_orphans(), reason="siblings are forked twice and adopted on Linux")


@needs_adoption
def test_the_other_workers_are_copies_of_the_first_once_it_has_loaded() -> None:
    """With `siblings`, only the first worker warms up; the second is forked from it afterwards, so it has what the
    warm-up loaded without loading it again. Without, each worker warms up itself."""
    tasks = [_Named(f"m{i}.py") for i in range(6)]
    for siblings in (True, False):
        pool = workers.WorkerPool(2, lambda: _who_checks, None, warm_up=_warm_up, siblings=siblings)
        pool.start_early()
        seen = {result.warnings[0] for _, result in pool.check(tasks)}
        checked_by = {line.split(" ", 1)[0]: line.split(" ", 1)[1] for line in seen}
        assert len(checked_by) == 2 and str(os.getpid()) not in checked_by
        warmed_by = {pid: warmed.strip("[]") for pid, warmed in checked_by.items()}
        if siblings:  # one warm-up, the first worker's, in both
            assert len(set(warmed_by.values())) == 1 and set(warmed_by.values()) < set(warmed_by)
        else:
            assert all(pid == warmed for pid, warmed in warmed_by.items())


@needs_adoption
def test_a_sibling_that_dies_costs_its_file_and_says_how_it_ended() -> None:
    """A sibling is this process's child by adoption: its exit status is read as a forked worker's is."""
    pool = workers.WorkerPool(2, lambda: _who_checks, None, warm_up=_warm_up, siblings=True)
    pool.start_early()
    results = {task.display: result for task, result in pool.check([_Named("a.py"), _Named("dies.py"), _Named("b.py")])}
    assert sorted(results) == ["a.py", "b.py", "dies.py"]
    assert [error.message for error in results["dies.py"].errors] == [
        "the worker process checking this file died (it exited with code 3 without a result); the file was not checked"]
    assert results["a.py"].errors == results["b.py"].errors == []


@needs_adoption
def test_a_first_worker_whose_warm_up_failed_forks_no_sibling() -> None:
    """Its copies would not have loaded either: the other worker is forked from here, and no file is lost."""
    pool = workers.WorkerPool(2, lambda: _who_checks, None, warm_up=_fails_to_warm_up, siblings=True)
    pool.start_early()
    results = {task.display: result for task, result in pool.check([_Named(f"m{i}.py") for i in range(4)])}
    assert sorted(results) == [f"m{i}.py" for i in range(4)]
    failed = [name for name, result in results.items() if result.errors]
    assert 1 <= len(failed) <= 2  # the first file of each worker, each of which warmed up and failed
    assert all("a rule pack failed to import" in results[name].errors[0].message for name in failed)


@needs_adoption
def test_the_first_worker_ends_for_this_process_while_its_siblings_live() -> None:
    """A sibling must not hold the pipe by which this process sees the first worker end: else stopping the first
    worker (to recycle it) would wait for as long as a sibling lives."""
    from multiprocessing.connection import wait

    pool = workers.WorkerPool(2, lambda: _who_checks, None, warm_up=_warm_up, siblings=True)
    pool.start_early()
    first = pool.first
    assert first is not None
    results = pool.check([_Named(f"m{i}.py") for i in range(8)])
    checked_by: set[str] = set()
    while len(checked_by) < 2:
        checked_by.add(next(results)[1].warnings[0].split(" ", 1)[0])
    first.process.kill()
    assert wait([first.process.sentinel], 30) == [first.process.sentinel]
    results.close()


def _no_process_to_spare(*args: object) -> None:
    raise OSError(11, "Resource temporarily unavailable")


@needs_adoption
def test_a_first_worker_that_cannot_fork_leaves_the_sibling_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fork that fails in the first worker (no process to spare) costs no file and no worker: the first worker goes
    on, and the other worker is forked from here."""
    monkeypatch.setattr(workers, "_fork_twice", _no_process_to_spare)  # (the workers are forked with it patched)
    pool = workers.WorkerPool(2, lambda: _who_checks, None, warm_up=_warm_up, siblings=True)
    pool.start_early()
    results = {task.display: result for task, result in pool.check([_Named(f"m{i}.py") for i in range(6)])}
    assert sorted(results) == [f"m{i}.py" for i in range(6)]
    assert all(not result.errors for result in results.values())
    assert len({result.warnings[0].split(" ", 1)[0] for result in results.values()}) == 2


def test_workers_are_told_which_files_are_tests_and_match_no_pattern_for_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of a few files tells the workers which are tests (`Pipeline.known_tests`, sent with the worker's checker),
    so that a worker never imports `pathspec` (9 ms on a hook's critical path) to match `test-paths` itself."""
    checker = runner.Checker(Settings(no_bandit=True))
    checker.known_tests.update({"tests/check_app.py": True, "test_app.py": False})
    sent = pickle.loads(pickle.dumps(runner._WorkerChecker(checker)))  # as a spawned or preloaded worker gets it
    sent()  # the worker builds its checker
    built = sent.checker
    assert built is not None and built is not checker
    monkeypatch.setattr(pipeline, "is_test_file", lambda relative, paths: pytest.fail(f"matched {relative}"))
    assert built.is_test("tests/check_app.py") and not built.is_test("test_app.py")
    monkeypatch.undo()
    assert built.is_test("tests/test_other.py")  # not told: matched against `test-paths`


def test_a_worker_checking_a_file_it_was_told_about_imports_no_pathspec(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from vibecheck.preload import load_checker_modules\n"
        "load_checker_modules()\n"
        "from vibecheck.config import Settings\n"
        "from vibecheck.runner import Checker\n"
        "checker = Checker(Settings())\n"
        "checker.known_tests['app.py'] = False\n"
        "result = checker.check_bytes('app.py', 'app.py', b'import os\\nos.system(input())\\n')\n"
        "print(sorted({f.code for f in result.findings}), 'pathspec' in sys.modules)\n"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path)
    codes, imported = found.stdout.rsplit(" ", 1)
    assert "B605" in codes and imported.strip() == "False"


def _checks_or_stalls(task: _Named) -> FileResult:
    """`_who_checks`, and a task that overruns any time limit."""
    if task.display == "stalls.py":
        import time

        time.sleep(30)
    return _who_checks(task)


def test_a_batch_is_checked_in_one_worker_and_gives_each_task_its_result() -> None:
    names = [f"m{i}.py" for i in range(5)]
    pool = workers.WorkerPool(1, lambda: _who_checks, None)
    results = list(pool.check([workers.Batch(tuple(_Named(name) for name in names[:4])), _Named(names[4])]))
    assert [task.display for task, _ in results] == names
    assert [result.path for _, result in results] == names
    assert len({result.warnings[0] for _, result in results}) == 1  # one worker checked them all


@pytest.mark.parametrize(("bad", "message"), [
    ("dies.py", "the worker process checking this file died (it exited with code 3 without a result)"),
    ("stalls.py", "checking this file took longer than the per-file timeout (0.5 s)"),
])
def test_a_batch_whose_worker_dies_or_overruns_costs_only_the_task_that_did(bad: str, message: str) -> None:
    """The batch's tasks go back to the queue one by one: the others are checked, the bad one fails alone."""
    names = ["a.py", bad, "b.py"]
    pool = workers.WorkerPool(1, lambda: _checks_or_stalls, 0.5)
    results = {task.display: result for task, result in pool.check([workers.Batch(tuple(map(_Named, names)))])}
    assert sorted(results) == sorted(names)
    assert results["a.py"].errors == results["b.py"].errors == []
    assert [error.message.startswith(message) for error in results[bad].errors] == [True]


def test_batches_shrink_to_single_tasks_at_the_end_and_keep_the_order() -> None:
    tasks = [_Named(f"m{i}.py") for i in range(500)]
    batches = workers.batched(tasks, 2)
    sizes = [len(task.tasks) if isinstance(task, workers.Batch) else 1 for task in batches]
    assert sizes[0] == workers.MAX_BATCH and sizes[-8:] == [1] * 8
    assert sizes == sorted(sizes, reverse=True)
    assert [t for task in batches for t in (task.tasks if isinstance(task, workers.Batch) else (task,))] == tasks
    assert workers.batched(tasks[:3], 2) == tasks[:3]


def _unpicklable_for_one(task: _Named) -> FileResult:
    return FileResult(task.display, facts={"made": lambda: 0} if task.display == "odd.py" else {})


@pytest.mark.parametrize("batch", [True, False])
def test_a_result_that_cannot_be_sent_costs_its_own_task_only(batch: bool) -> None:
    tasks = [_Named("a.py"), _Named("odd.py"), _Named("b.py")]
    pool = workers.WorkerPool(1, lambda: _unpicklable_for_one, None)
    results = {task.display: result for task, result in pool.check([workers.Batch(tuple(tasks))] if batch else tasks)}
    assert results["a.py"].errors == results["b.py"].errors == []
    assert [error.message.split(":")[0] for error in results["odd.py"].errors] == [
        "internal error while sending this file's result"]
