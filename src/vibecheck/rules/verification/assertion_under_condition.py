"""VC311: a test whose every assertion sits under an `if` on the result it checks, so a wrong result skips them all."""

from __future__ import annotations

import builtins
import sys
from dataclasses import dataclass, field

import libcst as cst

from vibecheck.analysis.flow import short_code
from vibecheck.analysis.nodes import bound_names
from vibecheck.cst_fields import calls_in, child_nodes, names_in, walk_own
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.verification._shared import (
    Frame,
    TestAwareRule,
    calls_response_helper,
    is_client_response,
    is_communicator_read,
    last_name,
    response_helpers,
    says_nothing_raises,
)

# Calls that fail the test by themselves: under an `if` they are the check (`if r.status_code != 200: pytest.fail()`).
FAILING_CALLS = frozenset({"fail", "skip", "xfail", "skipTest"})
ASSERTION_PREFIXES = ("assert",)
# List methods that put items in: a list the test fills itself is not empty when its loop runs.
FILLING_METHODS = frozenset({"append", "extend", "insert"})
# `numbers = list(range(10))`, `kml = getattr(case, "kml", None)`: a builtin builds the test's input, not a result.
BUILTINS = frozenset(dir(builtins))
# Builtins that hand on the items of the one iterable they wrap (`for i, row in enumerate(rows)`): a loop over them
# walks that iterable.
PASSING_ITEMS = frozenset({"enumerate", "sorted", "reversed", "list", "tuple", "set", "iter"})


Guard = cst.If | cst.For | cst.ExceptHandler
# Receivers whose method calls drive no object under test: the test case itself.
OWN_OBJECTS = frozenset({"self", "cls"})


@dataclass
class TestConditions:
    """One test's names bound from calls, the `if`s on them open in the walk, and where its assertions sit."""

    results: set[str] = field(default_factory=set)
    # Names holding a test client's response or data read from one (`data = response.json()`): a `for` over them
    # checks nothing when the endpoint answers with an empty list or an error.
    responses: set[str] = field(default_factory=set)
    loops: int = 0  # `for` loops open in the walk: an `if` in one picks the cases of a table, not a result to check
    # Names the test binds to an empty list (`handled = []`) and never fills itself: only a callback it hands to the
    # code (`side_effect=lambda body: handled.append(body)`) does, so a `for` over one checks nothing when it is empty.
    empty_lists: set[str] = field(default_factory=set)
    callbacks: int = 0  # lambdas open in the walk: what they append is the code's doing, not the test's
    # Names the test last bound to a value of its own (`expected = {"a": 1}`, `rows = list(range(3))`): a loop over
    # `expected.items()` walks the test's table, not a result.
    inputs: set[str] = field(default_factory=set)
    # Names bound from a call that selects (`s3.list_keys(client, target)`, `repo.list_for("nobody")`): see `_selects`.
    selections: set[str] = field(default_factory=set)
    # Blocks open in the walk that run only for some results: an `if` on a result, a `for` over one, an `except`
    # (runs only when the code raises); None: a block that runs whatever the result.
    open_conditions: list[Guard | None] = field(default_factory=list)
    # Objects the test called a method of as a statement (`await worker.fan_out(event)`): the state they hold after it
    # (`worker._tasks`) is what the code made, a result as much as a returned value.
    changed: set[str] = field(default_factory=set)
    # Names bound from a call handed nothing (`executor = get_executor()`): a reading of the test's environment, and the
    # `if`s of a switch over its values (`_switch_chain`) that pick each setting's own checks.
    settings: set[str] = field(default_factory=set)
    switches: set[int] = field(default_factory=set)
    first_condition: Guard | None = None
    conditional: int = 0
    unconditional: int = 0


def _ends_in_else(node: cst.If) -> bool:
    """An `if`/`elif` chain with a final `else:`: some branch runs whatever the result."""
    branch: cst.If | cst.Else | None = node
    while isinstance(branch, cst.If):
        branch = branch.orelse
    return isinstance(branch, cst.Else)


def _compared_name(test: cst.BaseExpression) -> str | None:
    """`executor` of `executor == "simple"`: a name tested for equality with one literal; else None."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1 \
            or not isinstance(test.comparisons[0].operator, cst.Equal):
        return None
    left, right = test.left, test.comparisons[0].comparator
    if isinstance(right, cst.Name) and isinstance(left, (cst.SimpleString, cst.Integer)):
        left, right = right, left
    return left.value if isinstance(left, cst.Name) and isinstance(right, (cst.SimpleString, cst.Integer)) else None


def _asserts(body: cst.BaseSuite) -> bool:
    return any(isinstance(node, cst.Assert) or (isinstance(node, cst.Call)
               and last_name(node.func).startswith(ASSERTION_PREFIXES)) for node in walk_own(body))


def _switch_chain(node: cst.If, settings: set[str]) -> list[cst.If]:
    """`if executor == "simple": ... elif executor == "multiprocessing": ...` on a setting the test read, every branch
    asserting: each value of the setting has its own checks (django-tenants' tests per migration executor); else []."""
    chain: list[cst.If] = []
    branch: cst.If | cst.Else | None = node
    while isinstance(branch, cst.If):
        chain.append(branch)
        branch = branch.orelse
    names = {_compared_name(link.test) for link in chain}
    if len(chain) < 2 or len(names) != 1 or not names <= settings or not all(_asserts(link.body) for link in chain):
        return []
    return chain


def _reads_response(value: cst.BaseExpression, responses: set[str]) -> bool:
    """`client.get(...)`, `client.get(...).json()["items"]`, or `response.json()`, `data["items"]` on a name holding
    a response or its data: a chain of reads from the answer itself (not `parse(response.content)`, another result)."""
    node: cst.BaseExpression = value
    while True:
        if is_client_response(node) or is_communicator_read(node):
            return True
        if isinstance(node, cst.Await):
            node = node.expression
        elif isinstance(node, (cst.Attribute, cst.Subscript)):
            node = node.value
        elif isinstance(node, cst.Call):
            node = node.func
        else:
            return isinstance(node, cst.Name) and node.value in responses


def _items_of(value: cst.BaseExpression) -> cst.BaseExpression:
    """`spider.parse(page)` of `list(spider.parse(page))` or `sorted(await repo.rows(key))`: what a builtin that hands
    on the items of its one argument wraps."""
    while True:
        if isinstance(value, cst.Await):
            value = value.expression
        elif isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value in PASSING_ITEMS \
                and len(value.args) == 1 and not value.args[0].star:
            value = value.args[0].value
        else:
            return value


def _selects(call: cst.Call) -> bool:
    """A chain of calls one of which is handed what to pick (`repo.list_for("nobody")`, `qs.filter(votes__gt=0)`,
    `conn.execute(query).fetchall()`) and none of which builds an object by its class (`FormSet(form_kwargs=...)`):
    a selection may well find nothing, where a listing of everything (`api.list_orders()`,
    `Model._meta.get_fields()`) walks what the fixtures or the code made."""
    node: cst.BaseExpression = call
    selects = False
    while isinstance(node, (cst.Call, cst.Attribute, cst.Subscript)):
        if isinstance(node, cst.Call):
            if last_name(node.func)[:1].isupper():
                return False
            selects = selects or bool(node.args)
            node = node.func
        else:
            node = node.value
    return selects


def _reads_state_of(test: cst.BaseExpression, changed: set[str]) -> bool:
    """`worker._tasks`, `len(cart.items)`: the test reads an attribute (not a method) of an object it drove."""
    pending: list[cst.CSTNode] = [test]
    while pending:
        current = pending.pop()
        if type(current) is cst.Call:
            pending.extend(arg.value for arg in current.args)
            continue
        if type(current) is cst.Attribute and _root_name(current) in changed:
            return True
        pending.extend(child_nodes(current))
    return False


# Attributes that collect what went wrong (`worker.failed`, `report.errors`, `batch.rejected`): empty whenever the
# code works, so a loop over one checks nothing on the path a test usually drives.
FAILURE_COLLECTION = lazy_pattern(r"(?:^|_)(?:failed|failures|errors|rejected|skipped|dropped|invalid|dead)(?:_|$)")


def _walks_failures_of(iterable: cst.BaseExpression, changed: set[str]) -> bool:
    """`worker.failed` after `await worker.handle(job)`: a collection of failures on an object the test drove."""
    node = iterable.expression if isinstance(iterable, cst.Await) else iterable
    return isinstance(node, cst.Attribute) and _root_name(node) in changed \
        and FAILURE_COLLECTION.search(node.attr.value) is not None


def _root_name(node: cst.BaseExpression) -> str | None:
    """`crawler` of `crawler.robots.rules()`, `rows` of `rows[0].items`; None when no name starts the chain."""
    while isinstance(node, (cst.Attribute, cst.Subscript, cst.Call)):
        node = node.func if isinstance(node, cst.Call) else node.value
    return node.value if isinstance(node, cst.Name) else None


def _read_names(node: cst.CSTNode) -> set[str]:
    """The names an expression reads, not the attributes it reads on them (`url` of `url.startswith(prefix)`, and
    `prefix`) nor a call's keywords."""
    found: set[str] = set()
    pending: list[cst.CSTNode] = [node]
    while pending:
        current = pending.pop()
        if type(current) is cst.Name:
            found.add(current.value)
        elif type(current) is cst.Attribute or type(current) is cst.Arg:
            pending.append(current.value)
        else:
            pending.extend(child_nodes(current))
    return found


def _only_checks_items(loop: cst.For, bound: set[str]) -> bool:
    """The loop's body checks the items it walks against constants, and runs no code on them: no item handed to a call
    (`parse(text)`), no value bound from a call (`result = api.parse(case.text)`), no other value of the test compared
    (`assert result[key] == value`, `assert item.history == total[0:i]` of a `total` read from the result's last
    item, which fails on an empty one); such a loop walks a table of cases, or is not the only check of the result."""
    items = set(names_in(loop.target))
    others = bound - items
    for node in walk_own(loop.body):
        if isinstance(node, cst.Assign) and any(True for _ in calls_in(node.value)):
            return False
        if isinstance(node, cst.Assert) and not _read_names(node.test).isdisjoint(others):
            return False
        if not isinstance(node, cst.Call):
            continue
        read = set().union(*(_read_names(argument.value) for argument in node.args))
        if last_name(node.func).startswith(ASSERTION_PREFIXES):
            if not read.isdisjoint(others):
                return False
        elif not (isinstance(node.func, cst.Name) and node.func.value in BUILTINS) and not read.isdisjoint(items):
            return False
    return True


def _may_not_raise(test: cst.FunctionDef) -> bool:
    """A test named or documented for the code not raising: its `except` checks the one failure it tolerates."""
    return says_nothing_raises(test)


class AssertionUnderCondition(TestAwareRule):
    """A test whose every assertion sits under an `if` on the result it checks: a wrong result skips them all.

    ## What it does
    Reports a test (in test files) whose assertions (`assert`, `self.assert*`, a mock's `assert_*`) all sit
    under an `if` (or `if`/`elif` chain) without an `else` whose condition reads a value the test got from a call (`response =
    client.get(...)`, then `if response.status_code == 200: assert ...`; `if result: assert result["id"] == 1`) or the
    state of an object the test drove (`await worker.fan_out(event)`, then `if worker.tasks: assert ...`: an attribute,
    not a method, of an object whose method the test called as a statement).
    When the condition is false, nothing is checked and the test passes. The same for assertions that all sit in
    a `for` loop over a test client's response (`for order in client.get("/orders").json(): assert ...`: an
    empty or error answer checks nothing; also one a function of the file hands back, `def invoke(runner, *args): return
    runner.invoke(cli, args)`, and what a Django Channels `WebsocketCommunicator` read returns, `reply =
    await comm.receive_json_from()`), or over a list the test starts empty and only a callback it hands
    to the code fills (`handled = []`, `side_effect=lambda body: handled.append(body)`), or over an empty literal
    (`for failure in []:`, which never runs), or over what a call that selects returned, one handed what to pick
    (`keys = s3.list_keys(client, target)`, `repo.list_for("nobody")`, `choice_set.filter(votes__gt=0)`, `rows =
    conn.execute(query).fetchall()`, `kept, rejected = split(rows, rule)`, also `sorted(keys)`, `keys[1:]`), or over the
    failures an object the test drove collects (`await worker.handle(job)`, then `for job in worker.failed:`, also
    `errors`, `rejected`, `skipped`: empty whenever the code works), which may well
    find nothing, when the loop only checks its items against constants (`assert key.startswith("p/")`); a listing of
    everything
    (`api.list_orders()`, `Model._meta.get_fields()`, which walks what the fixtures or the code made), an object
    built by its class (`for form in FormSet(...)`) or its attributes, a loop that hands each item to the code
    (`assert parse(text) == ...`, a table of cases) or compares it with another value of the test (`assert
    totals[key] == value` over the test's own `expected.items()`), an attribute of a fixture it did not drive, a builtin's or the
    standard library's work on the test's input (`os.listdir(tmp_path)`) and a list the test fills itself are left
    alone) or in the
    `except` of a `try` (`except ValueError as exc: assert "bad" in str(exc)`: when
    the code does not raise, nothing is checked; a `pytest.fail(...)` after the call in the `try` is a check,
    and a test whose name or docstring says the code must not raise is left alone). An `if` that fails
    the test itself (`if response.status_code != 200: pytest.fail(...)`, a `raise`; not one in a fake the test
    defines, `async def boom(): raise ValueError`) is a check, and so is any assertion outside such a block; a
    condition on anything else (`if sys.platform == "win32":`, a fixture's
    flag, a value a builtin built: `numbers = list(range(10))`, one the standard library worked out from the test's
    input and no result: `resolved = os.path.abspath(relative_path)`), a switch over a setting the test read from a call
    handed nothing whose every branch asserts (`executor = get_executor()`, then `if executor == "simple": ...` and
    `elif executor == "multiprocessing": ...`: each setting's own checks), an `if` with an `else` branch and an `if` or
    `except` inside a `for` loop (which picks the cases of a table of inputs) are left alone.

    ## Why is this bad?
    The test goes green exactly when the code is broken: an error status, `None` or an empty answer skips
    every check. Coding agents write such guards to make a flaky or failing test pass.

    ## Example
    ```python
    def test_get_user(client):
        response = client.get("/users/1")
        if response.status_code == 200:
            assert response.json()["id"] == 1
    ```

    ## Use instead
    ```python
    def test_get_user(client):
        response = client.get("/users/1")
        assert response.status_code == 200
        assert response.json()["id"] == 1
    ```

    ## References
    - [pytest: asserting with the assert statement](https://docs.pytest.org/en/stable/how-to/assert.html)
    - [CWE-1164: Irrelevant Code](https://cwe.mitre.org/data/definitions/1164.html)
    """

    code = "VC311"
    name = "assertion-under-condition"
    category = Category.TESTS
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (1164,)
    # Every finding sits under an `if`, in a `for` or in an `except` of a test.
    file_hints = ("if ", "for ", "except")

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self._response_helpers: frozenset[str] = frozenset()

    def visit_Module(self, node: cst.Module) -> None:
        self._response_helpers = response_helpers(node)

    def enter_test(self, frame: Frame) -> None:
        frame.data["conditions"] = TestConditions()

    def _conditions(self) -> TestConditions | None:
        test = self.current_test
        return test.data["conditions"] if test is not None else None

    def visit_Assign(self, node: cst.Assign) -> None:
        conditions = self._conditions()
        if conditions is None:
            return
        value = node.value.expression if isinstance(node.value, cst.Await) else node.value
        targets = {name for t in node.targets for name in bound_names(t.target)}
        if isinstance(value, cst.Call) and not (isinstance(value.func, cst.Name) and value.func.value in BUILTINS) \
                and not self._derives_input(value, conditions):
            conditions.results.update(targets)
            conditions.inputs.difference_update(targets)
        else:
            conditions.inputs.update(targets)
        if isinstance(value, cst.Call) and not value.args and len(targets) == 1:
            conditions.settings.update(targets)
        else:
            conditions.settings.difference_update(targets)
        items = _items_of(value)
        if isinstance(items, cst.Call) and not (isinstance(items.func, cst.Name) and items.func.value in BUILTINS) \
                and _selects(items) and not self._derives_input(items, conditions):
            conditions.selections.update(targets)
        else:
            conditions.selections.difference_update(targets)
        if self.frames[-1].is_test and not conditions.callbacks:
            if isinstance(value, cst.List) and not value.elements:
                conditions.empty_lists.update(targets)
            else:
                conditions.empty_lists.difference_update(targets)
        if _reads_response(node.value, conditions.responses) or calls_response_helper(node.value, self._response_helpers):
            conditions.responses.update(targets)
        else:
            conditions.responses.difference_update(targets)

    def _derives_input(self, call: cst.Call, conditions: TestConditions) -> bool:
        """`resolved = os.path.abspath(relative_path)`, `cwd = os.getcwd()`: the standard library working out the
        test's own input, from no result; an `if` on it picks the case (a parameter's), not the result to check."""
        top = (self.qualified_name(call) or "").partition(".")[0]
        return top in sys.stdlib_module_names and all(
            conditions.results.isdisjoint(names_in(argument.value)) for argument in call.args)

    def visit_If(self, node: cst.If) -> None:
        conditions = self._conditions()
        if conditions is None:
            return
        if id(node) not in conditions.switches:
            conditions.switches.update(map(id, _switch_chain(node, conditions.settings)))
        on_result = not conditions.loops and not _ends_in_else(node) and id(node) not in conditions.switches and (
            not conditions.results.isdisjoint(names_in(node.test)) or _reads_state_of(node.test, conditions.changed))
        conditions.open_conditions.append(node if on_result else None)

    def visit_Expr(self, node: cst.Expr) -> None:
        conditions = self._conditions()
        value = node.value.expression if isinstance(node.value, cst.Await) else node.value
        if conditions is not None and isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute):
            root = _root_name(value.func.value)
            if root is not None and root not in OWN_OBJECTS:
                conditions.changed.add(root)

    def leave_If(self, node: cst.If) -> None:
        conditions = self._conditions()
        if conditions is not None and conditions.open_conditions:
            conditions.open_conditions.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        conditions = self._conditions()
        if conditions is not None:
            conditions.callbacks += 1

    def leave_Lambda(self, node: cst.Lambda) -> None:
        conditions = self._conditions()
        if conditions is not None:
            conditions.callbacks -= 1

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._filled(node.target)

    def _filled(self, target: cst.BaseExpression) -> None:
        """The test itself puts items in a list (`handled.append(x)`, `handled += [x]`): it is not only a callback's."""
        conditions = self._conditions()
        if conditions is not None and isinstance(target, cst.Name) and self.frames[-1].is_test \
                and not conditions.callbacks:
            conditions.empty_lists.discard(target.value)

    def visit_For(self, node: cst.For) -> None:
        conditions = self._conditions()
        if conditions is not None:
            over_result = not conditions.loops and (_reads_response(node.iter, conditions.responses) or (
                isinstance(node.iter, cst.Name) and node.iter.value in conditions.empty_lists)
                or (type(node.iter) in (cst.List, cst.Tuple) and not node.iter.elements)  # type: ignore[attr-defined]
                or ((self._walks_result(node.iter, conditions) or _walks_failures_of(node.iter, conditions.changed))
                    and _only_checks_items(node, conditions.results | conditions.inputs)))
            conditions.open_conditions.append(node if over_result else None)
            conditions.loops += 1

    def _walks_result(self, iterable: cst.BaseExpression, conditions: TestConditions) -> bool:
        """`keys` bound from `s3.list_keys(client, target)`, `choice_set.filter(votes__gt=0)`, `sorted(rows)`,
        `rows[1:]` of `rows = conn.execute(query).fetchall()`: what a call that selects returned, which may be empty
        (see `_selects`; not a builtin's, not the standard library's work on the test's input, not a fixture's
        attribute)."""
        node: cst.BaseExpression = iterable
        while True:
            if isinstance(node, cst.Await):
                node = node.expression
            elif isinstance(node, cst.Subscript):
                node = node.value
            elif isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value in BUILTINS:
                if node.func.value not in PASSING_ITEMS or len(node.args) != 1 or node.args[0].star:
                    return False
                node = node.args[0].value
            elif isinstance(node, cst.Call):
                return isinstance(node.func, (cst.Name, cst.Attribute)) and _selects(node) \
                    and not self._derives_input(node, conditions) and _root_name(node.func) not in conditions.inputs
            else:
                return isinstance(node, cst.Name) and node.value in conditions.selections

    def leave_For(self, node: cst.For) -> None:
        conditions = self._conditions()
        if conditions is not None:
            conditions.loops -= 1
            conditions.open_conditions.pop()

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        conditions = self._conditions()
        if conditions is not None:
            conditions.open_conditions.append(None if conditions.loops else node)

    def leave_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        conditions = self._conditions()
        if conditions is not None:
            conditions.open_conditions.pop()

    def visit_Assert(self, node: cst.Assert) -> None:
        self._note_assertion()

    def visit_Raise(self, node: cst.Raise) -> None:
        """A `raise` in the test fails it; one in a fake the test defines (`async def boom(): raise ...`) is no check."""
        conditions = self._conditions()
        if conditions is not None and self.frames[-1].is_test:
            conditions.unconditional += 1

    def visit_Call(self, node: cst.Call) -> None:
        conditions = self._conditions()
        if conditions is None:
            return
        method = last_name(node.func)
        if method in FILLING_METHODS and isinstance(node.func, cst.Attribute):
            self._filled(node.func.value)
        if method in FAILING_CALLS:
            conditions.unconditional += 1
        elif method.startswith(ASSERTION_PREFIXES) or method == "raises":
            self._note_assertion()

    def _note_assertion(self) -> None:
        conditions = self._conditions()
        if conditions is None:
            return
        guard = next((c for c in conditions.open_conditions if c is not None), None)
        if guard is None:
            conditions.unconditional += 1
            return
        conditions.conditional += 1
        if conditions.first_condition is None:
            conditions.first_condition = guard

    def exit_test(self, frame: Frame) -> None:
        conditions: TestConditions = frame.data["conditions"]
        guard = conditions.first_condition
        if conditions.unconditional or guard is None:
            return
        name = frame.node.name.value
        if isinstance(guard, cst.ExceptHandler) and _may_not_raise(frame.node):
            return
        if isinstance(guard, cst.ExceptHandler):
            caught = f"except {short_code(guard.type)}" if guard.type is not None else "except"
            self.report(guard, f"Every assertion of `{name}` sits in `{caught}:`: when the code does not raise, "
                               "nothing is checked and the test passes.",
                        hint="Expect the error with `with pytest.raises(...) as excinfo:` (or `self.assertRaises`), "
                        "then check `excinfo.value` after the block.")
        elif isinstance(guard, cst.For):
            self.report(guard, f"Every assertion of `{name}` sits in `for {short_code(guard.target)} in "
                               f"{short_code(guard.iter)}:`: when the result is empty, nothing is checked and the "
                               "test passes.",
                        hint="Assert how many items you expect first (`assert len(items) == 2`), then check each.")
        else:
            self.report(
                guard,
                f"Every assertion of `{name}` sits under `if {short_code(guard.test)}:`: when the result makes "
                "the condition false, nothing is checked and the test passes.",
                hint="Assert the condition itself (`assert response.status_code == 200`), then check the result "
                "unconditionally.",
            )
