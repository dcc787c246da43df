"""VC302: a source module that no test file imports or refers to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pathspec

from vibecheck.model import Category, Confidence, Finding, Severity
from vibecheck.rule import ProjectRule
from vibecheck.rules.verification._reach import ProjectIndex, SourceModule, project_finding, project_index


@dataclass(frozen=True)
class Options:
    ignore_paths: tuple[str, ...] = ()


def modules_without_tests(index: ProjectIndex, options: Any) -> list[SourceModule]:
    """Source modules with functions or classes that no test reaches, directly or through the code it reaches.

    None at all when there are no tests: `no-tests` reports that.
    """
    if not index.tests:
        return []
    ignored = pathspec.GitIgnoreSpec.from_lines(options.ignore_paths)
    found = []
    for name, module in sorted(index.modules.items()):
        if name in index.modules_used_by_tests or not module.definitions:
            continue
        if ignored.match_file(module.relative):
            continue
        found.append(module)
    return found


class ModuleWithoutTests(ProjectRule):
    """A source module that no test file imports, so nothing in it is tested directly.

    ## What it does
    Reports once per module, at line 1, a source module that defines functions or classes and that no
    test file reaches: no test imports it or anything in it, refers to it by a dotted name
    (`pkg.mod.f`, `mock.patch("pkg.mod.f")`), imports a package whose `__init__.py` imports it (also
    with `import *`) or a module whose classes derive from its classes, or requests one of its web
    routes by path; and no code that the tests reach uses anything in it by name.
    `untested-public-function` does not report the definitions of such a module one by one, so
    untested legacy code makes one line per file. Modules without functions or classes are left out.
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

    ## References
    - [pytest: good integration practices (test layout)](https://docs.pytest.org/en/stable/explanation/goodpractices.html)
    """

    code = "VC302"
    name = "module-without-tests"
    category = Category.TESTS
    severity = Severity.LOW
    confidence = Confidence.MEDIUM
    default_enabled = False  # opt-in: needs the whole test tree and per-project tuning (see Options)
    Options = Options

    def check_project(self, project: Any) -> Iterable[Finding]:
        index = project_index(project)
        findings = []
        for module in modules_without_tests(index, self.options):
            findings.append(project_finding(
                self, module.path, 1, "",
                f"Module `{module.name}` is not imported by any test file, nor used by code the tests reach.",
                f"Add a test module that imports `{module.name}` and checks its behaviour."))
        return findings
