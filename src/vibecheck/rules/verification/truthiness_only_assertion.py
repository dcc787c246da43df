"""VC310: a test whose only check on what the code returned is that it is truthy, not `None` or of a builtin type."""

from __future__ import annotations

import builtins
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst

from vibecheck.cst_fields import child_nodes
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import RuleContext
from vibecheck.rules.verification._shared import (
    Frame,
    TestAwareRule,
    calls_response_helper,
    is_client_response,
    last_name,
    response_helpers,
)

# The first word of a function that builds or fetches data (`build_invoice`, `fetch_orders`, `parse_config`): what
# it returns has content to check, and any non-empty wrong answer is truthy. A predicate (`is_valid`, `exists`,
# `login`) is left alone: `assert is_eligible(user)` checks the whole answer.
# A search (`find_elements`, `search_users`, `lookup_host`) is left out: whether it found anything is its answer.
DATA_VERBS = frozenset({
    "get", "fetch", "load", "build", "create", "make", "parse", "read", "list", "query", "compute", "calculate", "calc",
    "generate", "render", "summarize", "summarise", "transform", "serialize", "serialise", "convert", "format",
    "extract", "collect", "aggregate", "export", "prepare", "normalize", "normalise", "retrieve", "download", "scrape",
    "encode", "decode", "merge", "group", "to", "as", "compose", "assemble", "count", "place",
    "poll",  # `poll_payment(42)` answers with the payment's state, and any state is truthy
    "show",  # a detail view's answer: the record, whatever it holds
    "answer",  # a model's or a search's answer: text, whatever it says
    "materialize",  # dagster's `materialize([...])`: a run's result, an object whatever happened in the run
    "classify",  # a label or a verdict: any label is truthy, the wrong one too
    "hash", "encrypt", "sign",  # `hash_password("pw")`: a digest or a token, truthy whatever it holds
})
# The last word of a getter that reads a flag (`transaction.get_rollback()`, `connection.get_autocommit()`,
# `get_user_enabled()`): it answers yes or no, so `assert get_rollback()` checks the whole answer.
FLAG_WORDS = frozenset({
    "rollback", "autocommit", "enabled", "disabled", "active", "inactive", "visible", "hidden", "valid", "invalid",
    "ready", "open", "closed", "locked", "dirty", "empty", "running", "done", "finished", "available", "required",
    "allowed", "deleted", "exists", "flag", "debug", "readonly",
})
# The second word of a getter named for a question (`get_is_active`, `get_has_children`).
QUESTION_WORDS = frozenset({"is", "has", "can", "should", "was", "will", "needs", "must"})
# Verbs that name the data themselves, so the bare word is a data function too (`parse(text)`, `summarize(rows)`);
# the others need an object after them (`get_user`, not `get`, which is a dict's, a client's or a cache's read).
STANDALONE_VERBS = frozenset({
    "parse", "summarize", "summarise", "transform", "serialize", "serialise", "render", "compute", "calculate",
    "generate", "extract", "aggregate", "normalize", "normalise", "compose", "assemble", "answer", "materialize",
    "classify",
})
# The last word of a function named for the data it makes, with no verb (`weekly_report(df)`, `order_summary(o)`,
# `monthly_totals(rows)`): a report or a summary has content to check, as `build_report` does.
DATA_NOUNS = frozenset({"report", "summary", "totals", "stats", "statistics", "breakdown", "digest", "payload", "answer",
                        "total", "cost", "price", "score", "count",
                        # a quantity a function works out (`position_size(...)`, `order_amount(...)`): any non-zero
                        # number is truthy, the wrong one too
                        "size", "amount", "quantity",
                        # a token or a link a function makes (`reset_token()`, `invite_link(user)`): any text is truthy
                        "token", "link",
                        # a description of something (`image_info(data)`, `file_metadata(path)`): a filled dict
                        "info", "metadata", "details"})
# First words of a check named for the data it checks (`verify_token(t)`, `check_link(url)`): its answer is a verdict.
CHECKING_VERBS = frozenset({"verify", "check", "validate", "confirm", "compare", "matches"})
# The standard types' predicates (`url.startswith(prefix)`, `name.isidentifier()`, `wanted.issubset(found)`): their
# answer is a yes or no, so `assert` of one checks it whole, whatever the test is named for.
BUILTIN_PREDICATES = frozenset({
    "startswith", "endswith", "isdigit", "isalpha", "isalnum", "isnumeric", "isdecimal", "isidentifier", "islower",
    "isupper", "isspace", "istitle", "isascii", "isprintable", "issubset", "issuperset", "isdisjoint", "hasattr",
    "issubclass",
})
# Builtins that gather what an iterable gives (`list(spider.parse(response))`): the items of the call they wrap.
COLLECTING_CALLS = frozenset({"list", "tuple", "sorted", "set"})
# The methods that run a LangChain tool, chain or runnable (`fetch_url.invoke({...})`), or the function under a Prefect
# task or flow (`load_sales.fn(...)`): the tool's or task's own name says what it answers.
RUNNABLE_CALLS = frozenset({"invoke", "ainvoke", "run", "arun", "fn"})
# First words of a function that may find nothing (`find_user`, `lookup_host`, `try_parse`, `re.match`): `is not None`
# of its answer asks whether it found something, which is its whole answer.
SEARCH_WORDS = frozenset({"find", "search", "lookup", "match", "fullmatch", "which", "locate", "detect", "discover",
                          "resolve", "try", "first", "maybe"})
# A value's own reads (`config.get("x")`, `cache.pop(key)`, `payload.json()`, `stream.read()`): the methods of a
# mapping, a file or a payload the test holds, not the project's answer.
VALUE_READS = frozenset({"get", "pop", "setdefault", "peek", "json", "keys", "values", "items", "copy", "read",
                         "decode", "encode"})
UNITTEST_TRUTHY = frozenset({"assertTrue", "assertIsNotNone", "assert_"})
# `self.assertFalse(x)`, `self.assertIs(x, False)`, `self.assertEqual(x, True)`: checks that say `x` is a yes or no.
UNITTEST_FALSY = frozenset({"assertFalse"})
UNITTEST_EXACT = frozenset({"assertIs", "assertEqual", "assertIsNot", "assertNotEqual"})
# Calls that check something beyond truth: any assertion helper, a mock's `assert_*`, `pytest.raises`.
CHECK_PREFIXES = ("assert", "expect", "check", "verify", "fail")
CHECKING_CALLS = frozenset({"raises", "warns", "approx", "deprecated_call", "fail"})
# Builtin containers and scalars: `isinstance(users, list)` holds for every wrong list as well. A class of the
# project's own (`isinstance(make_backend("redis"), RedisBackend)`) says which implementation was chosen: a real check.
BUILTIN_TYPES = frozenset({"dict", "list", "str", "int", "float", "bool", "tuple", "set", "frozenset", "bytes"})
# Builtins a test calls to look at a value, not the code under test (`len(result)`, `next(iter(rows))`).
BUILTIN_CALLS = frozenset({"len", "next", "iter", "getattr", "vars", "bool", "any", "all", "isinstance", "callable"})
TRUTHY = "truthy (or not `None`)"
BUILTIN_NAMES = frozenset(dir(builtins))
# Words of a function that converts a value (`get_prep_value`, `to_dict`, `serialize_message`, `decode_path`): the
# type of what it gives back is its point, so checking the type checks the conversion.
CONVERSION_WORDS = frozenset({"prep", "prepare", "convert", "to", "as", "encode", "decode", "serialize", "serialise",
                              "deserialize", "deserialise", "coerce", "cast", "normalize", "normalise", "dump", "dumps",
                              "format", "stringify"})
# Words of a test's name that say the type is its point (`test_generate_key_returns_string`, `test_to_dict_type`).
TYPE_WORDS = frozenset({"type", "types", "typed", "instance", "str", "string", "strings", "dict", "mapping", "list",
                        "int", "integer", "float", "bool", "boolean", "tuple", "set", "bytes"})
MOCK_WORD = "mock"
# A test named for what a call returns (`test_receive_returns_movement`, `test_forecast_returns_list`): the value is its
# point, whatever verb the function has, so a truth check of it is the weak check this rule is about. Not when the name
# says the answer is a yes or no, or only that something comes back (`test_login_returns_true`).
RETURNS_WORDS = frozenset({"returns", "return", "gives", "yields"})
YES_OR_NO_WORDS = frozenset({"true", "false", "truthy", "falsy", "bool", "boolean", "something", "anything", "nothing",
                             "none", "ok"})


@dataclass
class Candidate:
    """A truthiness check, the name it checks (None for a direct call) and the data function that made the value."""

    node: cst.CSTNode
    name: str | None
    callee: str
    checked: str = TRUTHY  # what the check asks of the value: truthiness, or a builtin type ("a `list`")


@dataclass
class TestChecks:
    """What one test binds from data functions and how it checks them."""

    names_a_return: bool = False  # the test is named for what a call returns: any function's value counts
    results: dict[str, str] = field(default_factory=dict)  # name -> the data function it was last bound from
    # name -> the function of any name it was last bound from (`space = free_space(path)`): a yes or no is never
    # `None` and has no length, so a presence check of its value is weak whatever the function's verb
    answers: dict[str, str] = field(default_factory=dict)
    responses: set[str] = field(default_factory=set)  # names bound to a test client's response
    weak: list[Candidate] = field(default_factory=list)
    idle: list[cst.Assert] = field(default_factory=list)  # assertions true of any value: `assert len(x) >= 0`
    other_checks: bool = False
    # The test set a fake's answer to a non-empty literal (`cursor.fetchall.return_value = [{"id": 1}]`): it knows
    # what a search over that fake finds, so whether the search found anything is no longer its whole answer.
    planted: bool = False


def names_a_return(test_name: str) -> bool:
    """`test_add_returns_todo`: a test named for the value a call gives back (not `test_login_returns_true`)."""
    words = test_name.lower().split("_")
    return any(word in RETURNS_WORDS and YES_OR_NO_WORDS.isdisjoint(words[i + 1:]) for i, word in enumerate(words[:-1]))


def data_callee(value: cst.BaseExpression | None, any_verb: bool = False) -> str | None:
    """`build_invoice` for `build_invoice(order)` or `await client.fetch_orders()`; None for anything else. With
    `any_verb` (the test is named for what the call returns), any function but a predicate and a class.

    A call on a mock (`mock_repo.get_user(1)`) returns what the test configured, and VC308 speaks for it.
    """
    if isinstance(value, cst.Await):
        value = value.expression
    if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value in COLLECTING_CALLS \
            and len(value.args) == 1 and not value.args[0].star:
        value = value.args[0].value
    if not isinstance(value, cst.Call) or not isinstance(value.func, (cst.Name, cst.Attribute)):
        return None
    name = last_name(value.func)
    if name in BUILTIN_PREDICATES:
        return None
    if name in RUNNABLE_CALLS and isinstance(value.func, cst.Attribute) \
            and isinstance(value.func.value, (cst.Name, cst.Attribute)):
        name = last_name(value.func.value)  # `tools.fetch_url.invoke(...)` answers what `fetch_url` fetches
    parts = name.lower().split("_")
    named_for_data = len(parts) > 1 and parts[-1] in DATA_NOUNS and parts[0] not in QUESTION_WORDS | CHECKING_VERBS
    if any_verb:
        named_for_data = named_for_data or not (name[:1].isupper() or parts[0] in QUESTION_WORDS or reads_flag(parts)
                                                or name in BUILTIN_CALLS)
    if not named_for_data and (parts[0] not in DATA_VERBS or (len(parts) == 1 and parts[0] not in STANDALONE_VERBS)
                               or reads_flag(parts)):
        return None
    receiver: cst.BaseExpression = value.func
    while isinstance(receiver, (cst.Attribute, cst.Call, cst.Subscript)):
        receiver = receiver.value if not isinstance(receiver, cst.Call) else receiver.func
        if isinstance(receiver, (cst.Name, cst.Attribute)) and MOCK_WORD in last_name(receiver).lower():
            return None
    return name


def planted_search(value: cst.BaseExpression | None) -> str | None:
    """`search_patients` of `records.search_patients("Smith")`: a search named for many things (its last word a
    plural), whose answer is a collection; None for any other call (`find_user` finds one, or nothing)."""
    callee = data_callee(value, any_verb=True)
    words = callee.lower().split("_") if callee is not None else []
    if len(words) < 2 or words[0] not in SEARCH_WORDS or not words[-1].endswith("s") or words[-1].endswith("ss"):
        return None
    return callee


def _plants_answer(target: cst.BaseExpression, value: cst.BaseExpression) -> bool:
    """`fake.fetchall.return_value = [{"id": 1}]`: a fake's answer set to a non-empty literal collection."""
    return isinstance(target, cst.Attribute) and target.attr.value == "return_value" \
        and isinstance(value, (cst.List, cst.Tuple, cst.Set, cst.Dict)) and bool(value.elements)


# What a test client's response holds its body in, read as an attribute: WebTest's and Werkzeug's `resp.json`,
# WebTest's `resp.json_body`, DRF's parsed `resp.data` (Werkzeug's raw bytes), Django's and httpx's `resp.content`
# and `resp.text`, Django's template `resp.context` (and a `TemplateResponse`'s `context_data`): an error page has one too.
ITEM = "[...]"  # how a callee names one item of a body: `response.json()[...]`
# The last word of an item's key that names a value, not a yes or no (`invite_url`, `access_token`, `user_id`): its
# truth says only that some value is there, where a flag's (`archived`, `is_active`) is its whole answer.
VALUE_KEY_WORDS = frozenset({"url", "uri", "link", "href", "token", "id", "uuid", "key", "path", "slug", "email",
                             "code", "secret", "filename"})
BODY_ATTRIBUTES = frozenset({"json", "json_body", "data", "content", "text", "output", "stdout", "context",
                             "context_data"})


def response_body(value: cst.BaseExpression | None, responses: set[str]) -> str | None:
    """`resp.json()` on a test client's response (`resp = client.get(...)`, or the call itself,
    `client.get(...).json()`), or an attribute holding it (`resp.json`, `resp.data`, `resp.content`), as written: the
    body of an answer whose status nothing checked, truthy for any error page; also an item of it (`resp.json()["items"]`,
    `resp.context["latest_question_list"]`)."""
    if isinstance(value, cst.Subscript):
        body = response_body(value.value, responses)
        return f"{body}{ITEM}" if body is not None else None
    if isinstance(value, cst.Attribute) and value.attr.value in BODY_ATTRIBUTES:
        receiver: cst.BaseExpression = value.value
        read = value.attr.value
    elif isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and value.func.attr.value == "json" \
            and not value.args:
        receiver, read = value.func.value, "json()"
    else:
        return None
    if isinstance(receiver, cst.Name) and receiver.value in responses:
        return f"{receiver.value}.{read}"
    return f"response.{read}" if is_client_response(receiver) else None


def _value_item(checked: cst.BaseExpression, checks: TestChecks) -> tuple[str | None, str] | None:
    """(name, callee) of `result["invite_url"]`, `resp.json()["access_token"]`: one item of a data function's value or
    of a body, under a key naming a value (`VALUE_KEY_WORDS`), whose truth says only that some value is there."""
    if not isinstance(checked, cst.Subscript) or len(checked.slice) != 1 \
            or not isinstance(index := checked.slice[0].slice, cst.Index):
        return None
    key = index.value.evaluated_value if isinstance(index.value, cst.SimpleString) else None
    if not isinstance(key, str) or key.lower().rpartition("_")[2] not in VALUE_KEY_WORDS:
        return None
    base = checked.value
    if isinstance(base, cst.Name) and base.value in checks.results and not checks.results[base.value].endswith(ITEM):
        return base.value, shown_source(checks.results[base.value]) + ITEM
    body = response_body(base, checks.responses)
    return (None, body + ITEM) if body is not None and not body.endswith(ITEM) else None


def _asks_truth(test: cst.BaseExpression, checked: cst.BaseExpression) -> bool:
    """`assert x` or `bool(x)`: a truth check, which a boolean field answers in full (not `is not None`, not `len`)."""
    return checked is test or (isinstance(test, cst.Call) and last_name(test.func) == "bool")


def shown_source(callee: str) -> str:
    """How a message names where a value came from: a function with its arguments elided (`get_user(...)`), a
    response's body as written (`resp.json()`, WebTest's `resp.json`)."""
    receiver, _, read = callee.rpartition(".")
    return callee if callee.endswith((")", "]")) or (receiver and read in BODY_ATTRIBUTES) else f"{callee}(...)"


def reads_flag(parts: list[str]) -> bool:
    """`get_rollback`, `get_is_active`: a getter whose name says it answers yes or no."""
    return len(parts) > 1 and (parts[-1] in FLAG_WORDS or parts[1] in QUESTION_WORDS)


def falsity_checked(test: cst.BaseExpression) -> cst.BaseExpression | None:
    """The operand of `not x`, `x is False`, `x is True` or `x == False`: a check that it can be false."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return test.expression
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
        target = test.comparisons[0]
        if isinstance(target.operator, (cst.Is, cst.IsNot, cst.Equal, cst.NotEqual)) and isinstance(
                target.comparator, cst.Name) and target.comparator.value in ("True", "False"):
            return test.left
    return None


def _is_message(arg: cst.Arg) -> bool:
    """The failure message of a unittest assertion: `msg=...` or a string (`"no rows returned"`, an f-string)."""
    return (arg.keyword is not None and arg.keyword.value == "msg") or (
        arg.keyword is None and isinstance(arg.value, (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString)))


def unittest_falsity_checked(method: str, args: Sequence[cst.Arg]) -> cst.BaseExpression | None:
    """The `x` of `self.assertFalse(x)` or `self.assertIs(x, False)`: a unittest check that it can be false."""
    if method in UNITTEST_FALSY:
        return args[0].value
    if method in UNITTEST_EXACT and len(args) >= 2 and isinstance(args[1].value, cst.Name) \
            and args[1].value.value in ("True", "False"):
        return args[0].value
    return None


def truth_checked(test: cst.BaseExpression) -> cst.BaseExpression:
    """The operand of `x`, `x is not None`, `x != None`, `bool(x)` or a non-empty check (`len(x) > 0`, `len(x) >= 1`,
    `len(x) != 0`), also of an `and` of such checks on one operand; the expression itself otherwise."""
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        left, right = truth_checked(test.left), truth_checked(test.right)
        return left if left.deep_equals(right) else test
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
        target = test.comparisons[0]
        if isinstance(target.operator, (cst.IsNot, cst.NotEqual)) and isinstance(target.comparator, cst.Name) \
                and target.comparator.value == "None":
            return test.left
        measured = _length_of(test.left) if _non_empty(target.operator, target.comparator) else None
        if measured is not None:
            return measured
    measured = _length_of(test)  # `assert len(result)`: a bare length is a non-empty check
    if measured is not None:
        return measured
    if isinstance(test, cst.Call) and isinstance(test.func, cst.Name) and test.func.value == "bool" and len(test.args) == 1:
        return test.args[0].value
    return test


def type_checked(test: cst.BaseExpression) -> tuple[cst.BaseExpression, str] | None:
    """(`x`, its type's name) of `isinstance(x, list)`, `isinstance(x, (list, tuple))`, `type(x) is dict` or
    `type(x) == dict` when every type named is a builtin one; None for anything else."""
    if isinstance(test, cst.Call) and isinstance(test.func, cst.Name) and test.func.value == "isinstance" \
            and len(test.args) == 2:
        return _builtin_check(test.args[0].value, test.args[1].value)
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1 \
            and isinstance(test.comparisons[0].operator, (cst.Is, cst.Equal)) and isinstance(test.left, cst.Call) \
            and isinstance(test.left.func, cst.Name) and test.left.func.value == "type" and len(test.left.args) == 1:
        return _builtin_check(test.left.args[0].value, test.comparisons[0].comparator)
    return None


def _builtin_check(value: cst.BaseExpression, types: cst.BaseExpression) -> tuple[cst.BaseExpression, str] | None:
    named = [e.value for e in types.elements] if isinstance(types, cst.Tuple) else [types]
    names = [n.value for n in named if isinstance(n, cst.Name)]
    if not names or len(names) != len(named) or not set(names) <= BUILTIN_TYPES:
        return None
    return value, " or ".join(f"{'an' if name[0] in 'aeiou' else 'a'} `{name}`" for name in names)


def _length_of(node: cst.BaseExpression) -> cst.BaseExpression | None:
    """`x` of `len(x)`."""
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "len" and len(node.args) == 1:
        return node.args[0].value
    return None


def _counts_nothing(test: cst.BaseExpression) -> bool:
    """`len(x) >= 0`: true of every value (VC304's finding), so it is no further check of `x`."""
    if not (isinstance(test, cst.Comparison) and len(test.comparisons) == 1):
        return False
    target = test.comparisons[0]
    return _length_of(test.left) is not None and isinstance(target.operator, cst.GreaterThanEqual) \
        and isinstance(target.comparator, cst.Integer) and target.comparator.value == "0"


def _non_empty(operator: cst.BaseCompOp, bound: cst.BaseExpression) -> bool:
    """`> 0`, `!= 0` or `>= 1`: the length check any non-empty value passes."""
    number = bound.value if isinstance(bound, cst.Integer) else None
    return (isinstance(operator, (cst.GreaterThan, cst.NotEqual)) and number == "0") or (
        isinstance(operator, cst.GreaterThanEqual) and number == "1")


def name_count(node: cst.CSTNode, name: str) -> int:
    """How often a bare name occurs in a function (bindings, reads and checks alike), not as an attribute's name
    (`payload.days`) or a keyword (`forecast_payload(days=3)`)."""
    count = 0
    pending: list[cst.CSTNode] = [node]
    while pending:
        current = pending.pop()
        if type(current) is cst.Name:
            count += current.value == name
        elif type(current) is cst.Attribute or type(current) is cst.Arg:
            pending.append(current.value)
        else:
            pending.extend(child_nodes(current))
    return count


class TruthinessOnlyAssertion(TestAwareRule):
    """A test whose only check on what a data function returned is `assert result`, `is not None` or its builtin type.

    ## What it does
    Reports, in test files, `assert result`, `assert result is not None`, `assert bool(result)`, a non-empty
    check (`assert len(result) > 0`, `>= 1`, `!= 0`, `self.assertGreater(len(result), 0)`), an `and` of
    such checks, `self.assertTrue(result)` and `self.assertIsNotNone(result)`, also with a failure message
    (and the same on a direct call: `assert build_invoice(order)`) where the value comes from a function
    that builds or fetches data (its name starts with a verb such as `build_`, `get_`, `fetch_`, `load_`, `parse`, `create_`,
    `summarize`, `answer`, `classify`, or it is named for the data it makes: `weekly_report`, `order_summary`,
    `table_answer`, `fifo_cost`, `order_total`, `page_count`, `position_size`, `reset_token`, `invite_link`, `image_info`,
    not a check so named, `verify_token`; the items a generator gives, gathered by `list(spider.parse(response))`; a
    LangChain tool run through `invoke`/`run` is
    named by the tool, `fetch_rates.invoke(...)`, and so is a Prefect task's function, `load_sales.fn(...)`; dagster's
    `materialize(...)` makes a run's result; or it is the body of a
    test client's response, `resp.json()`, WebTest's `resp.json`, DRF's `resp.data`, `resp.content`, a click runner's
    `result.output`, Django's template `resp.context`, whose status nothing checks; one item of such a body,
    `resp.context["latest_question_list"]`, only for a presence or length check, since the truth of one field may be
    the whole check of a flag: `assert resp.data["archived"]`, but for a bare truth check too when the key names a
    value, not a flag (`assert resp.json()["access_token"]`, `assert result["invite_url"]` of a data function's
    value: `_url`, `_token`, `_id`, `_path`, ...); a response here is also what a function of the file
    returns when it returns a test client's), the test checks nothing else (no other `assert`, no assertion
    call, no mock `assert_*`, no `pytest.raises`) and uses the value nowhere else (a keyword of the same name,
    `forecast_payload(days=3)`, is no use). A bare `assert len(result)` is a non-empty check too. In a test named for
    what a call returns (`test_receive_returns_movement`, `test_add_returns_todo`; not `test_login_returns_true`), the
    value of any function counts, whatever its verb, but for a predicate (`is_valid(x)`, and the standard types' own:
    `url.startswith(prefix)`, `wanted.issubset(found)`) and a class.
    A presence check alone (`is not None`, a non-empty check; not a bare `assert x`) of what any function of the
    project returned counts too, whatever its name (`assert free_space(path) is not None`, `assert
    len(await client.current_many([...]))`): a yes or no is never `None` and has no length; not of a search, whose
    finding something is its answer (`find_user`, `lookup_host`, `try_parse`, `re.match`), a builtin's or the
    standard library's call, a value's own read (`config.get(key)`, `payload.json()`) or a test client's request.
    A search named for many things (`search_patients`, `find_orders`) counts as a data function, for a bare truth check
    too, once the test has set a fake's answer to a non-empty literal (`cursor.fetchall.return_value = [{"id": 1}]`):
    the test knows what it finds, so finding something is no longer its whole answer.
    An assertion true of every value (`assert len(x) >= 0`, VC304's) is no further check.
    A check of its builtin type alone counts the same (`assert isinstance(orders, list)`, `(list, tuple)`,
    `type(summary) is dict`, `self.assertIsInstance(invoice, dict)`): every wrong list is a list too. A class
    of the project's own (`isinstance(backend, RedisBackend)`) says which implementation was built, and a test named
    for the type (`test_generate_key_returns_string`) or of a function that converts a value (`to_dict`,
    `get_prep_value`, `decode_path`) checks its point: these are left alone.
    A predicate (`assert is_valid(x)`,
    `assert client.login(...)`), a getter named for a flag (`transaction.get_rollback()`,
    `get_autocommit()`, `get_is_active()`) or one the same file also expects to be false
    (`assert not get_feature_switch("x")`, `self.assertFalse(...)`), a value the test goes on to use or check,
    a call on a mock (VC308's) and an object built by calling its class (VC304's) are left alone.

    ## Why is this bad?
    A wrong answer is as truthy as the right one: a `build_invoice` that returns the wrong total, a
    `parse_tags` that returns `["a, b"]`, a `fetch_user` that returns someone else all pass. Coding
    agents write such tests to make coverage go green; they fail only when the function returns nothing.

    ## Example
    ```python
    from shop.billing import build_invoice

    def test_build_invoice():
        invoice = build_invoice({"id": 1, "items": [{"sku": "a", "qty": 2, "price": 3.0}]})
        assert invoice
    ```

    ## Use instead
    ```python
    from shop.billing import build_invoice

    def test_build_invoice():
        invoice = build_invoice({"id": 1, "items": [{"sku": "a", "qty": 2, "price": 3.0}]})
        assert invoice.total == 6.0
        assert [line["sku"] for line in invoice.lines] == ["a"]
    ```

    ## References
    - [pytest: asserting with the assert statement](https://docs.pytest.org/en/stable/how-to/assert.html)
    - [CWE-1164: Irrelevant Code](https://cwe.mitre.org/data/definitions/1164.html)
    """

    code = "VC310"
    name = "truthiness-only-assertion"
    category = Category.TESTS
    severity = Severity.LOW
    confidence = Confidence.MEDIUM
    cwe = (1164,)

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        self._answers_yes_or_no: set[str] = set()  # data-named functions the file also expects to be false
        self._pending: list[Candidate] = []
        self._response_helpers: frozenset[str] = frozenset()

    def visit_Module(self, node: cst.Module) -> None:
        self._response_helpers = response_helpers(node)

    def enter_test(self, frame: Frame) -> None:
        frame.data["checks"] = TestChecks(names_a_return=names_a_return(frame.node.name.value))

    def _checks(self) -> TestChecks | None:
        test = self.current_test
        return test.data["checks"] if test is not None else None

    def visit_Assign(self, node: cst.Assign) -> None:
        checks = self._checks()
        if checks is None:
            return
        if any(_plants_answer(target.target, node.value) for target in node.targets):
            checks.planted = True
        callee = data_callee(node.value, checks.names_a_return) or response_body(node.value, checks.responses) \
            or (planted_search(node.value) if checks.planted else None)
        response = is_client_response(node.value) or calls_response_helper(node.value, self._response_helpers)
        answered_by = self._answering_callee(node.value)
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                if answered_by is None:
                    checks.answers.pop(target.target.value, None)
                else:
                    checks.answers[target.target.value] = answered_by
                if callee is None:
                    checks.results.pop(target.target.value, None)
                else:
                    checks.results[target.target.value] = callee
                if response:
                    checks.responses.add(target.target.value)
                else:
                    checks.responses.discard(target.target.value)

    def visit_Assert(self, node: cst.Assert) -> None:
        checks = self._checks()
        if checks is not None and _counts_nothing(node.test):
            checks.idle.append(node)
        elif checks is not None:
            self._note_falsity(checks, falsity_checked(node.test))
            typed = type_checked(node.test)
            if typed is not None:
                self._note_check(checks, node, *typed)
            else:
                checked = truth_checked(node.test)
                self._note_check(checks, node, checked, presence=not _asks_truth(node.test, checked))

    def _note_falsity(self, checks: TestChecks, checked: cst.BaseExpression | None) -> None:
        """`assert not get_rollback()`, `self.assertFalse(flag)`: the function answers yes or no, its truth is the check."""
        if isinstance(checked, cst.Name) and checked.value in checks.results:
            self._answers_yes_or_no.add(checks.results[checked.value])
        elif checked is not None:
            callee = data_callee(checked)
            if callee is not None:
                self._answers_yes_or_no.add(callee)

    def visit_Call(self, node: cst.Call) -> None:
        checks = self._checks()
        if checks is None:
            return
        method = last_name(node.func)
        if isinstance(node.func, cst.Attribute) and node.args:
            self._note_falsity(checks, unittest_falsity_checked(method, node.args))
        checked = self._unittest_truth_check(node, method)
        typed = self._unittest_type_check(node, method)
        if checked is not None:
            self._note_check(checks, node, checked, presence=method != "assertTrue" and method != "assert_"
                             or not _asks_truth(node.args[0].value, checked))
        elif typed is not None:
            self._note_check(checks, node, *typed)
        elif method.lower().startswith(CHECK_PREFIXES) or method in CHECKING_CALLS:
            checks.other_checks = True

    @staticmethod
    def _unittest_truth_check(node: cst.Call, method: str) -> cst.BaseExpression | None:
        """What `self.assertTrue(x)`, `self.assertIsNotNone(x)` or `self.assertGreater(len(x), 0)` checks for truth."""
        if not isinstance(node.func, cst.Attribute):
            return None
        if method in UNITTEST_TRUTHY and node.args and node.args[0].keyword is None and all(
                _is_message(arg) for arg in node.args[1:]):
            return truth_checked(node.args[0].value)
        if method == "assertGreater" and len(node.args) == 2 and _non_empty(cst.GreaterThan(), node.args[1].value):
            return _length_of(node.args[0].value)
        return None

    @staticmethod
    def _unittest_type_check(node: cst.Call, method: str) -> tuple[cst.BaseExpression, str] | None:
        """What `self.assertIsInstance(x, dict)` checks, and the builtin type it asks for."""
        if method != "assertIsInstance" or not isinstance(node.func, cst.Attribute) or len(node.args) < 2 \
                or not all(_is_message(arg) for arg in node.args[2:]):
            return None
        return _builtin_check(node.args[0].value, node.args[1].value)

    def _note_check(self, checks: TestChecks, node: cst.CSTNode, checked: cst.BaseExpression,
                    asked: str = TRUTHY, presence: bool = True) -> None:
        """Note a weak check of a data function's value; `presence` False for a bare truth check, which of one field
        of a body (`assert resp.data["archived"]`) may be the whole check of a flag."""
        item = _value_item(checked, checks) if not presence else None
        if item is not None:
            checks.weak.append(Candidate(node, *item, asked))
            return
        if isinstance(checked, cst.Name) and checked.value in checks.results:
            callee = checks.results[checked.value]
            if presence or not callee.endswith(ITEM):
                checks.weak.append(Candidate(node, checked.value, callee, asked))
            else:
                checks.other_checks = True
            return
        if isinstance(checked, cst.Name) and presence and asked == TRUTHY and checked.value in checks.answers:
            checks.weak.append(Candidate(node, checked.value, checks.answers[checked.value], asked))
            return
        made_by = data_callee(checked, checks.names_a_return) or response_body(checked, checks.responses)
        if made_by is None and presence and asked == TRUTHY:
            made_by = self._answering_callee(checked)
        if made_by is not None and (presence or not made_by.endswith(ITEM)):
            checks.weak.append(Candidate(node, None, made_by, asked))
        else:
            checks.other_checks = True

    def _answering_callee(self, value: cst.BaseExpression | None) -> str | None:
        """`current_many` of `await client.current_many([...])`, `free_space` of `local.free_space(path)`: a function
        of the project whose answer `is not None` or a non-empty check says little of, whatever it is named for; not a
        search (`find_user`, whose finding something is its answer), a builtin or the standard library's function, a
        mapping's read (`config.get(key)`), a test client's request or a mock's method (VC308's)."""
        callee = data_callee(value, any_verb=True)
        if callee is None:
            return None
        call = value.expression if isinstance(value, cst.Await) else value
        if not isinstance(call, cst.Call) or is_client_response(call):
            return None
        words = callee.lower().split("_")
        top = (self.qualified_name(call) or "").partition(".")[0]
        if words[0] in SEARCH_WORDS or callee in VALUE_READS or callee in BUILTIN_NAMES \
                or top in sys.stdlib_module_names:
            return None
        return callee

    def exit_test(self, frame: Frame) -> None:
        checks: TestChecks = frame.data["checks"]
        if checks.other_checks or not checks.weak:
            return
        self._pending.extend(candidate for candidate in checks.weak
                             if (candidate.checked == TRUTHY or not self._named_for_type(frame.node, candidate))
                             and (candidate.name is None or not self._used_elsewhere(frame.node, candidate, checks)))

    @staticmethod
    def _named_for_type(function: cst.FunctionDef, candidate: Candidate) -> bool:
        """The type is the test's point: its name has a type word beyond those of the function it calls
        (`test_generate_key_returns_string`; `test_list_orders` calls `list_orders`, whose `list` is a verb), or the
        function converts a value (`get_prep_value`, `to_dict`)."""
        called = set(candidate.callee.lower().split("_"))
        words = set(function.name.value.lower().split("_")) - called
        return not TYPE_WORDS.isdisjoint(words) or not CONVERSION_WORDS.isdisjoint(called)

    def leave_Module(self, node: cst.Module) -> None:
        for candidate in self._pending:
            if candidate.callee in self._answers_yes_or_no:
                continue
            shown = f"`{candidate.name}`" if candidate.name is not None else "its value"
            self.report(
                candidate.node,
                f"The test only checks that {shown} from `{shown_source(candidate.callee)}` is {candidate.checked}: "
                f"any {'non-empty' if candidate.checked == TRUTHY else 'such'} wrong result passes.",
                hint="Compare the result with the value you expect (`assert result == expected`), "
                "or assert on the fields that matter.",
            )

    @staticmethod
    def _used_elsewhere(function: cst.FunctionDef, candidate: Candidate, checks: TestChecks) -> bool:
        """The name occurs beyond its one binding and its truthiness checks: the test goes on to use it."""
        if candidate.name is None:
            return False
        checked = sum(name_count(other.node, candidate.name) for other in checks.weak if other.name == candidate.name)
        checked += sum(name_count(idle, candidate.name) for idle in checks.idle)
        return name_count(function.body, candidate.name) > 1 + checked
