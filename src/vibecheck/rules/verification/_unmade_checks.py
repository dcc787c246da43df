"""Assertion calls written so that they check nothing, or less than they say (VC304's).

`self.assertRaises(E)` as a statement only builds a context manager; `self.assertTrue(rows, [1])` passes its
expected value as the failure message; an assertion on `excinfo` inside `with pytest.raises(...) as excinfo:`
sits after the call that leaves the block, so it never runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import libcst as cst

from vibecheck.analysis.flow import short_code
from vibecheck.cst_fields import names_in, walk_own
from vibecheck.rules.verification._shared import last_name

# Context-manager assertions: (method name, how many positional arguments come before the callable). Called as a
# statement without that callable, they return a context manager and check nothing.
CONTEXT_ASSERTIONS = {
    "assertRaises": 1, "assertWarns": 1, "assertRaisesRegex": 2, "assertWarnsRegex": 2, "assertRaisesRegexp": 2,
    "assertLogs": 2, "assertNoLogs": 2,
}
PYTEST_CONTEXTS = frozenset({"pytest.raises", "pytest.warns", "pytest.deprecated_call"})
# Context managers whose expected exception leaves the block: nothing after the raising call runs.
RAISES_CONTEXTS = frozenset({"assertRaises", "assertRaisesRegex", "assertRaisesRegexp"})
PYTEST_RAISES = "pytest.raises"
TRUTH_METHODS = frozenset({"assertTrue", "assertFalse", "assert_", "failUnless", "failIf"})
# Arguments that are plainly values, not failure messages.
VALUE_NODES = (cst.Integer, cst.Float, cst.List, cst.Dict, cst.Set, cst.Tuple, cst.ListComp, cst.DictComp, cst.SetComp)
VALUE_NAMES = frozenset({"True", "False", "None"})
# A first argument that is itself a test (`v == v.strip()`, `not done`, `isinstance(c, Client)`,
# `text.startswith(prefix)`): the author asks for its truth, so a tuple after it is a deliberate failure message
# (`self.assertTrue(v == v.strip(), (k, v))` shows the pair that failed), not a mistaken expected value.
TEST_NODES = (cst.Comparison, cst.BooleanOperation)
PREDICATE_CALLS = frozenset({"isinstance", "issubclass", "hasattr", "callable", "any", "all", "startswith", "endswith",
                             "exists", "match", "fullmatch", "search", "issuperset", "issubset", "isdisjoint",
                             "isdigit", "isalpha", "isalnum", "isnumeric", "isdecimal", "isspace", "isupper", "islower",
                             "istitle", "isidentifier", "isascii", "iscoroutinefunction", "isfunction", "isclass"})
PREDICATE_PREFIXES = ("is_", "has_", "can_", "should_", "was_", "were_")


@dataclass(frozen=True)
class UnmadeCheck:
    """A call or statement that looks like a check and is none: the node to report, the message and the hint."""

    node: cst.CSTNode
    message: str
    hint: str


def context_assertion_statement(call: cst.Call, qualified: str | None, code_for: Callable[[cst.CSTNode], str]
                                ) -> UnmadeCheck | None:
    """`self.assertRaises(TypeError)` or `pytest.raises(ValueError)` on its own line, with no callable to run."""
    method = last_name(call.func)
    if any(arg.star for arg in call.args):
        return None  # `*args` may hold the callable
    positional = [arg for arg in call.args if arg.keyword is None]
    if isinstance(call.func, cst.Attribute) and method in CONTEXT_ASSERTIONS:
        unmade = len(positional) <= CONTEXT_ASSERTIONS[method]
    else:
        unmade = qualified in PYTEST_CONTEXTS and len(positional) <= (0 if qualified == "pytest.deprecated_call" else 1)
    if not unmade:
        return None
    text = code_for(call)
    shown = text if len(text) <= 60 else f"{code_for(call.func)}(...)"
    return UnmadeCheck(call, f"`{shown}` checks nothing: without a callable to run or a `with` block it only "
                             "returns a context manager, which is thrown away.",
                       f"Use it as a context manager around the code that should raise: `with {shown}:`.")


def message_as_expected_value(call: cst.Call, code_for: Callable[[cst.CSTNode], str]) -> UnmadeCheck | None:
    """`self.assertTrue(rows, [{"total": 3}])`: the second argument is the failure message, never compared."""
    if not (isinstance(call.func, cst.Attribute) and call.func.attr.value in TRUTH_METHODS and len(call.args) >= 2):
        return None
    second = call.args[1]
    value = second.value
    if second.keyword is not None or second.star or not (
            isinstance(value, VALUE_NODES) or (isinstance(value, cst.Name) and value.value in VALUE_NAMES)):
        return None
    if is_a_test(call.args[0].value):
        return None
    method = call.func.attr.value
    return UnmadeCheck(call, f"`{method}({code_for(call.args[0].value)}, {code_for(value)})` only checks the truth of "
                             f"its first argument: the second, `{code_for(value)}`, is the failure message, never "
                             "compared with anything.",
                       "Compare with the expected value: `self.assertEqual(actual, expected)`.")


def is_a_test(node: cst.BaseExpression) -> bool:
    """Whether an expression is itself a yes-or-no question (a comparison, `not x`, a predicate's call)."""
    if isinstance(node, TEST_NODES) or (isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Not)):
        return True
    if not isinstance(node, cst.Call):
        return False
    name = last_name(node.func)
    return name in PREDICATE_CALLS or name.startswith(PREDICATE_PREFIXES) or _camel_predicate(name, "is") \
        or _camel_predicate(name, "has")


def _camel_predicate(name: str, prefix: str) -> bool:
    """`isValid`, `hasKey`: the prefix, then a capital (not `issues` or `hash`)."""
    return name.startswith(prefix) and name[len(prefix):len(prefix) + 1].isupper()


def assertions_after_raise(with_node: cst.With, resolve: Callable[[cst.CSTNode], str | None],
                           code_for: Callable[[cst.CSTNode], str]) -> Iterator[UnmadeCheck]:
    """Assertions inside `with pytest.raises(...) as excinfo:` (or `self.assertRaises`) that read `excinfo`: the
    expected exception leaves the block before they run, and `excinfo` is filled only once the block has ended."""
    for item in with_node.items:
        call = item.item
        if not (isinstance(call, cst.Call) and item.asname is not None and isinstance(item.asname.name, cst.Name)):
            continue
        if not (resolve(call) == PYTEST_RAISES or (isinstance(call.func, cst.Attribute)
                                                   and call.func.attr.value in RAISES_CONTEXTS)):
            continue
        captured = item.asname.name.value
        for node in walk_own(with_node.body):
            checked = _assertion_operands(node)
            if checked is not None and any(captured in names_in(operand) for operand in checked):
                yield UnmadeCheck(
                    node, f"`{short_code(node, 70)}` never runs: the exception `{code_for(call.func)}` expects "
                          f"leaves the block before it, and `{captured}` is filled only once the block has ended.",
                    f"Move the assertion on `{captured}` after the `with` block, dedented.")


def assertions_after_raising_call(with_node: cst.With, resolve: Callable[[cst.CSTNode], str | None],
                                  code_for: Callable[[cst.CSTNode], str]) -> Iterator[UnmadeCheck]:
    """The assertions that end a `with pytest.raises(...):` (or `self.assertRaises(...)`) block after the call expected to
    raise (`parse_tags("a # b")`, then `assert tags == []`): when the call raises, they are skipped; when it does not,
    the test fails anyway. `assert False, "did not raise"` is the explicit failure, and one reading `excinfo` is
    reported by `assertions_after_raise`."""
    expecting = next((item for item in with_node.items if isinstance(item.item, cst.Call) and (
        resolve(item.item) == PYTEST_RAISES or (isinstance(item.item.func, cst.Attribute)
                                                and item.item.func.attr.value in RAISES_CONTEXTS))), None)
    if expecting is None or not isinstance(expecting.item, cst.Call) or not isinstance(with_node.body, cst.IndentedBlock):
        return
    expected = code_for(expecting.item.func)
    captured = expecting.asname.name.value if expecting.asname is not None and isinstance(
        expecting.asname.name, cst.Name) else None
    statements = list(with_node.body.body)
    trailing: list[cst.CSTNode] = []
    while statements and (checks := _statement_assertions(statements[-1])) is not None:
        trailing[:0] = checks
        statements.pop()
    if not any(isinstance(found, cst.Call) for statement in statements for found in walk_own(statement)):
        return
    for node in trailing:
        operands = _assertion_operands(node) or []
        if _fails_outright(node) or (captured is not None and any(captured in names_in(o) for o in operands)):
            continue
        yield UnmadeCheck(
            node, f"`{short_code(node, 70)}` never runs as a check: `{expected}` expects the call "
                  "before it to raise, which leaves the block first, and if it does not raise the test fails anyway.",
            "Move the assertion after the `with` block, dedented, or into a test of its own.")


def _statement_assertions(statement: cst.BaseStatement) -> list[cst.CSTNode] | None:
    """The assertions a line holds when it holds nothing else (`assert x`, `self.assertEqual(a, b)`); None otherwise."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return None
    found: list[cst.CSTNode] = []
    for small in statement.body:
        node = small.value if isinstance(small, cst.Expr) else small
        if _assertion_operands(node) is None:
            return None
        found.append(node)
    return found


def _fails_outright(node: cst.CSTNode) -> bool:
    """`assert False, "should have raised"`: it fails the test when the call before it returns, as meant."""
    return isinstance(node, cst.Assert) and isinstance(node.test, cst.Name) and node.test.value == "False"


def _assertion_operands(node: cst.CSTNode) -> list[cst.CSTNode] | None:
    """What an `assert` statement or a `self.assert*(...)` call checks; None for anything else."""
    if isinstance(node, cst.Assert):
        return [node.test]
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value.startswith("assert"):
        return [arg.value for arg in node.args]
    return None
