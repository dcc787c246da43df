"""VC309: an error branch (an `except` block, a guard that raises or answers 4xx) that the test run never took."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from vibecheck.model import Category, Confidence, Finding, Severity
from vibecheck.rule import ProjectRule
from vibecheck.rules.verification._evidence import coverage_inputs, judge_by
from vibecheck.rules.verification._reach import is_declarative_file, project_finding, project_index
from vibecheck.rules.verification._reach_delta import REACH_FACTS, changed_findings, reach_state
from vibecheck.rules.verification._templates import template_inputs


@dataclass(frozen=True)
class Options:
    coverage_file: str = ""


class UntestedErrorPath(ProjectRule):
    """An error branch that the recorded test run never took, in a function whose happy path it ran.

    ## What it does
    Reads coverage data (coverage.py's `.coverage`, `coverage.json` or `coverage.xml` at the project
    root, or `coverage-file`; used only while it is newer than the sources it measured) and, in every
    function of the project's source code whose body ran during the test run, reports each error branch
    whose block never ran: an `except` block, and an `if` whose block ends by raising, calling
    `abort(...)` or returning a 4xx status (`if not user: raise HTTPException(401)`,
    `if order.owner_id != user.id: return {"error": "forbidden"}, 403`). It reports at the `except` or
    `if` line. Without fresh coverage data it reports nothing: only a test run shows which branch ran,
    and vibecheck never runs the tests itself. A block on its header's own line (`if x: raise E`)
    cannot be told apart by line coverage and is left out, as are lines marked `# pragma: no cover`.

    ## Why is this bad?
    Coding agents test the happy path: the request that succeeds, the input that parses. The branch that
    refuses a stranger's token, the 404 for someone else's order, the `except` that turns a failed
    payment into an error answer are written and never run, and they are where access-control and
    error-handling bugs hide. A function can show as "covered" while none of its refusals was tried.

    ## Example
    ```python
    # src/shop/orders.py, and the tests only ever fetch an order that exists
    def get_order(db, order_id, user):
        order = db.get(order_id)
        if order is None or order.owner_id != user.id:
            raise HTTPException(status_code=404)
        return order
    ```

    ## Use instead
    ```python
    # tests/test_orders.py: the refusal is tested too
    def test_someone_elses_order_is_not_found(db, alice, bobs_order):
        with pytest.raises(HTTPException) as raised:
            get_order(db, bobs_order.id, alice)
        assert raised.value.status_code == 404
    ```

    ## Options
    - `coverage-file` (string, default `""`): the coverage data to use, relative to the project root;
      empty means the first of `.coverage`, `coverage.json`, `coverage.xml` found at the root.

    ## References
    - [coverage.py: branch measurement](https://coverage.readthedocs.io/en/latest/branch.html)
    - [OWASP: testing for authorization](https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/05-Authorization_Testing/README)
    """

    code = "VC309"
    name = "untested-error-path"
    category = Category.TESTS
    severity = Severity.LOW
    confidence = Confidence.MEDIUM
    Options = Options  # it judges the files it is given: no other source's facts are needed
    reads_unchecked_test_facts = False  # coverage data says what ran; that test files exist is enough
    cache_inputs = (coverage_inputs, template_inputs)
    reads_facts = REACH_FACTS
    change_state = reach_state

    def check_change(self, project: Any, state: Any, change: Any) -> list[Finding] | None:
        return changed_findings(self, project, state, change)

    def check_project(self, project: Any) -> Iterable[Finding]:
        index = project_index(project)
        if not index.has_tests or not index.modules:
            return []
        evidence = judge_by(index, use_coverage=True, coverage_file=self.options.coverage_file)
        if evidence.executed is None:
            return []  # static mode cannot tell which branch a test took
        findings = []
        for module in sorted(index.modules.values(), key=lambda m: m.name):
            if is_declarative_file(module.relative) or module.name in index.support:
                continue
            executed = evidence.executed.lines_for(module.relative) or frozenset()
            for definition in module.definitions:
                if not definition.error_paths or not set(definition.body_lines) & executed:
                    continue
                for kind, header, first, text in definition.error_paths:
                    if first in executed:
                        continue
                    branch = f"`{text.rstrip(':')}` branch" if kind == "except" else f"guard `{text.rstrip(':')}`"
                    findings.append(project_finding(
                        self, definition.path, header, text,
                        f"The {branch} of `{definition.full_name}` never ran while the rest of the function did "
                        f"({evidence.mode}).",
                        f"Add a test that drives `{definition.simple_name}` into this branch and asserts the error "
                        "it gives (`pytest.raises(...)`, or the status code of a refused request)."))
        return findings
