"""VC306: a skip or an expected failure that says nothing about why (or an xfail that can never fail)."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from vibecheck.literals import literal_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule


@dataclass(frozen=True)
class SkipCall:
    """Where a skip call carries its reason: a positional index and/or keyword names."""

    position: int | None
    keywords: tuple[str, ...] = ("reason",)
    string_condition_is_reason: bool = False
    strict_is_enough: bool = False


SKIP_CALLS: dict[str, SkipCall] = {
    "pytest.skip": SkipCall(0, ("reason", "msg")),
    "pytest.xfail": SkipCall(0),
    "pytest.mark.skip": SkipCall(0),
    "pytest.mark.skipif": SkipCall(None, string_condition_is_reason=True),
    "pytest.mark.xfail": SkipCall(None, string_condition_is_reason=True, strict_is_enough=True),
    "unittest.skip": SkipCall(0),
    "unittest.skipIf": SkipCall(1),
    "unittest.skipUnless": SkipCall(1),
    "unittest.case.skip": SkipCall(0),
}
SKIP_METHODS: dict[str, SkipCall] = {"skipTest": SkipCall(0)}
# Markers that take effect without being called: `@pytest.mark.skip`, `marks=pytest.mark.xfail`.
BARE_MARKERS = frozenset({"pytest.mark.skip", "pytest.mark.xfail", "unittest.skip", "unittest.case.skip"})


PARAMETRIZE = "pytest.mark.parametrize"


def has_no_cases(call: cst.Call) -> bool:
    """`@pytest.mark.parametrize("tag", [])`: an empty literal list of cases, so pytest skips the test ("got empty
    parameter set") and says nothing more."""
    positional = [a.value for a in call.args if a.keyword is None and not a.star]
    cases = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "argvalues"),
                 positional[1] if len(positional) > 1 else None)
    return isinstance(cases, (cst.List, cst.Tuple)) and not cases.elements


def _is_blank(node: cst.BaseExpression) -> bool:
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = literal_value(node)
        return isinstance(value, (str, bytes)) and not value.strip()
    return isinstance(node, cst.Name) and node.value == "None"


def gives_reason(call: cst.Call, spec: SkipCall) -> bool:
    positional = [a for a in call.args if a.keyword is None and a.star == ""]
    if any(a.star for a in call.args):
        return True  # `*args`/`**kwargs`: the reason may be in there
    keywords = {arg.keyword.value: arg.value for arg in call.args if arg.keyword is not None}
    strict = keywords.get("strict")
    if spec.strict_is_enough and isinstance(strict, cst.Name) and strict.value == "True":
        return True
    for name in spec.keywords:
        if name in keywords:
            return not _is_blank(keywords[name])
    if spec.position is not None and len(positional) > spec.position:
        return not _is_blank(positional[spec.position].value)
    if spec.string_condition_is_reason and positional:
        return isinstance(positional[0].value, (cst.SimpleString, cst.ConcatenatedString)) and not _is_blank(positional[0].value)
    return False


class SkippedWithoutReason(Rule):
    """A test skipped or marked as an expected failure without a reason, or an xfail that is not strict.

    ## What it does
    Reports, in test files, `pytest.skip()`, `pytest.xfail()`, `@pytest.mark.skip`, `@pytest.mark.skipif(...)`
    and `@unittest.skip`/`skipIf`/`skipUnless`/`self.skipTest()` without a (non-empty) reason, and
    `@pytest.mark.xfail` with neither a reason nor `strict=True`, also as `pytestmark` or in
    `pytest.param(..., marks=...)`. Also `@pytest.mark.parametrize(...)` given an empty list of cases (`"tag", []`),
    which pytest skips ("got empty parameter set") without a word in the test.

    ## Why is this bad?
    Skipping is how a failing test disappears from the report: coding agents skip the test that blocks
    them. A reason tells the reviewer why and when the skip can go; without one, skipped tests pile up
    unnoticed. A non-strict `xfail` passes both when the code is broken and when it works, so it never
    tells you that the bug was fixed (or that the test no longer tests anything).

    ## Example
    ```python
    import pytest

    @pytest.mark.skip
    def test_refund():
        assert refund("order-1").status == "done"
    ```

    ## Use instead
    ```python
    import pytest

    @pytest.mark.skip(reason="the payment sandbox has no refunds yet (issue #42)")
    def test_refund():
        assert refund("order-1").status == "done"
    ```

    ## References
    - [pytest: how to use skip and xfail](https://docs.pytest.org/en/stable/how-to/skipping.html)
    - [unittest: skipping tests and expected failures](https://docs.python.org/3/library/unittest.html#skipping-tests-and-expected-failures)
    """

    code = "VC306"
    name = "skipped-without-reason"
    category = Category.TESTS
    severity = Severity.LOW
    confidence = Confidence.HIGH
    applies_to_tests_only = True

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self._callees: set[int] = set()
        self._not_references: set[int] = set()
        self._importing = False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self._importing = True

    def leave_ImportFrom(self, node: cst.ImportFrom) -> None:
        self._importing = False

    def visit_Call(self, node: cst.Call) -> None:
        self._callees.add(id(node.func))
        name = self.qualified_name(node)
        spec = SKIP_CALLS.get(name or "")
        if spec is None and isinstance(node.func, cst.Attribute):
            spec = SKIP_METHODS.get(node.func.attr.value)
            name = node.func.attr.value
        if spec is not None and not gives_reason(node, spec):
            self._report(node, name or "")
        elif spec is None and self.qualified_name(node) == PARAMETRIZE and has_no_cases(node):
            self.report(node, "`pytest.mark.parametrize` is given no cases, so pytest skips the test without saying why.",
                        hint="List the cases the test should run, or remove the test.")

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._not_references.add(id(node.attr))
        if node.attr.value in ("skip", "xfail") and id(node) not in self._callees:
            name = self.qualified_name(node)
            if name in BARE_MARKERS:
                self._report(node, name)

    def visit_Name(self, node: cst.Name) -> None:
        if (node.value == "skip" and id(node) not in self._callees and id(node) not in self._not_references
                and not self._importing and self.qualified_name(node) in BARE_MARKERS):
            self._report(node, "unittest.skip")

    def _report(self, node: cst.CSTNode, name: str) -> None:
        if name.endswith("xfail") and name.startswith("pytest.mark"):
            self.report(node, "`pytest.mark.xfail` has neither a reason nor `strict=True`, "
                              "so the test passes whether the code is broken or fixed.",
                        hint='Add `reason="..."` naming the bug, and `strict=True` so a fixed bug makes the test fail.')
            return
        self.report(node, f"`{name}` skips the test without saying why.",
                    hint='Give the skip a reason naming the cause and when it can go, e.g. `reason="needs network (issue #12)"`.')
