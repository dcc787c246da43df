"""VC305: a `try` in a test whose handler swallows the failure, so the test cannot fail on that path."""

from __future__ import annotations

import libcst as cst

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rules.verification._shared import TestAwareRule, last_name

SWALLOWED_TYPES = frozenset({
    "Exception", "BaseException", "AssertionError",
    "builtins.Exception", "builtins.BaseException", "builtins.AssertionError",
})
SUPPRESSORS = frozenset({"contextlib.suppress"})
# Calls that only tell someone about the failure: the test still passes.
REPORTING_RECEIVERS = frozenset({"logger", "logging", "log", "LOGGER", "LOG", "warnings", "sys.stderr", "sys.stdout"})

HINT = "Let the failure propagate, or use `pytest.raises(SpecificError)` when the exception is the expected outcome."


def _is_telling_only(statement: cst.BaseSmallStatement) -> bool:
    """`print(...)`, `logger.info(...)`, `warnings.warn(...)`: the failure is shown, not raised."""
    if not isinstance(statement, cst.Expr) or not isinstance(statement.value, cst.Call):
        return False
    func = statement.value.func
    if isinstance(func, cst.Name):
        return func.value == "print"
    if isinstance(func, cst.Attribute):
        receiver = func.value
        if isinstance(receiver, cst.Attribute) and isinstance(receiver.value, cst.Name):
            return f"{receiver.value.value}.{receiver.attr.value}" in REPORTING_RECEIVERS
        return isinstance(receiver, cst.Name) and receiver.value in REPORTING_RECEIVERS
    return False


def is_swallowing(statement: cst.CSTNode) -> bool:
    """A statement that lets the test go on (or end) as if nothing failed."""
    if isinstance(statement, (cst.Pass, cst.Continue, cst.Break, cst.Return)):
        return True
    if isinstance(statement, cst.Expr):
        if isinstance(statement.value, (cst.Ellipsis, cst.SimpleString, cst.ConcatenatedString)):
            return True
        return _is_telling_only(statement)
    return False


def body_statements(body: cst.BaseSuite) -> list[cst.CSTNode]:
    if isinstance(body, cst.SimpleStatementSuite):
        return list(body.body)
    statements: list[cst.CSTNode] = []
    for line in body.body:
        statements.extend(line.body if isinstance(line, cst.SimpleStatementLine) else [line])
    return statements


class TestSwallowsFailure(TestAwareRule):
    """A test that catches the failure it should report: `try: ... except Exception: pass`.

    ## What it does
    Reports, inside test functions, an `except` clause that catches a broad exception
    (`Exception`, `BaseException`, a bare `except:`) or `AssertionError`, and whose body only passes,
    continues, breaks, returns, prints or logs; and `with contextlib.suppress(...)` of those exceptions.

    ## Why is this bad?
    pytest and unittest report a failure by the exception the test raises. A handler that swallows it
    turns every failure on that path, including a failing `assert`, into a pass. Coding agents wrap
    a stubborn test in `try/except: pass` to make it green.

    ## Example
    ```python
    def test_refund(gateway):
        try:
            refund = gateway.refund("order-1")
            assert refund.status == "done"
        except Exception:
            pass
    ```

    ## Use instead
    ```python
    def test_refund(gateway):
        refund = gateway.refund("order-1")
        assert refund.status == "done"
    ```

    ## References
    - [pytest: assertions about expected exceptions](https://docs.pytest.org/en/stable/how-to/assert.html#assertions-about-expected-exceptions)
    - [CWE-390: Detection of Error Condition Without Action](https://cwe.mitre.org/data/definitions/390.html)
    """

    code = "VC305"
    name = "test-swallows-failure"
    category = Category.TESTS
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (390,)

    def visit_Try(self, node: cst.Try) -> None:
        test = self.current_test
        if test is None or all(isinstance(s, cst.Raise) for s in body_statements(node.body)):
            return  # an exception raised on purpose to set up the scene is no failure
        for handler in node.handlers:
            if not self._catches_failures(handler.type):
                continue
            statements = body_statements(handler.body)
            if statements and all(is_swallowing(s) for s in statements):
                code = self.context.module.code_for_node
                caught = "a bare `except:`" if handler.type is None else f"`except {code(handler.type)}`"
                self.report(handler, f"In test `{test.node.name.value}`, {caught} swallows the failure, "
                                     "so the test passes on that path whatever happens.", hint=HINT)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        call = node.item
        if self.current_test is None or not isinstance(call, cst.Call) or self.qualified_name(call) not in SUPPRESSORS:
            return
        if any(self._catches_failures(arg.value) for arg in call.args):
            self.report(node, f"In test `{self.current_test.node.name.value}`, `{self.context.module.code_for_node(call)}` "
                              "swallows the failure, so the test passes whatever happens.", hint=HINT)

    def _catches_failures(self, caught: cst.BaseExpression | None) -> bool:
        if caught is None:
            return True
        if isinstance(caught, cst.Tuple):
            return any(self._catches_failures(e.value) for e in caught.elements)
        return self.qualified_name(caught) in SWALLOWED_TYPES or last_name(caught) == "AssertionError"
