"""The walk's dispatch tables: a failing handler stops only its own rule, whatever kind of callable the rule's class
holds for it."""

from __future__ import annotations

import libcst as cst

from vibecheck.engine import check_file
from vibecheck.model import Category
from vibecheck.rule import Rule

DOC = """A test rule.

## What it does
Test rule.

## Why is this bad?
Test rule.

## Example
```python
flagged = 1
```

## Use instead
```python
fine = 1
```
"""

SOURCE = b"flagged = 1\nboom = 2\nflagged = 3\n"


class ReportsFlagged(Rule):
    __doc__ = DOC
    code = "TST801"
    name = "reports-flagged"
    category = Category.ERROR_HANDLING

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == "flagged":
            self.report(node, "`flagged` is used.", hint="Do not.")


def _explode(node: cst.Name) -> None:
    if node.value == "boom":
        raise RuntimeError("the static handler broke")


class StaticHandler(Rule):
    """Reports `flagged`, with a handler that is a static method: no method bound to the rule."""

    __doc__ = DOC
    code = "TST802"
    name = "static-handler"
    category = Category.ERROR_HANDLING

    visit_Name = staticmethod(_explode)

    def leave_Name(self, node: cst.Name) -> None:
        if node.value == "flagged":
            self.report(node, "`flagged` is used.", hint="Do not.")


def test_a_failing_handler_that_is_no_bound_method_stops_its_rule_only() -> None:
    result = check_file("app.py", SOURCE, [(StaticHandler, None), (ReportsFlagged, None)], collect_facts=False)
    assert [(e.rule, "the static handler broke" in e.message) for e in result.errors] == [("TST802", True)]
    assert [(f.code, f.location.start.line) for f in result.findings] == [("TST801", 1), ("TST801", 3)]
