"""A rule that crashes on a node must not stop the other rules from seeing that same node."""

from __future__ import annotations

import libcst as cst

from vibecheck.engine import check_file
from vibecheck.model import Category
from vibecheck.rule import Rule

_DOC = """{summary}

    ## What it does
    Test double.

    ## Why is this bad?
    Test double.

    ## Example
    ```python
    x = {{"a": 1}}
    ```

    ## Use instead
    ```python
    x = 1
    ```
    """


class CrashesOnDicts(Rule):
    __doc__ = _DOC.format(summary="Crashes on every dict element.")
    code = "TST001"
    name = "crashes-on-dicts"
    category = Category.ENGINE

    def visit_DictElement(self, node: cst.DictElement) -> None:
        raise RuntimeError("boom")


class CountsDicts(Rule):
    __doc__ = _DOC.format(summary="Reports every dict element it enters and leaves in balance.")
    code = "TST002"
    name = "counts-dicts"
    category = Category.ENGINE

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.open: list[cst.DictElement] = []

    def visit_DictElement(self, node: cst.DictElement) -> None:
        self.open.append(node)

    def leave_DictElement(self, node: cst.DictElement) -> None:
        entered = self.open.pop()
        self.report(entered, "dict element")


def test_other_rules_still_visit_the_node_a_rule_crashed_on() -> None:
    result = check_file("x.py", b'x = {"a": 1, "b": 2}\n', [(CrashesOnDicts, None), (CountsDicts, None)])
    assert [e.rule for e in result.errors] == ["TST001"]
    assert [f.code for f in result.findings] == ["TST002", "TST002"]


class ExitsOnDicts(Rule):
    __doc__ = _DOC.format(summary="Calls sys.exit on every dict element, as a careless plugin might.")
    code = "TST003"
    name = "exits-on-dicts"
    category = Category.ENGINE

    def visit_DictElement(self, node: cst.DictElement) -> None:
        raise SystemExit(0)


class BrokenConstructor(Rule):
    __doc__ = _DOC.format(summary="Fails while it is built for a file.")
    code = "TST004"
    name = "broken-constructor"
    category = Category.ENGINE

    def __init__(self, *args, **kwargs) -> None:
        raise RecursionError("too deep while building the rule")


def test_a_rule_calling_sys_exit_is_a_crash_of_that_rule_not_the_end_of_the_run() -> None:
    result = check_file("x.py", b'x = {"a": 1}\n', [(ExitsOnDicts, None), (CountsDicts, None)])
    assert [(e.rule, "SystemExit" in e.message) for e in result.errors] == [("TST003", True)]
    assert [f.code for f in result.findings] == ["TST002"]


def test_a_rule_failing_in_its_constructor_is_dropped_for_that_file_only() -> None:
    result = check_file("x.py", b'x = {"a": 1}\n', [(BrokenConstructor, None), (CountsDicts, None)])
    assert [(e.rule, "RecursionError" in e.message) for e in result.errors] == [("TST004", True)]
    assert [f.code for f in result.findings] == ["TST002"]
