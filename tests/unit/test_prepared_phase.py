"""What the project phase computes from the files but not their facts, computed while the worker checks the edited file
(`vibecheck.prepared_phase`): used only for the project the phase judges, with the findings a phase computing it
afterwards gives, and every change elsewhere in the project still seen by the next hook run."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from vibecheck.api import check_paths
from vibecheck.cache import ResultCache
from vibecheck.config import load_settings
from vibecheck.discovery import SourceFile
from vibecheck.indexing import FileIndex, IndexJob
from vibecheck.model import FileResult
from vibecheck.prepared_phase import PreparedPhase
from vibecheck.project import Project, split_projects
from vibecheck.registry import load_registry
from vibecheck.runner import Checker

REGISTRY = load_registry()
ORDERS = "def total(items):\n    return sum(items)\n\n\ndef refund(order):\n    order.status = 'refunded'\n"
TEST = "from shop.orders import total\n\n\ndef test_total():\n    assert total([1, 2]) == 3\n"


def write(root: Path, relative: str, text: str) -> None:
    (root / relative).parent.mkdir(parents=True, exist_ok=True)
    (root / relative).write_text(textwrap.dedent(text))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path, "pyproject.toml", '[project]\nname = "shop"\n')
    write(tmp_path, "shop/__init__.py", "")
    write(tmp_path, "shop/orders.py", ORDERS)
    write(tmp_path, "tests/test_orders.py", TEST)
    return tmp_path


class Hooks:
    """Runs the hook's check of one file and records whether the phase used what was prepared."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
        self.root = root
        self.used: list[bool] = []
        for_project = PreparedPhase.for_project

        def recording(prepared: PreparedPhase, project: Project) -> Any:
            found = for_project(prepared, project)
            self.used.append(found != (None, None))
            return found

        monkeypatch.setattr(PreparedPhase, "for_project", recording)

    def findings(self, relative: str, *, cache: bool = True) -> list[tuple[Any, ...]]:
        path = str(self.root / relative)
        overrides: dict[str, Any] = {"force_exclude": True, "cache": cache, "select": ("ALL",)}
        settings = load_settings([path], REGISTRY, cwd=self.root, overrides=overrides)
        report = check_paths([path], settings, registry=REGISTRY)
        assert not report.errors
        return sorted((f.location.path, f.location.start.line, f.code, f.message) for f in report.findings)

    def same_as_whole(self, relative: str) -> list[tuple[Any, ...]]:
        """The hook's findings with the cache (and what was prepared), asserted equal to a run without the cache."""
        found = self.findings(relative)
        assert found == self.findings(relative, cache=False)
        return found


def codes_about(findings: list[tuple[Any, ...]], name: str) -> set[str]:
    return {code for _, _, code, message in findings if name in message}


def test_a_hook_run_uses_what_was_prepared(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    hooks = Hooks(monkeypatch, project)
    assert codes_about(hooks.same_as_whole("shop/orders.py"), "refund") == {"VC301"}
    write(project, "shop/orders.py", ORDERS + "\n\ndef brand_new(value):\n    return value\n")
    assert "VC301" in codes_about(hooks.same_as_whole("shop/orders.py"), "brand_new")
    assert hooks.used == [False, True]  # the first run reads the test file for the index while the worker checks


def test_changes_elsewhere_in_the_project_are_seen(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    """Each hook run follows an edit of the checked file (so that it is checked, and the phase prepared) and one
    elsewhere."""
    hooks = Hooks(monkeypatch, project)
    edits = iter(range(100))

    def hook() -> list[tuple[Any, ...]]:
        write(project, "shop/orders.py", ORDERS + f"# edit {next(edits)}\n")
        return hooks.same_as_whole("shop/orders.py")

    hook()
    write(project, "tests/test_refund.py", "from shop.orders import refund\n\n\ndef test_refund():\n"
                                           "    assert refund\n")
    assert not codes_about(hook(), "refund")  # a test file added
    (project / "tests" / "test_refund.py").unlink()
    removed = hook()
    assert codes_about(removed, "refund") == {"VC301"}  # and removed
    write(project, "shop/extra.py", "def helper():\n    return 1\n")
    hook()  # a source file added
    write(project, "tests/test_orders.py", TEST + "\n\ndef test_refund():\n    from shop.orders import refund\n"
                                                  "    assert refund\n")
    assert not codes_about(hook(), "refund")  # a test file changed
    write(project, "pyproject.toml", '[project]\nname = "shop"\n\n[tool.vibecheck]\ntest-paths = ["checks"]\n')
    assert codes_about(hook(), "refund") != {"VC301"}  # the config changed: tests/ holds no tests now
    write(project, "pyproject.toml", '[project]\nname = "shop"\n')
    write(project, "shop/templates/orders.html", "{{ order.refund() }}\n")
    hook()  # a template added
    assert True in hooks.used  # (a run reading a new file for the index while the worker checks prepares nothing)


def prepared_for(root: Path, relative: dict[str, str]) -> tuple[PreparedPhase, ResultCache, Any]:
    settings = load_settings([str(root)], REGISTRY, cwd=root)
    checker = Checker(settings, REGISTRY)
    cache = ResultCache.for_run(settings, checker)
    assert cache is not None
    rules = checker.project_rules()
    prepared = PreparedPhase(Path(settings.root), dict(settings.raw), relative, settings.test_paths, None, cache, rules,
                             checker.rule_class)
    prepared.prepare()
    return prepared, cache, rules


def project_of(prepared: PreparedPhase, paths: dict[str, str], tests: set[str]) -> Project:
    project = Project(root=prepared.root, config=dict(prepared.config))
    project.files.update((path, FileResult(path)) for path in paths)
    project.relative.update(paths)
    project.test_files.update(tests)
    return project


def test_only_a_project_with_the_same_files_paths_and_tests_uses_it(project: Path) -> None:
    paths = {"shop/orders.py": "shop/orders.py", "tests/test_orders.py": "tests/test_orders.py"}
    prepared, cache, rules = prepared_for(project, paths)
    same = project_of(prepared, paths, {"tests/test_orders.py"})
    placement, rest = prepared.for_project(same)
    assert placement is not None
    assert rest == cache.project_rest(split_projects(same), rules)
    assert prepared.for_project(project_of(prepared, {**paths, "shop/new.py": "shop/new.py"},
                                           {"tests/test_orders.py"})) == (None, None)  # a file more
    assert prepared.for_project(project_of(prepared, {"shop/orders.py": "shop/orders.py"}, set())) == (None, None)
    assert prepared.for_project(project_of(prepared, paths, set())) == (None, None)  # no longer a test
    assert prepared.for_project(project_of(prepared, {**paths, "shop/orders.py": "orders.py"},
                                           {"tests/test_orders.py"})) == (None, None)  # another path from the root
    moved = project_of(prepared, paths, {"tests/test_orders.py"})
    moved.config = {"test-paths": ["checks"]}
    assert prepared.for_project(moved) == (None, None)


def test_the_indexed_files_put_in_the_prepared_project_are_handed_to_the_phase_once(project: Path) -> None:
    """`add_indexed` gives the project what `FileIndex.add_to` gives it: the files `prepare` added, while the index
    took no result since; else (a second time, or after a result) the index adds them afresh."""
    settings = load_settings([str(project)], REGISTRY, cwd=project)
    checker = Checker(settings, REGISTRY)
    cache = ResultCache.for_run(settings, checker)
    assert cache is not None
    jobs = [IndexJob(SourceFile(str(project / path), path, path), "test") for path in ("tests/test_orders.py",)]
    index = FileIndex(lambda: jobs)
    index.accept(jobs[0], FileResult(jobs[0].display, facts={"test_references": []}, digest="d"))
    relative = {"shop/orders.py": "shop/orders.py"}
    prepared = PreparedPhase(project, {}, relative, (), index, cache, checker.project_rules(), checker.rule_class)
    prepared.prepare()

    def with_index(add: Any) -> Project:
        project_ = project_of(prepared, relative, set())
        add(project_)
        return project_

    expected = with_index(index.add_to)
    added_by_index: list[Project] = []
    add_to = index.add_to
    index.add_to = lambda project_: (added_by_index.append(project_), add_to(project_))  # type: ignore[method-assign]
    handed = with_index(lambda project_: prepared.add_indexed(project_, index))
    assert handed == expected and handed.files["tests/test_orders.py"].facts == {"test_references": []}
    assert added_by_index == []
    again = with_index(lambda project_: prepared.add_indexed(project_, index))
    assert again == expected and added_by_index == [again]
    prepared.prepare()
    index.accept(jobs[0], FileResult(jobs[0].display, facts={"test_references": ["x"]}, digest="e"))
    assert with_index(lambda project_: prepared.add_indexed(project_, index)).files["tests/test_orders.py"].facts == \
        {"test_references": ["x"]}


def test_nothing_prepared_is_never_used(project: Path) -> None:
    settings = load_settings([str(project)], REGISTRY, cwd=project)
    checker = Checker(settings, REGISTRY)
    cache = ResultCache.for_run(settings, checker)
    assert cache is not None
    prepared = PreparedPhase(project, {}, {}, (), None, cache, checker.project_rules(), checker.rule_class)
    assert prepared.for_project(Project(root=project)) == (None, None)


def test_the_base_of_a_phase_after_an_edit_is_read_while_the_workers_check(project: Path) -> None:
    """`prepare` reads the base the phase would start from and the facts' text kept with it, once: the phase after the
    edited file's result takes them as read then (here: though their files are gone since); a base stored by this run,
    or a phase with other inputs, reads from disk."""
    prepared, cache, rules = prepared_for(project, {"shop/orders.py": "shop/orders.py"})
    rest = prepared.for_project(project_of(prepared, {"shop/orders.py": "shop/orders.py"}, set()))[1]
    assert rest is not None
    cache.store_project_base([], rest, {"kept": [1, 2]}, b"the other files' facts")
    prepared.prepare()
    for entry in [path for path in cache.folder.rglob("*") if path.is_file()]:
        entry.unlink()
    base = cache.project_base([], rest)
    assert base is not None and base["kept"] == [1, 2]
    assert cache.project_base_texts([], base) == b"the other files' facts"
    assert cache.project_base([], rest) is None  # given once: a second ask reads the (now missing) file
    cache.store_project_base([], rest, {"kept": [3]}, b"new facts")
    cache.read_project_base_ahead([], rest)
    cache.store_project_base([], rest, {"kept": [4]}, b"newer facts")  # this run's own base: the one read is stale
    newest = cache.project_base([], rest)
    assert newest is not None and newest["kept"] == [4] and cache.project_base_texts([], newest) == b"newer facts"
    assert cache.project_base([], "other inputs") is None
