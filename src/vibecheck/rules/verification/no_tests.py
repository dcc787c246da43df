"""VC307: the project has source code and not a single test file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from vibecheck.model import Category, Confidence, Finding, Severity
from vibecheck.project import holds_project_file
from vibecheck.rule import ProjectRule
from vibecheck.rules.verification._reach import project_finding, project_index
from vibecheck.rules.verification._reach_delta import REACH_FACTS, changed_findings, reach_state

# Files that make a folder a project someone builds and ships, rather than a place for loose scripts.
PROJECT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg")


def is_packaged(root: Path) -> bool:
    return holds_project_file(root, PROJECT_MARKERS)


class NoTests(ProjectRule):
    """A project with source code and no test files at all.

    ## What it does
    Reports once, at the first source module, when the checked project (a folder with a
    `pyproject.toml`, `setup.py` or `setup.cfg`; a loose script is no project) has importable source code
    (see `src-paths`) and no test file (see `test-paths`: by default `tests/`, `test_*.py`,
    `*_test.py`, `conftest.py`). Test data is no test file: what the project's pytest configuration does not
    collect (`collect_ignore`, `norecursedirs`, `addopts` `--ignore`, a default test name its `python_files` leaves
    out: `test_*.py` beside `python_files = *_check.py`), and the files of a data folder (`data/`,
    `testdata/`, `fixtures/`) not named as test modules. When it fires, `module-without-tests` and
    `untested-public-function` stay silent, so the report is one line instead of one per module and function.

    ## Why is this bad?
    Code written by a coding agent is only as trustworthy as the checks it passed. Without a single
    test, nothing shows that it does what it claims, and nothing catches the next change breaking it.

    ## Example
    ```python
    # src/shop/orders.py, and no tests/ folder anywhere
    def total(items):
        return sum(item.price for item in items)
    ```

    ## Use instead
    ```python
    # tests/test_orders.py
    from shop.orders import total

    def test_total_adds_prices(make_item):
        assert total([make_item(price=3), make_item(price=4)]) == 7
    ```

    ## References
    - [pytest: get started](https://docs.pytest.org/en/stable/getting-started.html)
    """

    code = "VC307"
    name = "no-tests"
    category = Category.TESTS
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    reads_unchecked_test_facts = False  # that a test file exists is enough
    reads_facts = REACH_FACTS
    change_state = reach_state

    def check_change(self, project: Any, state: Any, change: Any) -> list[Finding] | None:
        return changed_findings(self, project, state, change)

    def check_project(self, project: Any) -> Iterable[Finding]:
        index = project_index(project)
        if index.has_tests or not index.modules or not is_packaged(project.root):
            return []
        first = min(index.modules.values(), key=lambda m: m.path)
        count = len(index.modules)
        return [project_finding(
            self, first.path, 1, "",
            f"The project has {count} source module{'s' if count != 1 else ''} and no test file at all.",
            "Add tests (e.g. `tests/test_<module>.py` run by pytest) that check the code's main behaviour.")]
