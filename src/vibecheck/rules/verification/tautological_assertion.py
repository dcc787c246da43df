"""VC304: an assertion that holds whatever the code under test does."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from vibecheck.cst_fields import returned_names
from vibecheck.imports import full_name
from vibecheck.literals import literal_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule
from vibecheck.rules.verification._shared import (
    calls_response_helper,
    hollow_mock_check,
    is_client_response,
    last_name,
    response_helpers,
)
from vibecheck.rules.verification._status_checks import (
    MIXED_STATUSES,
    accepts_failure,
    checked_otherwise,
    comparison_codes,
    exit_status_reason,
    is_status_read,
    unittest_codes,
)
from vibecheck.rules.verification._unmade_checks import (
    PYTEST_RAISES,
    RAISES_CONTEXTS,
    UnmadeCheck,
    assertions_after_raise,
    assertions_after_raising_call,
    context_assertion_statement,
    is_a_test,
    message_as_expected_value,
)

FALSY_NAMES = frozenset({"False", "None"})
# Equality spelled as a method or a function (`df.equals(df)`, `np.array_equal(a, a)`, `assert_frame_equal(df, df)`).
SELF_EQUAL_METHODS = frozenset({"equals", "equal", "eq", "__eq__", "identical"})
SELF_EQUAL_FUNCTIONS = frozenset({
    "array_equal", "array_equiv", "allclose", "isclose", "equal", "assert_frame_equal", "assert_series_equal",
    "assert_index_equal", "assert_array_equal", "assert_array_almost_equal", "assert_allclose", "assert_equal",
    "assert_almost_equal",
})
# Builtins that give one answer for one object, read twice: `str(item) == str(item)` compares a value with itself.
SAME_VIEWS = frozenset({"str", "repr", "len", "type", "id"})
# What a `unittest.mock` object records of its calls: stored values, the same each time they are read.
MOCK_RECORDS = frozenset({"call_count", "called", "call_args", "call_args_list", "mock_calls", "method_calls",
                          "await_count", "awaited", "await_args", "await_args_list"})
COUNT_WORD = "count"
SELF_COMPARISONS = (cst.Equal, cst.Is, cst.GreaterThanEqual, cst.LessThanEqual)
RESPONSE_REASON = "a test client's response object is always truthy and never `None`, whatever its status code"
LITERALS = (cst.Integer, cst.Float, cst.SimpleString)
# A test (or its class) named for equality or ordering exercises the object's own `__eq__`: `assert a == a` is
# its point there (attrs and Django test reflexivity this way), and a tautology everywhere else.
EQUALITY_TOPIC = lazy_pattern(r"(?:^|_)(?:eq|ne|lt|le|gt|ge|cmp|equal[a-z]*|compar[a-z]*|hash[a-z]*|ordering|sort[a-z]*"
                              r"|reflexiv[a-z]*|identity|same|dunders?)(?:_|$)")
CAMEL_BOUNDARY = lazy_pattern(r"(?<=[a-z0-9])(?=[A-Z])")
SELF_EQUALITY = (cst.Equal, cst.GreaterThanEqual, cst.LessThanEqual)
SELF_LOCAL = "it compares a value with itself"
# A name the test also compares with another name (`e1 != e2`), or built by a class and compared with another object
# (`cr == CaptureResult(...)`), is an object whose comparisons are under test.
COMPARED_OBJECTS = (cst.Attribute, cst.Call, cst.Subscript)
COMPARING = (cst.Equal, cst.NotEqual, cst.LessThan, cst.GreaterThan, cst.LessThanEqual, cst.GreaterThanEqual)
COMPARING_METHODS = frozenset({"assertEqual", "assertNotEqual", "assertLess", "assertGreater"})
# unittest assertion methods: (how many leading arguments matter, the test that makes them vacuous).
UNITTEST_TRUTHY = frozenset({"assertTrue", "assert_", "failUnless", "assertIsNotNone"})
UNITTEST_FALSY = frozenset({"assertFalse", "failIf"})
UNITTEST_SAME = frozenset({"assertEqual", "assertEquals", "assertIs", "assertGreaterEqual", "assertLessEqual",
                           "assertCountEqual", "assertListEqual", "assertDictEqual", "assertSetEqual",
                           "assertTupleEqual", "assertSequenceEqual", "assertMultiLineEqual", "assertAlmostEqual"})
# Operator pairs of which one always holds: `x is None or x is not None`.
COMPLEMENTS = ((cst.Is, cst.IsNot), (cst.Equal, cst.NotEqual), (cst.In, cst.NotIn),
               (cst.LessThan, cst.GreaterThanEqual), (cst.GreaterThan, cst.LessThanEqual))
UNITTEST_OPERATORS_CHECKED = frozenset({"assertIn", "assertNotIn", "assertLess", "assertLessEqual", "assertGreater",
                                        "assertGreaterEqual", "assertNotEqual"})
# A literal's type is fixed by its text: `isinstance({}, dict)` holds whatever the code under test does.
STRINGS = frozenset({"str", "object"})
LITERAL_TYPES: dict[type[cst.CSTNode], frozenset[str]] = {
    cst.Dict: frozenset({"dict", "object"}), cst.DictComp: frozenset({"dict", "object"}),
    cst.List: frozenset({"list", "object"}), cst.ListComp: frozenset({"list", "object"}),
    cst.Set: frozenset({"set", "object"}), cst.SetComp: frozenset({"set", "object"}),
    cst.Tuple: frozenset({"tuple", "object"}), cst.Integer: frozenset({"int", "object"}),
    cst.Float: frozenset({"float", "object"}), cst.FormattedString: STRINGS, cst.ConcatenatedString: STRINGS,
}
CONSTRUCTED = "`{name}` was just built by `{built}`, and a constructed object is never `None`"
CONSTRUCTED_TYPE = "`{name}` was just built by `{built}`, so it is a `{cls}`"
# What a command-line runner's result reports its failure in: a number that is truthy exactly when the command failed.
EXIT_CODES = frozenset({"exit_code", "returncode"})
# A response's numeric status (not `job.status`, which may be a word or `None`).
HTTP_STATUS_CODES = frozenset({"status_code", "status_int"})
RESPONSE_READ_TWICE = "a test client's response holds one answer, so reading it twice gives the same value"
MOCK_ANSWER = "a mock's `return_value` is a mock itself (never `None`, always truthy) unless the test set it"
YES_OR_NO = "a yes-or-no answer is `True` or `False`, never `None`"
# Tests that answer with a match or `None` (`re.search(...)`): `is not None` is their check.
OPTIONAL_MATCHES = frozenset({"match", "fullmatch", "search"})
UNAWAITED = ("`{call}` is not awaited, and the coroutine it returns is always truthy: the file awaits `{call}` "
             "elsewhere, so it is a coroutine function")
# A Django manager's methods that return a model instance or raise: never `None`.
MANAGER_BUILDERS = frozenset({"create", "get"})


def constant_truth(node: cst.BaseExpression) -> bool | None:
    """True or False when the expression's truth is fixed by its text alone, else None."""
    if isinstance(node, cst.Name):
        if node.value == "True":
            return True
        return False if node.value in FALSY_NAMES else None
    if isinstance(node, (cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.ConcatenatedString)):
        value = literal_value(node)
        return bool(value) if value is not None else None
    if isinstance(node, cst.FormattedString):
        return True if any(isinstance(p, cst.FormattedStringText) and p.value for p in node.parts) else None
    if isinstance(node, (cst.Tuple, cst.List, cst.Set, cst.Dict)):
        return bool(node.elements)
    if isinstance(node, (cst.Lambda, cst.Ellipsis)):
        return True
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Not):
        inner = constant_truth(node.expression)
        return None if inner is None else not inner
    if isinstance(node, cst.BooleanOperation):
        left, right = constant_truth(node.left), constant_truth(node.right)
        if isinstance(node.operator, cst.Or):
            return True if True in (left, right) else (False if left is False and right is False else None)
        return False if False in (left, right) else (True if left is True and right is True else None)
    return None


def disjuncts(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The operands of an `or` chain (`a or b or c` -> [a, b, c]); one operand for anything else."""
    if isinstance(node, cst.BooleanOperation) and isinstance(node.operator, cst.Or) and not node.lpar:
        return disjuncts(node.left) + disjuncts(node.right)
    if isinstance(node, cst.BooleanOperation) and isinstance(node.operator, cst.Or):
        return disjuncts(node.with_changes(lpar=(), rpar=()))
    return [node]


def complementary(first: cst.BaseExpression, second: cst.BaseExpression) -> bool:
    """`A` and `not A`, or one comparison and its opposite (`x is None` / `x is not None`, `a < b` / `a >= b`)."""
    for negated, plain in ((first, second), (second, first)):
        if isinstance(negated, cst.UnaryOperation) and isinstance(negated.operator, cst.Not) \
                and negated.expression.deep_equals(plain):
            return True
    if not (isinstance(first, cst.Comparison) and isinstance(second, cst.Comparison)
            and len(first.comparisons) == 1 and len(second.comparisons) == 1):
        return False
    left_target, right_target = first.comparisons[0], second.comparisons[0]
    same_operands = first.left.deep_equals(second.left) and left_target.comparator.deep_equals(right_target.comparator)
    operators = (type(left_target.operator), type(right_target.operator))
    return same_operands and any(operators in (pair, pair[::-1]) for pair in COMPLEMENTS)


def covers_both_outcomes(test: cst.BaseExpression) -> bool:
    """An `or` of a condition and its negation: one of the two always holds."""
    parts = disjuncts(test)
    return len(parts) > 1 and any(complementary(a, b) for i, a in enumerate(parts) for b in parts[i + 1:])


LOWER_BOUNDS = (cst.GreaterThan, cst.GreaterThanEqual)
UPPER_BOUNDS = (cst.LessThan, cst.LessThanEqual)


def _number(node: cst.BaseExpression) -> float | None:
    """The value of a number literal, also a negative one (`-1`); None for anything else."""
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        inner = _number(node.expression)
        return None if inner is None else -inner
    value = literal_value(node) if isinstance(node, (cst.Integer, cst.Float)) else None
    return float(value) if isinstance(value, (int, float)) else None


def _bound(node: cst.BaseExpression) -> tuple[cst.BaseExpression, bool, float, bool] | None:
    """(operand, is a lower bound, the bound, inclusive) of `x >= 0`, `x < 1.5`; None for anything else."""
    if not isinstance(node, cst.Comparison) or len(node.comparisons) != 1:
        return None
    target = node.comparisons[0]
    value = _number(target.comparator)
    if value is None or not isinstance(target.operator, LOWER_BOUNDS + UPPER_BOUNDS):
        return None
    inclusive = isinstance(target.operator, (cst.GreaterThanEqual, cst.LessThanEqual))
    return node.left, isinstance(target.operator, LOWER_BOUNDS), value, inclusive


def covers_every_number(test: cst.BaseExpression) -> bool:
    """`x >= 0.0 or x <= 1.0`: a lower and an upper bound on one operand joined by `or` that overlap, so every number
    passes (a range check written with `or` instead of `and`)."""
    bounds = [_bound(part) for part in disjuncts(test)]
    lowers = [b for b in bounds if b is not None and b[1]]
    uppers = [b for b in bounds if b is not None and not b[1]]
    return any(low[0].deep_equals(high[0]) and (high[2] > low[2] or (high[2] == low[2] and (low[3] or high[3])))
               for low in lowers for high in uppers)


def same_expression(left: cst.CSTNode, right: cst.CSTNode, operator: cst.CSTNode) -> bool:
    """`x is x` on one bare name, or two equal literals (`1 == 1`).

    Anything else may differ between its two evaluations or runs code under test: `a == a` calls `a.__eq__`,
    and `obj.attr is obj.attr` reads a property or descriptor twice (Django tests caching exactly this way).
    """
    if isinstance(left, cst.Name) and isinstance(operator, cst.Is):
        return left.deep_equals(right)
    return isinstance(left, LITERALS) and left.deep_equals(right)


def same_local(left: cst.CSTNode, right: cst.CSTNode, operator: cst.CSTNode) -> bool:
    """`result == result` (or `<=`, `>=`) on one bare name, also through one builtin view (`str(item) == str(item)`),
    or on what a mock recorded (`m.send.call_count == m.send.call_count`: a stored value, not a property that runs
    code)."""
    if not (isinstance(operator, SELF_EQUALITY) and left.deep_equals(right)):
        return False
    if isinstance(left, cst.Call) and isinstance(left.func, cst.Name) and left.func.value in SAME_VIEWS \
            and len(left.args) == 1:
        left = left.args[0].value
    return isinstance(left, cst.Name) or (isinstance(left, cst.Attribute) and left.attr.value in MOCK_RECORDS
                                          and full_name(left) is not None)


def is_object_type(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.Name):
        return node.value == "object"
    if isinstance(node, cst.Tuple):
        return any(isinstance(e, cst.Element) and is_object_type(e.value) for e in node.elements)
    return False


def literal_types(node: cst.BaseExpression) -> frozenset[str]:
    """The type names a literal is always an instance of (`{}` -> dict, object); empty for anything else."""
    if isinstance(node, cst.SimpleString):
        return frozenset({"bytes", "object"}) if "b" in node.prefix.lower() else STRINGS
    if isinstance(node, cst.Name) and node.value in ("True", "False"):
        return frozenset({"bool", "int", "object"})
    return LITERAL_TYPES.get(type(node), frozenset())


def type_names(node: cst.BaseExpression) -> set[str]:
    """`dict` -> {dict}; `(list, tuple)` -> {list, tuple}; `builtins.str` -> {str}."""
    if isinstance(node, cst.Tuple):
        return {name for e in node.elements for name in type_names(e.value)}
    return {last_name(node)}


def literal_instance_reason(args: Sequence[cst.Arg]) -> str | None:
    """`isinstance({}, dict)`, `isinstance("a", (str, bytes))`: a literal checked against its own type."""
    if len(args) != 2 or args[0].keyword is not None or args[0].star:
        return None
    if literal_types(args[0].value) & type_names(args[1].value):
        return "the type of a literal is fixed by its text"
    return None


@dataclass(frozen=True)
class Built:
    """How a name got its object: the class, the call as shown, and whether that call fixes the exact type."""

    cls: str
    shown: str
    exact_type: bool = True
    # The keywords the call gave (`amount` of `Expense(amount=Decimal("1.10"))`): fields the object stores as given.
    keywords: frozenset[str] = frozenset()


def constructed_class(value: cst.BaseExpression) -> Built | None:
    """`Cart(...)` or `models.Cart(...)`: a call of a class-named callable, which never returns `None`; also a Django
    manager's `Order.objects.create(...)` or `.get(...)`, which return an object or raise (its type is the
    manager's business: a proxy or custom manager may build a subclass)."""
    if not (isinstance(value, cst.Call) and isinstance(value.func, (cst.Name, cst.Attribute))):
        return None  # `Middleware(app)(request)` calls the object built, which may return anything
    func = value.func
    if isinstance(func, cst.Attribute) and func.attr.value in MANAGER_BUILDERS and isinstance(func.value, cst.Attribute) \
            and func.value.attr.value == "objects" and is_class_name(last_name(func.value.value)):
        model = last_name(func.value.value)
        return Built(model, f"{model}.objects.{func.attr.value}(...)", exact_type=False)
    name = last_name(func)
    keywords = frozenset(arg.keyword.value for arg in value.args if arg.keyword is not None)
    return Built(name, f"{name}(...)", keywords=keywords) if is_class_name(name) else None


def is_class_name(name: str) -> bool:
    """CapWords (`Cart`, `HTTPClient`), not a constant (`MAX`)."""
    return name[:1].isupper() and any(c.islower() for c in name)


def is_presence_check(test: cst.BaseExpression, responses: set[str]) -> bool:
    """`assert response` or `assert response is not None` on a test client's response."""
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1 and isinstance(test.comparisons[0].operator, cst.IsNot):
        comparator = test.comparisons[0].comparator
        if not (isinstance(comparator, cst.Name) and comparator.value == "None"):
            return False
        test = test.left
    return isinstance(test, cst.Name) and test.value in responses


def self_compared(call: cst.Call) -> cst.Name | None:
    """The name that `df.equals(df)` or `np.array_equal(a, a)` compares with itself; None for anything else."""
    positional = [arg.value for arg in call.args if arg.keyword is None and not arg.star]
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value in SELF_EQUAL_METHODS and isinstance(func.value, cst.Name) \
            and len(positional) == 1 and func.value.deep_equals(positional[0]):
        return func.value
    if last_name(func) in SELF_EQUAL_FUNCTIONS and len(positional) >= 2 and isinstance(positional[0], cst.Name) \
            and positional[0].deep_equals(positional[1]):
        return positional[0]
    return None


def is_count(node: cst.BaseExpression) -> bool:
    """`len(x)`, `m.call_count`, `rows.count(...)`, `count_rows(...)`, `get_count()`: a number that is never negative."""
    if isinstance(node, cst.Attribute):
        return _names_count(node.attr.value)
    return isinstance(node, cst.Call) and (last_name(node.func) == "len" or _names_count(last_name(node.func)))


def _names_count(name: str) -> bool:
    """`count`, `call_count`, `count_rows`, `rowCount`: a name whose first or last word is "count"."""
    words = CAMEL_BOUNDARY.sub("_", name).lower().strip("_").split("_")
    return COUNT_WORD in (words[0], words[-1])


def vacuous_reason(test: cst.BaseExpression, about_equality: bool = True) -> str | None:
    """Why an `assert <test>` can never fail (or passes on failure), or None when it can fail.

    `about_equality` is False when the test is not about its objects' `__eq__`: then `x == x` counts too.
    """
    truth = constant_truth(test)
    if truth is True:
        if isinstance(test, cst.Tuple):
            return "a non-empty tuple is always true (a message after a comma inside the parentheses is part of the tuple)"
        return "its condition is a constant that is always true"
    if covers_both_outcomes(test):
        return "it accepts a condition and its opposite, so one of them always holds"
    if covers_every_number(test):
        return "its lower and upper bounds are joined by `or` and overlap, so every number passes (use `and`)"
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
        target = test.comparisons[0]
        if isinstance(target.operator, SELF_COMPARISONS) and same_expression(test.left, target.comparator, target.operator):
            return "it compares an expression with itself"
        if not about_equality and same_local(test.left, target.comparator, target.operator):
            return SELF_LOCAL
        if (isinstance(target.operator, cst.GreaterThanEqual) and isinstance(target.comparator, cst.Integer)
                and literal_value(target.comparator) == 0 and is_count(test.left)):
            return "a length or count is never negative"
    if isinstance(test, cst.Call) and last_name(test.func) == "isinstance" and len(test.args) == 2:
        if is_object_type(test.args[1].value):
            return "every value is an instance of `object`"
        return literal_instance_reason(test.args)
    if is_status_read(test):
        return "an HTTP status code is never 0"
    if isinstance(test, cst.Comparison):
        return accepts_failure(comparison_codes(test))
    return None


def presence_operand(test: cst.BaseExpression) -> cst.BaseExpression:
    """`x` of `x is not None` or `x != None`; the expression itself otherwise (`assert x` asks for its truth)."""
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1 and is_none_name(test.comparisons[0].comparator) \
            and isinstance(test.comparisons[0].operator, (cst.IsNot, cst.NotEqual)):
        return test.left
    return test


def is_mock_answer(node: cst.BaseExpression) -> bool:
    """`m.send.return_value`, `mock_get.return_value.json.return_value`: what a mock answers, read back."""
    return isinstance(node, cst.Attribute) and node.attr.value == "return_value"


def presence_reason(checked: cst.BaseExpression, truth_too: bool) -> str | None:
    """Why a presence check (`is not None`; with `truth_too`, a truth check as well) of `checked` always holds: a mock's
    answer is a mock; a comparison's or a predicate's answer (`q.was_published_recently()`) is a bool, never `None`."""
    if is_mock_answer(checked):
        return MOCK_ANSWER
    optional = isinstance(checked, cst.Call) and last_name(checked.func) in OPTIONAL_MATCHES
    return YES_OR_NO if not truth_too and is_a_test(checked) and not optional else None


def failure_disjunct(test: cst.BaseExpression) -> str | None:
    """`"done" in result.output or result.exit_code`: an `or` with a bare exit code passes when the command failed; one
    with a bare status code (never 0) always passes."""
    parts = disjuncts(test)
    if len(parts) < 2:
        return None
    for part in parts:
        if isinstance(part, cst.Attribute) and part.attr.value in EXIT_CODES:
            return (f"`{part.attr.value}` is truthy exactly when the command failed, so the `or` lets a failed run "
                    "pass")
        if isinstance(part, cst.Attribute) and part.attr.value in HTTP_STATUS_CODES:
            return "an HTTP status code is never 0, so the `or` always holds"
    return None


class TautologicalAssertion(Rule):
    """An assertion that cannot fail: `assert True`, `assert x == x`, `m.assert_called_once` without `()`.

    ## What it does
    Reports, in test files, `assert` statements and `unittest` assertion calls whose outcome is fixed by
    their text: a truthy constant (`True`, `1`, a non-empty string or container), a non-empty tuple
    (`assert (x == 1, "message")`), `x or True`, `not False`, an expression compared with itself
    (`x is x` on a bare name, `1 == 1`; not `x == x`, which runs the object's own `__eq__`, nor
    `obj.attr is obj.attr`, which reads a property twice), a condition or its opposite
    (`x is None or x is not None`, `ok or not ok`, `a < b or a >= b`), overlapping bounds joined by `or` (`score >= 0.0
    or score <= 1.0`, a range check that meant `and`), `len(x) >= 0` (also `m.call_count >= 0`,
    `rows.count(x) >= 0`, `count_rows() >= 0`), `isinstance(x, object)`,
    a literal checked against its own type (`isinstance({}, dict)`, `self.assertIsInstance("a", str)`), a presence
    or type check of an object the test has just built by calling its class (`cart = Cart()`, then
    `assert cart is not None` or `isinstance(cart, Cart)`; a called name in CapWords counts as a class, and so
    does a Django manager's `Order.objects.create(...)`; `assert cart` is left alone, since an object may define
    `__bool__` or `__len__`, and so is the type check of a helper that returns the object it built, since a class
    whose `__new__` picks the implementation, as tornado's `AsyncHTTPClient` does, may build another class),
    `self.assertTrue(True)`, `self.assertFalse(None)`, `self.assertEqual(1, 1)`, and `assert response` or
    `assert response is not None` on the response of a test client (`client.get(...)`), which is always
    truthy whatever its status, or on the `Result` of click's or Typer's `CliRunner().invoke(...)`, truthy whatever
    its exit code.

    Also a value compared with itself (`assert result == result`, `self.assertEqual(result, result)`,
    `self.assertTrue(result == result)`, `str(item) == str(item)`, `assert df.equals(df)`,
    `np.testing.assert_array_equal(a, a)`, what a mock recorded (`m.send.call_count == m.send.call_count`), a name
    compared with its own alias: `snapshot = result`, then `assert result == snapshot`,
    `assert jobs.JOBS == jobs.JOBS` on an imported module or class, `assert e.amount == e.amount` on a field the
    test gave the object it built, `e = Expense(amount=Decimal("1.10"))`; not another attribute, which may be a
    property computed on each read),
    except in a test or test class named for equality, ordering or
    hashing (`test_eq`, `TestComparison`) or one that also compares the name with another name
    (`assert e1 != e2`), where the object's own `__eq__` is what runs; and a status
    check that accepts the failure: `assert r.status_code < 600`, `assert r.status_code`, or one that
    lets both a 2xx and a 4xx/5xx status pass (`in (200, 500)`, `!= 500`, `in range(200, 500)`,
    `self.assertIn(r.status_code, (200, 404))`, with numbers, `status.HTTP_404_NOT_FOUND` or
    `HTTPStatus.NOT_FOUND`), an exit-status check that lets 0 and a failing status pass (`result.exit_code in (0, 1)`,
    `self.assertIn(proc.returncode, [0, 2])`; not where the test reads what the same command printed,
    `result.output`/`proc.stdout`, or asserts something else: for a linter or `grep` status 1 means "found something"
    and the status check only rules out a crash), or an `or` with a bare exit or status code (`"done" in result.output or
    result.exit_code`, truthy exactly when the command failed). A response's field read twice
    (`resp.status_code == resp.status_code`, `self.assertEqual(result.exit_code, result.exit_code)`) compares one value
    with itself; a response here is also what a function of the file returns when it returns a test client's
    (`def invoke(runner, *args): return runner.invoke(cli, args)`).

    Also a check of what a mock answers rather than of the code: `assert m.get.return_value is not None`,
    `self.assertTrue(m.send.return_value)` (a mock's answer is a mock, never `None`), and `assert
    m.get.return_value.json.return_value == payload()` after the test set it to `payload()` itself (`assert result is
    m.get.return_value`, which checks what the code handed back, is left alone). A presence check of a yes-or-no
    answer (`self.assertIsNotNone(q.was_published_recently())`, `assert order.is_paid() is not None`), which is never
    `None`. In a coroutine test, a truth check of a call the file awaits elsewhere (`assert repo.get_for("a", 1)`
    beside `await repo.get_for(...)`): without `await` it checks a coroutine object, which is always true.

    Also a mock assertion that is never made: `m.assert_called_once` without `()` (the method is only
    looked up), `assert m.assert_called` (a bound method is always true), and a call of an assertion name
    `unittest.mock` does not have (`m.called_once_with(x)`, `m.has_calls([...])`, `m.not_called()`),
    which a mock invents and answers with a new, always-true mock. And assertions that check nothing as
    written: `self.assertRaises(TypeError)` or `pytest.raises(ValueError)` on a line of its own, with no
    callable and no `with` (it only returns a context manager); an assertion on `excinfo` inside
    `with pytest.raises(...) as excinfo:` (or `cm` of `self.assertRaises`), which never runs, because the
    expected exception leaves the block first; and `self.assertTrue(rows, [1])` with a value (a number, a
    container, `None`) where the failure message goes, which only checks that `rows` is truthy (after a
    comparison or a predicate, `assertTrue(v == v.strip(), (k, v))`, the tuple is a deliberate message); and the
    assertions that end a `with pytest.raises(...):` or `self.assertRaises(...)` block after the call expected to raise
    (`parse_tags("a # b")`, then `assert tags == []`), which are skipped when it raises and moot when it does not
    (`assert False, "did not raise"` there is the explicit failure, and is left alone).

    ## Why is this bad?
    A test that cannot fail proves nothing, yet it counts as a passing test and as coverage. Coding
    agents write `assert True` to make a red test green, and the tuple form is a classic slip that
    silently disables a real check.

    ## Example
    ```python
    def test_login(client):
        response = client.post("/login", data={"user": "ada"})
        assert (response.status_code == 200, "login failed")
    ```

    ## Use instead
    ```python
    def test_login(client):
        response = client.post("/login", data={"user": "ada"})
        assert response.status_code == 200, "login failed"
    ```

    ## References
    - [pytest: asserting with the assert statement](https://docs.pytest.org/en/stable/how-to/assert.html)
    - [CWE-570: Expression is Always False / CWE-571: Expression is Always True](https://cwe.mitre.org/data/definitions/571.html)
    """

    code = "VC304"
    name = "tautological-assertion"
    category = Category.TESTS
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (571,)
    applies_to_tests_only = True
    supersedes = ("VC310",)  # an assertion that cannot fail: VC310's weaker "checks only presence" says less

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self._responses: list[set[str]] = [set()]
        self._scopes: list[str] = []
        # Per open function: self-comparisons waiting for its end, and the names it compares with other names.
        self._self_compared: list[list[tuple[cst.CSTNode, str, str]]] = [[]]
        self._compared: list[set[str]] = [set()]
        # Per open function: names last bound to a new object (`cart = Cart()`), with the class that built it.
        self._constructed: list[dict[str, Built]] = [{}]
        self._functions: list[cst.FunctionDef] = []
        # Per open function: names last bound to another name (`expected = result`), with that name.
        self._aliases: list[dict[str, str]] = [{}]
        self._shared: list[set[str]] = [set()]  # the names each function declares `nonlocal` or `global`
        self._instances: list[set[str]] = [set()]  # names last bound to a call of a class (`cr = CaptureResult(...)`, `DC()`)
        self._expecting_raise = 0  # how many `with pytest.raises(...)` blocks the walk is in
        self._response_helpers: frozenset[str] = frozenset()  # functions of the file that return a client's response
        # Per open function: what the test told a mock to answer (`m.get.return_value = payload()`), as code, by target.
        self._configured: list[dict[str, str]] = [{}]
        self._coroutines: list[bool] = [False]  # per open function: whether it is `async def`
        self._awaited: set[str] = set()  # callees the file awaits (`client.current`), as written
        self._unawaited: list[tuple[cst.CSTNode, str, str]] = []  # presence checks of a call, waiting for the file's end

    def visit_Module(self, node: cst.Module) -> None:
        self._response_helpers = response_helpers(node)

    def leave_Module(self, original_node: cst.Module) -> None:
        for node, what, callee in self._unawaited:
            if callee in self._awaited:
                self._report(node, what, UNAWAITED.format(call=callee))

    def visit_Await(self, node: cst.Await) -> None:
        if isinstance(node.expression, cst.Call):
            self._awaited.add(self.context.module.code_for_node(node.expression.func))

    def _note_unawaited(self, node: cst.CSTNode, what: str, checked: cst.BaseExpression) -> None:
        """`assert client.current("Oslo")` in a coroutine test: if the file awaits `client.current` elsewhere, the
        assertion checks a coroutine object."""
        if self._coroutines[-1] and isinstance(checked, cst.Call) and isinstance(checked.func, cst.Attribute):
            self._unawaited.append((node, what, self.context.module.code_for_node(checked.func)))

    @property
    def _about_equality(self) -> bool:
        """Whether an enclosing test or class is named for equality, so `x == x` runs the code under test."""
        return any(EQUALITY_TOPIC.search(CAMEL_BOUNDARY.sub("_", name).lower()) for name in self._scopes)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._scopes.append(node.name.value)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._scopes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._responses.append(set())
        self._scopes.append(node.name.value)
        self._self_compared.append([])
        self._compared.append(set())
        self._constructed.append({})
        self._aliases.append({})
        self._shared.append(set())
        self._instances.append(set())
        self._functions.append(node)
        self._configured.append({})
        self._coroutines.append(node.asynchronous is not None)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._responses.pop()
        self._scopes.pop()
        self._constructed.pop()
        self._aliases.pop()
        self._shared.pop()
        self._instances.pop()
        self._functions.pop()
        self._configured.pop()
        self._coroutines.pop()
        compared = self._compared.pop()
        for found, what, name in self._self_compared.pop():
            if name not in compared:
                self._report(found, what, SELF_LOCAL)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        if self._shared:
            self._shared[-1].update(n.name.value for n in node.names)

    def visit_Global(self, node: cst.Global) -> None:
        if self._shared:
            self._shared[-1].update(n.name.value for n in node.names)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        left = node.left
        for target in node.comparisons:
            if isinstance(target.operator, COMPARING):
                self._note_compared(left, target.comparator)
            left = target.comparator

    def _note_compared(self, left: cst.CSTNode, right: cst.CSTNode) -> None:
        """`e1 != e2`; `cr == CaptureResult("out", "err")` or `real_dc <= model.dc` for `cr`, `real_dc` built by a class
        (`cr = CaptureResult("out", "err")`): a name the test compares with another object is one whose comparison
        methods are under test. A result compared with another call (`result == parse(text)`) is no such object."""
        for one, other in ((left, right), (right, left)):
            if not isinstance(one, cst.Name) or one.deep_equals(other):
                continue
            if isinstance(other, cst.Name) or (isinstance(other, COMPARED_OBJECTS) and one.value in self._instances[-1]):
                self._compared[-1].add(one.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        names = {t.target.value for t in node.targets if isinstance(t.target, cst.Name)}
        for target in node.targets:
            if is_mock_answer(target.target):
                self._configured[-1][self.context.module.code_for_node(target.target)] = \
                    self.context.module.code_for_node(node.value)
        if is_client_response(node.value) or calls_response_helper(node.value, self._response_helpers):
            self._responses[-1].update(names)
        else:
            self._responses[-1].difference_update(names)
        self._note_binding(names, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if isinstance(node.target, cst.Name):
            self._note_binding({node.target.value}, node.value)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        if isinstance(node.target, cst.Name):
            self._note_binding({node.target.value}, None)

    def _note_binding(self, names: set[str], value: cst.BaseExpression | None) -> None:
        built = constructed_class(value) if value is not None else None
        if isinstance(value, cst.Call) and last_name(value.func)[:1].isupper():
            self._instances[-1].update(names)
        else:
            self._instances[-1].difference_update(names)
        constructed = self._constructed[-1]
        for name in names:
            if built is None:
                constructed.pop(name, None)
            else:
                constructed[name] = built
        aliases = self._aliases[-1]
        for alias, original in list(aliases.items()):
            if alias in names or original in names:
                del aliases[alias]
        # a `nonlocal` or `global` name is shared: another coroutine or callback may rebind it before the `assert`
        if isinstance(value, cst.Name) and len(names) == 1 and value.value not in names and constant_truth(value) is None \
                and not names & self._shared[-1]:
            aliases[next(iter(names))] = value.value

    def _alias_reason(self, left: cst.BaseExpression, right: cst.BaseExpression) -> str | None:
        """`expected = result`, then `assert result == expected`: both names hold the one object."""
        if self._about_equality or not (isinstance(left, cst.Name) and isinstance(right, cst.Name)):
            return None
        aliases = self._aliases[-1]
        for alias, original in ((left.value, right.value), (right.value, left.value)):
            if aliases.get(alias) == original:
                return f"`{alias}` was bound to `{original}` itself (`{alias} = {original}`), so it compares a value with itself"
        return None

    def _pair_reason(self, left: cst.BaseExpression, right: cst.BaseExpression) -> str | None:
        """`resp.status_code == resp.status_code` on a test client's response; `m.get.return_value == payload()` after the
        test set `m.get.return_value = payload()`: one value on both sides."""
        code_for = self.context.module.code_for_node
        for one, other in ((left, right), (right, left)):
            configured = self._configured[-1].get(code_for(one)) if is_mock_answer(one) else None
            if configured is not None and configured == code_for(other):
                return f"the test set `{code_for(one)}` to `{configured}` itself, so it compares that value with itself"
        root: cst.BaseExpression = left
        while isinstance(root, (cst.Attribute, cst.Call, cst.Subscript)):
            root = root.func if isinstance(root, cst.Call) else root.value
        if isinstance(root, cst.Name) and root.value in self._responses[-1] and root is not left \
                and left.deep_equals(right):
            return RESPONSE_READ_TWICE
        return None

    def _compared_with_itself(self, node: cst.CSTNode, call: cst.Call, what: str) -> bool:
        """Report `df.equals(df)` or `np.testing.assert_array_equal(a, a)` (at the function's end); True if it is one."""
        name = self_compared(call)
        if name is None or self._about_equality:
            return False
        self._report_or_wait(node, what, SELF_LOCAL, name)
        return True

    def _constructed_reason(self, test: cst.BaseExpression) -> str | None:
        """`assert cart is not None` or `isinstance(cart, Cart)` right after `cart = Cart(...)`: true by construction."""
        checked: cst.BaseExpression | None = None
        type_arg: cst.BaseExpression | None = None
        if isinstance(test, cst.Comparison) and len(test.comparisons) == 1 \
                and isinstance(test.comparisons[0].operator, cst.IsNot) and is_none_name(test.comparisons[0].comparator):
            checked = test.left
        elif isinstance(test, cst.Call) and last_name(test.func) == "isinstance" and len(test.args) == 2:
            checked, type_arg = test.args[0].value, test.args[1].value
        return self._built_reason(checked, type_arg)

    def _built_reason(self, checked: cst.BaseExpression | None, type_arg: cst.BaseExpression | None) -> str | None:
        """Why a presence or type check of a name last bound to `Cls(...)` holds (`type_arg` None: a presence check)."""
        built = self._constructed[-1].get(checked.value) if isinstance(checked, cst.Name) else None
        if built is None or (type_arg is not None and (not built.exact_type or built.cls not in type_names(type_arg)
                                                       or self._hands_out(checked))):
            return None
        template = CONSTRUCTED if type_arg is None else CONSTRUCTED_TYPE
        return template.format(name=checked.value if isinstance(checked, cst.Name) else "", cls=built.cls, built=built.shown)

    def _hands_out(self, checked: cst.BaseExpression | None) -> bool:
        """Whether the enclosing function returns the name checked: a helper (`get_http_client`) that type-checks what it
        built before handing it out guards against a class whose `__new__` returns another class (tornado's
        `AsyncHTTPClient` gives the configured implementation), which a test, returning nothing, does not do."""
        return isinstance(checked, cst.Name) and bool(self._functions) and checked.value in returned_names(self._functions[-1])

    def visit_Expr(self, node: cst.Expr) -> None:
        # inside `with pytest.raises(TypeError):`, a lone `pytest.warns(None)` is the call expected to raise (pytest's
        # tests of its own argument checks), not a context manager thrown away
        if not self._report_hollow(node, node.value) and isinstance(node.value, cst.Call) and not self._expecting_raise:
            self._report_unmade(context_assertion_statement(node.value, self.qualified_name(node.value),
                                                            self.context.module.code_for_node))

    def visit_With(self, node: cst.With) -> None:
        for unmade in assertions_after_raise(node, self.qualified_name, self.context.module.code_for_node):
            self._report_unmade(unmade)
        for unmade in assertions_after_raising_call(node, self.qualified_name, self.context.module.code_for_node):
            self._report_unmade(unmade)
        if self._expects_raise(node):
            self._expecting_raise += 1

    def leave_With(self, original_node: cst.With) -> None:
        if self._expects_raise(original_node):
            self._expecting_raise -= 1

    def _expects_raise(self, node: cst.With) -> bool:
        """`with pytest.raises(...)`, `with self.assertRaises(...)`: its block is expected to raise."""
        return any(isinstance(item.item, cst.Call) and (self.qualified_name(item.item) == PYTEST_RAISES
                                                        or last_name(item.item.func) in RAISES_CONTEXTS)
                   for item in node.items)

    def _report_unmade(self, unmade: UnmadeCheck | None) -> None:
        if unmade is not None:
            self.report(unmade.node, unmade.message, hint=unmade.hint)

    def _report_hollow(self, node: cst.CSTNode, checked: cst.BaseExpression) -> bool:
        """Report a mock assertion that is never called or does not exist; True when there was one."""
        hollow = hollow_mock_check(checked, self.context.module.code_for_node)
        if hollow is not None:
            self.report(node, f"{hollow.what} can never fail: {hollow.reason}.",
                        hint=f"Call the mock's assertion method: {hollow.instead}.")
        return hollow is not None

    def visit_Assert(self, node: cst.Assert) -> None:
        if self._report_hollow(node, node.test):
            return
        test = node.test
        checked = presence_operand(test)
        reason = (RESPONSE_REASON if is_presence_check(node.test, self._responses[-1])
                  else vacuous_reason(node.test, self._about_equality) or self._constructed_reason(node.test)
                  or self._imported_attribute_reason(node.test) or failure_disjunct(test)
                  or self._exit_status_check(test) or presence_reason(checked, truth_too=checked is test))
        if reason is None and isinstance(test, cst.Comparison) and len(test.comparisons) == 1 \
                and isinstance(test.comparisons[0].operator, (cst.Equal, cst.Is)):
            reason = self._alias_reason(test.left, test.comparisons[0].comparator) \
                or self._pair_reason(test.left, test.comparisons[0].comparator)
        what = f"`assert {self.context.module.code_for_node(node.test)}`"
        if reason is None:
            self._note_unawaited(node, what, checked)
        if reason is not None:
            self._report_or_wait(node, what, reason, node.test)
        elif isinstance(test, cst.Call):
            self._compared_with_itself(node, test, what)

    def _imported_attribute_reason(self, test: cst.BaseExpression) -> str | None:
        """`assert jobs.JOBS == jobs.JOBS`: an attribute of an imported module or class, read twice, is one value; so
        is a field the test gave the object it built (`e = Expense(amount=...)`, then `assert e.amount == e.amount`),
        which the object stores (a property computed on each read has no keyword of the class's call)."""
        if self._about_equality or not (isinstance(test, cst.Comparison) and len(test.comparisons) == 1):
            return None
        target = test.comparisons[0]
        left = test.left
        if not (isinstance(left, cst.Attribute) and isinstance(target.operator, SELF_EQUALITY)
                and left.deep_equals(target.comparator)):
            return None
        if isinstance(left.value, cst.Name):
            built = self._constructed[-1].get(left.value.value)
            if built is not None and built.exact_type and left.attr.value in built.keywords:
                return (f"`{left.value.value}` was built with `{left.attr.value}=` (`{built.shown}`), so it compares "
                        "that field with itself")
        root: cst.BaseExpression = left
        while isinstance(root, cst.Attribute):
            root = root.value
        imported = isinstance(root, cst.Name) and root.value in self.context.imports.aliases
        return "it compares an imported name's attribute with itself" if imported else None

    def visit_Call(self, node: cst.Call) -> None:
        if last_name(node.func).startswith("assert_") and self._compared_with_itself(
                node, node, f"`{self.context.module.code_for_node(node.func)}(...)`"):
            return
        method = last_name(node.func) if isinstance(node.func, cst.Attribute) else ""
        if not method.startswith(("assert", "fail")) or not node.args:
            return
        first = node.args[0].value
        if method in COMPARING_METHODS and len(node.args) >= 2:
            self._note_compared(first, node.args[1].value)
        reason = None
        if method in UNITTEST_TRUTHY and self._report_hollow(node, first):
            return
        if method in UNITTEST_TRUTHY and is_presence_check(first, self._responses[-1]):
            reason = RESPONSE_REASON
        elif method in UNITTEST_TRUTHY and presence_reason(first, truth_too=method != "assertIsNotNone"):
            reason = presence_reason(first, truth_too=method != "assertIsNotNone")
        elif method in UNITTEST_TRUTHY:
            if constant_truth(first) is True or (method == "assertIsNotNone" and _is_literal(first)):
                reason = "its argument is a constant that is always true"
            elif method != "assertIsNotNone":
                reason = vacuous_reason(first, self._about_equality) or self._constructed_reason(first)
            else:
                reason = self._built_reason(first, None)
        elif method in UNITTEST_FALSY:
            if constant_truth(first) is False:
                reason = "its argument is a constant that is always false"
        elif method == "assertIsNone" and isinstance(first, cst.Name) and first.value == "None":
            reason = "its argument is `None` itself"
        elif method in UNITTEST_SAME and len(node.args) >= 2 and same_expression(
                first, node.args[1].value, cst.Is() if method == "assertIs" else cst.Equal()):
            reason = "it compares an expression with itself"
        elif method in UNITTEST_SAME and len(node.args) >= 2 and not self._about_equality and same_local(
                first, node.args[1].value, cst.Equal()):
            reason = SELF_LOCAL
        elif method in UNITTEST_SAME and len(node.args) >= 2:
            reason = self._alias_reason(first, node.args[1].value) or self._pair_reason(first, node.args[1].value)
        elif method in UNITTEST_OPERATORS_CHECKED:
            reason = accepts_failure(unittest_codes(method, list(node.args))) or (
                exit_status_reason(first, "in", node.args[1].value) if method == "assertIn" and len(node.args) >= 2
                and not checked_otherwise(self._functions[-1] if self._functions else None, first) else None)
        elif method == "assertIsInstance" and len(node.args) >= 2 and is_object_type(node.args[1].value):
            reason = "every value is an instance of `object`"
        elif method == "assertIsInstance" and len(node.args) >= 2:
            reason = literal_instance_reason(node.args[:2]) or self._built_reason(first, node.args[1].value)
        what = f"`{self.context.module.code_for_node(node.func)}(...)`"
        if reason is not None:
            self._report_or_wait(node, what, reason, first)
            return
        if method in UNITTEST_TRUTHY:
            self._note_unawaited(node, what, first)
        self._report_unmade(message_as_expected_value(node, self.context.module.code_for_node))

    def _report_or_wait(self, node: cst.CSTNode, what: str, reason: str, checked: cst.BaseExpression) -> None:
        """Report now; a self-comparison waits for the function's end, in case it compares the name with others."""
        if reason != SELF_LOCAL:
            self._report(node, what, reason)
            return
        compared = checked.left if isinstance(checked, cst.Comparison) else checked
        self._self_compared[-1].append((node, what, compared.value if isinstance(compared, cst.Name) else ""))

    def _exit_status_check(self, test: cst.BaseExpression) -> str | None:
        """`assert result.exit_code in (0, 1)`: see `exit_status_reason`; quiet where the test reads what the same
        command printed or asserts something else (`checked_otherwise`)."""
        if not (isinstance(test, cst.Comparison) and len(test.comparisons) == 1
                and isinstance(test.comparisons[0].operator, cst.In)):
            return None
        if checked_otherwise(self._functions[-1] if self._functions else None, test.left):
            return None
        return exit_status_reason(test.left, "in", test.comparisons[0].comparator)

    def _report(self, node: cst.CSTNode, what: str, reason: str) -> None:
        if len(what) > 80:
            what = "This assertion"
        verdict = "cannot tell success from failure" if reason.startswith(MIXED_STATUSES) else "can never fail"
        self.report(node, f"{what} {verdict}: {reason}.",
                    hint="Assert on the value the code under test produced, compared with an independent expected value.")


def is_none_name(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def _is_literal(node: cst.BaseExpression) -> bool:
    return constant_truth(node) is not None and not (isinstance(node, cst.Name) and node.value == "None")
