"""The runner: extra per-file stages, central suppressions for every stage's findings, the project phase."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.conftest import write
from vibecheck import runner, selection
from vibecheck.api import check_paths, check_source
from vibecheck.config import Settings
from vibecheck.discovery import SourceFile
from vibecheck.model import Category, Confidence, Finding, Location, Position, Severity
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


def external_stage(unit, result, checker) -> None:
    """Stands in for the bandit stage: one B999 finding per line containing `eval(`."""
    text = unit.data.decode()
    for number, line in enumerate(text.splitlines(), start=1):
        if "eval(" in line and "B999" in unit.enabled:
            where = Position(number, 1)
            result.findings.append(Finding("B999", "fake-eval", "`eval` is used.", Location(unit.path, where, where),
                                           Severity.MEDIUM, Confidence.HIGH, Category.SECURITY, source="bandit"))


@pytest.fixture()
def fake_bandit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selection, "_EXTERNAL", dict(selection.external_codes()))
    selection.register_external_codes("bandit", "B", [selection.ExternalCode("B999", "fake-eval", "Fake.", "bandit")])
    stages = [stage for stage in runner.PER_FILE_STAGES if stage[0] != "bandit"]
    monkeypatch.setattr(runner, "PER_FILE_STAGES", [*stages, ("bandit", external_stage)])


def codes(report) -> list[tuple[str, int, str]]:
    return [(Path(f.location.path).name, f.location.start.line, f.code) for f in report.findings]


def test_an_added_stage_runs_and_its_findings_are_suppressed_centrally(fake_bandit, tmp_path: Path) -> None:
    write(tmp_path, {"a.py": "x = eval(s)\ny = eval(s)  # noqa: B999\nz = 1  # vibecheck: ignore[B999]\n"})
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1))
    assert codes(report) == [("a.py", 1, "B999"), ("a.py", 3, "VC901")]
    assert check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1, no_bandit=True)).findings == []


def test_a_crashing_stage_is_an_error_and_the_other_stages_still_report(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(unit, result, checker):
        raise KeyError("boom")

    monkeypatch.setattr(runner, "PER_FILE_STAGES", [*runner.PER_FILE_STAGES, ("broken", broken)])
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


def test_output_order_is_deterministic(tmp_path: Path) -> None:
    swallow = "try:\n    f()\nexcept Exception:\n    pass\n"
    write(tmp_path, {f"m{i}.py": swallow * 2 for i in range(30)})
    serial = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1))
    pooled = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=2))
    assert serial.findings == pooled.findings
    assert serial.findings == sorted(serial.findings, key=lambda f: f.sort_key)


def test_falls_back_to_one_process_when_no_pool_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args, **kwargs):
        raise OSError("no processes here")

    monkeypatch.setattr(runner, "ProcessPoolExecutor", no_pool)
    write(tmp_path, {f"m{i}.py": "try:\n    f()\nexcept Exception:\n    pass\n" for i in range(40)})
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=2))
    assert report.files_checked == 40 and len(report.findings) == 40 and not report.errors
