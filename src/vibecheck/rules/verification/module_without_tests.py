"""VC302: a source module that no test file imports or refers to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from vibecheck.analysis.app_model import app_model_collector
from vibecheck.analysis.modules import is_vendored
from vibecheck.discovery import gitignore_spec
from vibecheck.model import Category, Confidence, Finding, Severity
from vibecheck.rule import ProjectRule
from vibecheck.rules.verification._coverage_config import (
    coverage_config,
    coverage_config_inputs,
    excluded_from_coverage,
    inside,
)
from vibecheck.rules.verification._evidence import coverage_inputs, judge_by
from vibecheck.rules.verification._reach import (
    REFERENCED_AHEAD,
    Definition,
    ProjectIndex,
    SourceModule,
    is_declarative,
    is_declarative_file,
    project_finding,
    project_index,
)
from vibecheck.rules.verification._reach_delta import REACH_FACTS, changed_findings, reach_state
from vibecheck.rules.verification._templates import template_inputs


@dataclass(frozen=True)
class Options:
    ignore_paths: tuple[str, ...] = ()
    coverage_file: str = ""
    use_coverage: bool = True


def testable(module: SourceModule) -> list[Definition]:
    """The definitions of a module that hold behaviour: not in a declarative file, not a declarative class."""
    if is_declarative_file(module.relative):
        return []
    return [d for d in module.definitions if not is_declarative(d) and "stub" not in d.flags]


def modules_without_tests(index: ProjectIndex, options: Any) -> list[SourceModule]:
    """Source modules with behaviour that no test reaches (static mode) or runs (coverage mode).

    None at all when there are no tests: `no-tests` reports that.
    """
    if not index.tests:
        return []
    evidence = judge_by(index, use_coverage=options.use_coverage, coverage_file=options.coverage_file)
    ignored = gitignore_spec(options.ignore_paths)
    coverage = coverage_config(index.project.root)
    found = []
    for name, module in sorted(index.modules.items()):
        excluded = excluded_from_coverage(module.definitions, coverage)
        definitions = [d for d in testable(module) if not inside(d.qualname, excluded)]
        if not definitions or name in index.support or is_vendored(module.relative) \
                or ignored.match_file(module.relative) \
                or coverage.omits(module.relative):
            continue
        if evidence.executed is None:
            if name in index.modules_used_by_tests:
                continue
        else:
            lines = evidence.executed.lines_for(module.relative) or frozenset()
            if any(lines & set(d.body_lines) for d in definitions):
                continue
        found.append(module)
    return found


class ModuleWithoutTests(ProjectRule):
    """A source module that no test file imports, so nothing in it is tested directly.

    ## What it does
    Reports once per module, at line 1, a source module that defines functions or classes and that no
    test file reaches: no test imports it or anything in it, refers to it by a dotted name
    (`pkg.mod.f`, `mock.patch("pkg.mod.f")`), imports a package whose `__init__.py` imports it (also
    with `import *`) or a module whose classes derive from its classes, imports a module below it (a package's
    `__init__.py` runs before its submodules), or requests one of its web routes by path; and no code that the
    tests reach uses anything in it by name.
    With fresh coverage data (see `untested-public-function` for where it is found), it reports instead
    a module none of whose functions ran during the recorded test run. The message says which mode.
    `untested-public-function` does not report the definitions of such a module one by one, so
    untested legacy code makes one line per file. Modules with nothing to test are left out: no
    functions or classes, only interface stubs, only declarative classes (pydantic models, enums, classes
    of fields and settings), or declarative files (Django's `admin.py`, `apps.py`, `urls.py`, settings,
    migrations, `wsgi.py`/`asgi.py`); so are the files the project's coverage configuration omits and
    the definitions it excludes (`# pragma: no cover`, `exclude_lines`; see `untested-public-function`).
    With no test file at all, `no-tests` reports the project instead.

    ## Why is this bad?
    Coding agents add whole modules with no test beside them. A module no test imports is tested at best
    by accident, through other code, and a change to it is checked by nothing.

    ## Example
    ```python
    # src/shop/discounts.py, and no test imports shop.discounts
    def seasonal_discount(order, today):
        return 0.1 if today.month == 12 else 0.0
    ```

    ## Use instead
    ```python
    # tests/test_discounts.py
    import datetime

    from shop.discounts import seasonal_discount

    def test_december_discount(order):
        assert seasonal_discount(order, datetime.date(2024, 12, 1)) == 0.1
    ```

    ## Options
    - `ignore-paths` (list of gitignore-style patterns, default `[]`): modules to leave out, relative to the
      project root, e.g. `["src/pkg/legacy/"]`.
    - `coverage-file` (string, default `""`): the coverage data to use, relative to the project root;
      empty means the first of `.coverage`, `coverage.json`, `coverage.xml` found at the root.
    - `use-coverage` (bool, default `true`): set `false` to stay in static mode even when data exists.

    ## References
    - [pytest: good integration practices (test layout)](https://docs.pytest.org/en/stable/explanation/goodpractices.html)
    """

    code = "VC302"
    name = "module-without-tests"
    category = Category.TESTS
    severity = Severity.LOW
    confidence = Confidence.MEDIUM
    reads_unchecked_source_facts = True
    cache_inputs = (coverage_inputs, template_inputs, coverage_config_inputs)
    fact_collectors = (app_model_collector,)  # URLconf and router wiring, for reach through test-client requests
    Options = Options
    reads_facts = REACH_FACTS
    change_state = reach_state
    forked_ahead = REFERENCED_AHEAD  # the copy of a forked phase computes the referenced definitions

    def check_change(self, project: Any, state: Any, change: Any) -> list[Finding] | None:
        return changed_findings(self, project, state, change)

    def check_project(self, project: Any) -> Iterable[Finding]:
        index = project_index(project)
        evidence = judge_by(index, use_coverage=self.options.use_coverage, coverage_file=self.options.coverage_file)
        if evidence.executed is None:
            why = "is not imported by any test file, nor used by code the tests reach"
        else:
            why = "is untested: none of its functions ran during the recorded test run"
        return [project_finding(self, module.path, 1, "", f"Module `{module.name}` {why} ({evidence.mode}).",
                                f"Add a test module that imports `{module.name}` and checks its behaviour.")
                for module in modules_without_tests(index, self.options)]
