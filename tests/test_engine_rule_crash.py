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
