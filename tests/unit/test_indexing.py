"""Files indexed for the project rules only: read in the worker pool beside the checked files, cached, never fatal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.integration.conftest import write
from vibecheck import cache, indexing, safe_files, workers
from vibecheck.api import check_paths
from vibecheck.config import Settings
from vibecheck.facts import SOURCE_FACT_KEYS, source_facts

PROJECT = {
    "pyproject.toml": "[project]\nname = 'shop'\n",
    "src/shop/__init__.py": "",
    "src/shop/orders.py": "def total(items):\n    return sum(items)\n\n\ndef refund(order):\n    return order\n",
    "src/shop/legacy.py": "def old_price(x):\n    return x\n",
    "tests/test_orders.py": "from shop.orders import total\n\n\ndef test_total():\n    assert total([1, 2]) == 3\n",
}
REFUND_TEST = "\n\ndef test_refund():\n    assert refund(1) == 1\n"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write(tmp_path, PROJECT)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture()
def readers(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file where each index job that runs appends the reading process's id and the file's name."""
    log = project.parent / f"{project.name}-readers.log"
    read = indexing.IndexJob.read

    def logged(job: indexing.IndexJob) -> object:
        with open(log, "a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()} {job.source_file.relative}\n")
        return read(job)

    monkeypatch.setattr(indexing.IndexJob, "read", logged)
    return log


def read_log(log: Path) -> list[tuple[int, str]]:
    if not log.exists():
        return []
    return [(int(pid), name) for pid, name in (line.split() for line in log.read_text(encoding="utf-8").splitlines())]


def codes(report) -> list[str]:
    return sorted(f"{f.location.path}:{f.location.start.line} {f.code}" for f in report.findings if f.code.startswith("VC3"))


def test_the_worker_processes_read_the_unchecked_files(project: Path, readers: Path) -> None:
    pooled = check_paths(["src/shop/orders.py"], Settings(root=str(project), jobs=2, cache=False))
    read = read_log(readers)
    assert sorted(name for _, name in read) == ["src/shop/__init__.py", "src/shop/legacy.py", "tests/test_orders.py"]
    assert os.getpid() not in {pid for pid, _ in read}
    readers.unlink()
    here = check_paths(["src/shop/orders.py"], Settings(root=str(project), jobs=1, cache=False, isolate=False))
    assert {pid for pid, _ in read_log(readers)} == {os.getpid()}
    assert codes(pooled) == codes(here) == ["src/shop/orders.py:5 VC301"]
    assert pooled.files_checked == here.files_checked == 1 and not pooled.errors and not pooled.warnings


def test_the_index_is_planned_while_the_workers_check_the_first_files(project: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    begin, walk = workers.WorkerPool._begin, indexing._unchecked_files

    def begun(pool: workers.WorkerPool, worker: object, task: object) -> None:
        if task is not None:
            events.append(f"begin {task.display}")  # type: ignore[attr-defined]
        begin(pool, worker, task)  # type: ignore[arg-type]

    def walked(*args: object) -> object:
        events.append("walk")
        return walk(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(workers.WorkerPool, "_begin", begun)
    monkeypatch.setattr(indexing, "_unchecked_files", walked)
    report = check_paths(["src/shop/orders.py"], Settings(root=str(project), jobs=2, cache=False))
    assert events[:2] == ["begin src/shop/orders.py", "walk"]
    assert sorted(events[2:]) == ["begin src/shop/__init__.py", "begin src/shop/legacy.py", "begin tests/test_orders.py"]
    assert codes(report) == ["src/shop/orders.py:5 VC301"]


def test_with_nothing_else_to_check_the_index_is_read_without_a_worker(project: Path, readers: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(root=str(project), jobs=2, cache=True)
    assert codes(check_paths(["src/shop/orders.py"], settings)) == ["src/shop/orders.py:5 VC301"]
    started: list[object] = []
    start = workers.WorkerPool._start
    monkeypatch.setattr(workers.WorkerPool, "_start", lambda pool: started.append(pool) or start(pool))
    readers.unlink()
    with open(project / "tests/test_orders.py", "a", encoding="utf-8") as stream:
        stream.write(REFUND_TEST.replace("assert", "from shop.orders import refund\n    assert"))
    warm = check_paths(["src/shop/orders.py"], settings)
    assert codes(warm) == []  # the edited test was read again: `refund` has its test now
    assert read_log(readers) == [(os.getpid(), "tests/test_orders.py")]  # only it, in this process
    assert started == []


def test_cached_index_entries_are_not_read_again(project: Path, readers: Path) -> None:
    settings = Settings(root=str(project), jobs=1, isolate=False, cache=True)
    cold = check_paths(["src/shop/orders.py"], settings)
    assert len(read_log(readers)) == 3
    readers.unlink()
    (project / "src/shop/orders.py").write_text(PROJECT["src/shop/orders.py"] + "\n# edited\n", encoding="utf-8")
    warm = check_paths(["src/shop/orders.py"], settings)
    assert read_log(readers) == []  # the source files' facts came from the cache, as the test file's did
    assert codes(warm) == codes(cold) == ["src/shop/orders.py:5 VC301"]


def test_a_worker_dying_on_an_unchecked_file_costs_its_facts_with_a_warning(project: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    read = indexing.IndexJob.read

    def dies_on_the_test(job: indexing.IndexJob) -> object:
        if job.source_file.relative == "tests/test_orders.py":
            os._exit(3)
        return read(job)

    monkeypatch.setattr(indexing.IndexJob, "read", dies_on_the_test)
    report = check_paths(["src/shop/orders.py"], Settings(root=str(project), jobs=1, cache=False))
    assert report.files_checked == 1 and not report.errors  # nobody asked to check it: no error, exit 0 or 1
    assert len(report.warnings) == 1
    assert report.warnings[0].startswith("tests/test_orders.py: not read for the project rules: the worker process")
    assert "exited with code 3" in report.warnings[0]


def test_an_unreadable_unchecked_file_adds_nothing(project: Path) -> None:
    (project / "src/shop/legacy.py").write_bytes(b"# -*- coding: no-such-codec -*-\ndef old_price(x):\n    return x\n")
    report = check_paths(["src/shop/orders.py"], Settings(root=str(project), jobs=2, cache=False))
    assert codes(report) == ["src/shop/orders.py:5 VC301"] and not report.errors and not report.warnings


def test_indexed_files_whose_stat_is_unchanged_are_not_read_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "SETTLED_NS", 0)  # written just now: record their stat anyway
    settings = Settings(root=str(project), jobs=1, isolate=False, cache=True)
    check_paths(["src/shop/orders.py"], settings)
    reads: list[str] = []
    read = safe_files.read_regular_file

    def counting(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
        reads.append(Path(path).relative_to(project).as_posix())
        return read(path, limit)

    monkeypatch.setattr(safe_files, "read_regular_file", counting)
    assert codes(check_paths(["src/shop/orders.py"], settings)) == ["src/shop/orders.py:5 VC301"]
    assert not [name for name in reads if name.startswith(("src/", "tests/"))]  # no source, checked or indexed
    test = project / "tests/test_orders.py"
    edited = test.read_text(encoding="utf-8") + REFUND_TEST.replace("assert", "from shop.orders import refund\n    assert")
    test.write_text(edited, encoding="utf-8")
    assert codes(check_paths(["src/shop/orders.py"], settings)) == []  # the edit changed its stat: read again
    assert "tests/test_orders.py" in reads


def test_a_file_an_earlier_run_checked_is_indexed_from_its_check_entry(project: Path, readers: Path) -> None:
    """A hook after a whole-project run: the other source files' facts come from their check entries, not a new read,
    and the one-file run reports what it reports with no cache at all."""
    settings = Settings(root=str(project), jobs=1, isolate=False, cache=True)
    check_paths(["."], settings)
    readers.unlink(missing_ok=True)
    warm = check_paths(["src/shop/orders.py"], settings)
    # only the test file is read: the facts taken from check entries are source facts, a test is read for its references
    assert sorted(name for _, name in read_log(readers)) == ["tests/test_orders.py"]
    readers.unlink()
    again = check_paths(["src/shop/orders.py"], settings)
    assert read_log(readers) == []  # what was derived was stored as index entries
    cold = check_paths(["src/shop/orders.py"], Settings(root=str(project), jobs=1, isolate=False, cache=False))
    assert codes(warm) == codes(again) == codes(cold) == ["src/shop/orders.py:5 VC301"]


def test_an_edited_file_is_not_indexed_from_its_stale_check_entry(project: Path, readers: Path) -> None:
    settings = Settings(root=str(project), jobs=1, isolate=False, cache=True)
    check_paths(["."], settings)
    (project / "src/shop/legacy.py").write_text("def old_price(x):\n    return x * 2\n", encoding="utf-8")
    readers.unlink(missing_ok=True)
    check_paths(["src/shop/orders.py"], settings)
    assert "src/shop/legacy.py" in {name for _, name in read_log(readers)}


def test_the_source_fact_keys_are_what_source_facts_writes() -> None:
    written = source_facts("import os\n\n\ndef f():\n    return os.getcwd()\n")
    assert set(written) == set(SOURCE_FACT_KEYS)
