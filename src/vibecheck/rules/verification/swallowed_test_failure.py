"""VC305: a `try` in a test whose handler swallows the failure, so the test cannot fail on that path."""

from __future__ import annotations

import re

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.nodes import suite_statements
from vibecheck.cst_fields import child_nodes, walk_own
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.verification._shared import Frame, TestAwareRule, is_telling_call, last_name

SWALLOWED_TYPES = frozenset({
    "Exception", "BaseException", "AssertionError",
    "builtins.Exception", "builtins.BaseException", "builtins.AssertionError",
})
SUPPRESSORS = frozenset({"contextlib.suppress"})
# Expectations of an exception: around a whole block, a broad one passes on any error, a failing `assert` included.
RAISES_EXPECTATIONS = frozenset({"pytest.raises"})
RAISES_METHODS = frozenset({"assertRaises"})
BROAD_TYPES = frozenset({"Exception", "BaseException", "builtins.Exception", "builtins.BaseException"})
# The mock argument and attribute that make a fake raise what it is given.
PLANTED_ERROR = "side_effect"
RAISES_HINT = "Wrap only the call that should raise, in `pytest.raises(TheSpecificError)` (or `self.assertRaises`)."
# Calls that make a test fail by themselves besides assertion calls.
EXPECTING_CALLS = frozenset({"pytest.raises", "pytest.warns", "pytest.deprecated_call"})

SKIPPING_CALLS = frozenset({"pytest.skip", "pytest.xfail"})

# Test names that say a failure of the call is tolerated (`test_call_may_raise_then_state_is_checked`).
TOLERATES = lazy_pattern(r"(?:^|_)(?:may|might|can|could)_(?:raise|fail|error|throw)|toleran|ignor|best_?effort|swallow"
                         r"|suppress")

HINT = "Let the failure propagate, or use `pytest.raises(SpecificError)` when the exception is the expected outcome."


def _is_telling_only(statement: cst.BaseSmallStatement) -> bool:
    """`print(...)`, `logger.info(...)`, `warnings.warn(...)`: the failure is shown, not raised."""
    return isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Call) and is_telling_call(statement.value)


def is_skipping(statement: cst.CSTNode) -> bool:
    """`self.skipTest(...)`, `pytest.skip(...)`, `pytest.xfail(...)`: the failure turns into a skip, never a red test."""
    if not (isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Call)):
        return False
    return (get_full_name_for_node(statement.value.func) or "") in SKIPPING_CALLS or last_name(statement.value.func) == "skipTest"


def is_swallowing(statement: cst.CSTNode) -> bool:
    """A statement that lets the test go on (or end, or skip) as if nothing failed."""
    if isinstance(statement, (cst.Pass, cst.Continue, cst.Break, cst.Return)):
        return True
    if isinstance(statement, cst.Expr):
        if isinstance(statement.value, (cst.Ellipsis, cst.SimpleString, cst.ConcatenatedString)):
            return True
        return _is_telling_only(statement) or is_skipping(statement)
    return False


def is_assertion_call(node: cst.Call) -> bool:
    """`self.assertEqual(...)`, `mock.assert_called_once()`, `pytest.fail(...)`, `assert_valid(...)`."""
    return last_name(node.func).startswith(("assert", "fail"))


def calls_tested_function(node: cst.CSTNode, test_name: str) -> bool:
    """Whether a block calls the function its test is named for (`consumer.connect()` in
    `test_connect_retries_until_broker_is_up`): the code under test, not a set-up or clean-up step; unless the name
    says a failure is tolerated (`test_set_may_fail`)."""
    name = f"_{test_name.lower()}_"
    if TOLERATES.search(name):
        return False
    return any(isinstance(inner, cst.Call) and len(called := last_name(inner.func)) > 2 and f"_{called.lower()}_" in name
               for inner in walk_own(node))


def contains_assertion(node: cst.CSTNode) -> bool:
    """An `assert` or an assertion call anywhere inside (only walked for a `try` in a test: rare and small)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.Assert) or (isinstance(current, cst.Call) and is_assertion_call(current)):
            return True
        stack.extend(child_nodes(current))
    return False


class TestSwallowsFailure(TestAwareRule):
    """A test that catches the failure it should report: `try: ... except Exception: pass`.

    ## What it does
    Reports, inside test functions, an `except` clause that catches a broad exception
    (`Exception`, `BaseException`, a bare `except:`) or `AssertionError`, and whose body only passes,
    continues, breaks, returns, prints, logs or skips the test (`self.skipTest(...)`, `pytest.skip(...)`:
    a failure then shows as a skip, never as a red test); and `with contextlib.suppress(...)` of those exceptions.
    It reports when the guarded block holds an assertion or calls the function the test is named for
    (`consumer.connect()` in `test_connect_retries_until_broker_is_up`: the code under test, unless the name says
    its failure is tolerated, `test_set_may_fail`), or when the test asserts nothing anywhere; a
    `try` around a clean-up or set-up call in a test that asserts elsewhere is left alone.

    Also an expectation of any error: `with pytest.raises(Exception):` or
    `with self.assertRaises(BaseException):` (without `match=`, and without a later check of which error it
    caught: `assert "not found" in str(excinfo)`, `excinfo.match(...)`, `excinfo.type is ...`) whose block holds
    an assertion (a failing `assert` raises `AssertionError`, an `Exception`, so the test passes), two or
    more statements, or a single call whose caught error the test never reads (`with pytest.raises(Exception):
    parse("abc")` passes on the `TypeError` of a wrong argument as well as on the error the code should raise);
    none of them a deliberate `raise`, and no fake of the test made to raise that broad error itself
    (`@patch("shop.save", Mock(side_effect=Exception))`, `gateway.charge.side_effect = Exception("down")`). A
    comment on the `with` line or above it that names the errors that may come (`# could be IntegrityError or
    DatabaseError, by backend`) leaves the single call alone.

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
    supersedes = ("B110", "B112")

    def enter_test(self, frame: Frame) -> None:
        frame.data.update(asserts=False, pending=[])

    def exit_test(self, frame: Frame) -> None:
        if not frame.data["asserts"]:
            for node, message in frame.data["pending"]:
                self.report(node, message, hint=HINT)

    def visit_Assert(self, node: cst.Assert) -> None:
        if self.current_test is not None:
            self.current_test.data["asserts"] = True

    def visit_Call(self, node: cst.Call) -> None:
        if self.current_test is not None and (is_assertion_call(node) or self.qualified_name(node) in EXPECTING_CALLS):
            self.current_test.data["asserts"] = True

    def visit_Try(self, node: cst.Try) -> None:
        test = self.current_test
        if test is None or all(isinstance(s, cst.Raise) for s in suite_statements(node.body)):
            return  # an exception raised on purpose to set up the scene is no failure
        for handler in node.handlers:
            if not self._catches_failures(handler.type):
                continue
            statements = suite_statements(handler.body)
            if statements and all(is_swallowing(s) for s in statements):
                code = self.context.module.code_for_node
                caught = "a bare `except:`" if handler.type is None else f"`except {code(handler.type)}`"
                outcome = "is skipped" if any(is_skipping(s) for s in statements) else "passes"
                self._flag(node.body, handler, f"In test `{test.node.name.value}`, {caught} swallows the failure, "
                                                f"so the test {outcome} on that path whatever happens.",
                           now=calls_tested_function(node.body, test.node.name.value))

    def visit_With(self, node: cst.With) -> None:
        test = self.current_test
        if test is None:
            return
        for item in node.items:
            call = item.item
            if isinstance(call, cst.Call) and self._expects_any_error(call) \
                    and not _checks_caught_message(item, test.node):
                self._check_broad_expectation(node, item, test.node)
            if isinstance(call, cst.Call) and self.qualified_name(call) in SUPPRESSORS and any(
                    self._catches_failures(arg.value) for arg in call.args):
                self._flag(node.body, item, f"In test `{test.node.name.value}`, `{self.context.module.code_for_node(call)}` "
                                            "swallows the failure, so the test passes whatever happens.")

    def _expects_any_error(self, call: cst.Call) -> bool:
        """`pytest.raises(Exception)`, `self.assertRaises(BaseException)`, without a `match=` on the message."""
        is_expectation = self.qualified_name(call) in RAISES_EXPECTATIONS or (
            isinstance(call.func, cst.Attribute) and call.func.attr.value in RAISES_METHODS)
        if not is_expectation or not call.args or call.args[0].keyword is not None:
            return False
        if any(arg.keyword is not None and arg.keyword.value == "match" for arg in call.args):
            return False
        expected = call.args[0].value
        members = [e.value for e in expected.elements] if isinstance(expected, cst.Tuple) else [expected]
        return any(self.qualified_name(m) in BROAD_TYPES for m in members)

    def _check_broad_expectation(self, node: cst.With, item: cst.WithItem, test: cst.FunctionDef) -> None:
        """A broad expectation around an assertion, around several statements, or around one call whose error the
        test never looks at; none of them raising on purpose."""
        call = item.item
        statements = suite_statements(node.body)
        expectation = f"`{self.context.module.code_for_node(call)}`"
        test_name = test.name.value
        if contains_assertion(node.body):
            self.report(call, f"In test `{test_name}`, {expectation} around an assertion swallows its failure: "
                              "a failing `assert` raises `AssertionError`, which the expectation accepts.", hint=RAISES_HINT)
        elif any(isinstance(inner, cst.Raise) for inner in walk_own(node.body)) or self._plants_broad_error(test):
            return
        elif len(statements) >= 2:
            self.report(call, f"In test `{test_name}`, {expectation} around {len(statements)} statements passes "
                              "on any error in any of them, a typo or a wrong argument included.", hint=RAISES_HINT)
        elif not _reads_caught(item, test) and not _explained(node):
            self.report(call, f"In test `{test_name}`, {expectation} passes on any error the code raises, a "
                              "`TypeError` from a wrong argument or an `AttributeError` from a bug included, and the "
                              "test never looks at which one it caught.", hint=RAISES_HINT)

    def _plants_broad_error(self, test: cst.FunctionDef) -> bool:
        """A fake the test makes raise a broad error itself (`@patch("shop.save", Mock(side_effect=Exception))`,
        `gateway.charge.side_effect = Exception("down")`): expecting `Exception` then names exactly what comes, as a
        deliberate `raise` in the block does."""
        for node in (*(inner for decorator in test.decorators for inner in walk_own(decorator)), *walk_own(test.body)):
            if not (isinstance(node, cst.Arg) and node.keyword is not None and node.keyword.value == PLANTED_ERROR) \
                    and not (isinstance(node, cst.Assign) and any(isinstance(t.target, cst.Attribute)
                                                                  and t.target.attr.value == PLANTED_ERROR
                                                                  for t in node.targets)):
                continue
            planted = node.value
            if isinstance(planted, cst.Call):
                planted = planted.func
            if self.qualified_name(planted) in BROAD_TYPES:
                return True
        return False

    def _flag(self, guarded: cst.CSTNode, node: cst.CSTNode, message: str, *, now: bool = False) -> None:
        """Report now when the guarded block asserts (or `now`: it runs the code under test); else only if the test
        turns out to assert nothing at all."""
        if now or contains_assertion(guarded):
            self.report(node, message, hint=HINT)
        elif self.current_test is not None:
            self.current_test.data["pending"].append((node, message))

    def _catches_failures(self, caught: cst.BaseExpression | None) -> bool:
        if caught is None:
            return True
        if isinstance(caught, cst.Tuple):
            return any(self._catches_failures(e.value) for e in caught.elements)
        return self.qualified_name(caught) in SWALLOWED_TYPES or last_name(caught) == "AssertionError"


# What an assertion reads of a caught exception to tell which error it was (`excinfo.type`, `excinfo.match(...)`).
EXCINFO_DETAILS = frozenset({"type", "typename", "match"})


def _checks_caught_message(item: cst.WithItem, test: cst.FunctionDef) -> bool:
    """`with pytest.raises(Exception) as e:` and later `assert "not found" in str(e)` (or `e.match(...)`,
    `e.type is ValueError`): the test tells which error it caught, as `match=` does, so a failing `assert` or a
    typo inside the block (a different error) still fails it."""
    if item.asname is None or not isinstance(item.asname.name, cst.Name):
        return False
    name = item.asname.name.value
    for node in walk_own(test.body):
        if isinstance(node, cst.Assert) and _reads(node.test, name) and _tells_which(node.test):
            return True
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "match" \
                and isinstance(node.func.value, cst.Name) and node.func.value.value == name:
            return True
    return False


# A comment that names the errors a call may raise: `IntegrityError`, `ExceptionGroup`, "raises", "errors".
NAMES_ERRORS = lazy_pattern(r"[a-z](?:Error|Exception|Group)\b|\braises?\b|\berrors\b", re.IGNORECASE)


def _reads_caught(item: cst.WithItem, test: cst.FunctionDef) -> bool:
    """`with pytest.raises(Exception) as caught:` and a later read of `caught` (`assert caught.value is error`): the
    test looks at what it caught, which this rule cannot judge further."""
    if item.asname is None or not isinstance(item.asname.name, cst.Name):
        return False
    name = item.asname.name.value
    return sum(isinstance(node, cst.Name) and node.value == name for node in walk_own(test.body)) > 1


def _explained(node: cst.With) -> bool:
    """A comment on the `with` line or just above it saying which errors may come (`# could be IntegrityError or
    DatabaseError`, `# raises ValueError on Pydantic v2 and ExceptionGroup on v1`): any of them will do, on purpose."""
    comments = [line.comment for line in node.leading_lines]
    if isinstance(node.body, cst.IndentedBlock):
        comments.append(node.body.header.comment)
    return any(comment is not None and NAMES_ERRORS.search(comment.value) for comment in comments)


def _reads(test: cst.CSTNode, name: str) -> bool:
    return any(isinstance(node, cst.Name) and node.value == name for node in walk_own(test))


def _tells_which(test: cst.CSTNode) -> bool:
    """A literal to compare the message with (`"not found" in str(e)`) or the caught type read from `e`."""
    return any(isinstance(node, (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString))
               or (isinstance(node, cst.Attribute) and node.attr.value in EXCINFO_DETAILS) for node in walk_own(test))
