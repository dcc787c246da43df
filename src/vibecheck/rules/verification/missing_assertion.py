"""VC303: a test function that asserts nothing, so it passes whenever the code under it does not raise."""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.verification._shared import (
    NO_RAISE_INTENT,
    Frame,
    TestAwareRule,
    hollow_mock_check,
    is_fixture,
    is_telling_call,
    last_name,
    says_nothing_raises,
)

# Calls that fail the test by themselves, by what they resolve to through the file's imports.
ASSERTING_CALLS = frozenset({
    "pytest.raises", "pytest.warns", "pytest.deprecated_call", "pytest.fail",
    "unittest.TestCase.fail",
})
# nose-style assertion functions (`nose.tools`, `sqlalchemy.testing`: `eq_(result, [("d4",)])`, `is_(x, None)`), called
# by their bare imported name; as methods (`column.in_([...])`) they are something else.
# Context managers that check the block they wrap: called alone on a line with only the expected error, they wrap
# nothing and check nothing (`pytest.raises(ValueError)`, then the call on the next line).
EXPECTING_CALLS = frozenset({"pytest.raises", "pytest.warns", "pytest.deprecated_call"})
# `warnings` filters given the "error" action make any matching warning raise: a test that sets one (`with
# warnings.catch_warnings(): warnings.simplefilter("error", DeprecationWarning)`, then the calls) checks they do not warn.
WARNING_FILTERS = frozenset({"warnings.simplefilter", "warnings.filterwarnings"})
ERROR_ACTION = "error"
NOSE_STYLE_ASSERTIONS = frozenset({"eq_", "ne_", "ok_", "is_", "is_not", "is_not_", "is_true", "is_false", "in_",
                                   "not_in", "not_in_", "lt_", "le_", "gt_", "ge_", "is_none", "is_not_none",
                                   "is_instance_of"})
# Request methods of a test client (`get`, `post_json`): given `status=404`, WebTest's `TestApp` checks the answer's status.
TEST_CLIENT_VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request"})
# Method names on any receiver that fail the test (`self.fail(...)`), pytest's `LineMatcher` checks of a run's
# output (`result.stdout.fnmatch_lines(["*passed*"])` fails the test when no line matches) and its `HookRecorder`'s
# count of outcomes (`reprec.assertoutcome(passed=1)`, one word, which the `assert` prefix does not match).
ASSERTING_METHODS = frozenset({"fail", "fnmatch_lines", "re_match_lines", "no_fnmatch_line", "no_re_match_line",
                               "assertoutcome"})
# Context managers that expect their block to raise: what a test calls there signals failure by raising.
RAISES_CONTEXTS = frozenset({"pytest.raises"})
RAISES_METHODS = frozenset({"assertRaises", "assertRaisesRegex", "assertRaisesMessage"})
# A test body that starts by skipping is a skipped test (VC306 asks for its reason), not one that asserts nothing.
SKIPPING_CALLS = frozenset({"pytest.skip", "pytest.xfail", "pytest.importorskip"})
SKIPPING_METHODS = frozenset({"skipTest"})
# Decorators that skip a test whatever happens (`@skip("Model is not lockable")` on an inherited test the subclass turns
# off): given a reason, the runner reports it as skipped, never as passed.
SKIPPING_DECORATORS = frozenset({"unittest.skip", "pytest.mark.skip"})
# Decorators that expect the test to fail, for a reason or an error they name (`@pytest.mark.xfail(raises=FrozenError)`,
# `@pytest.mark.xfail(reason="Invalid schemas are expected to fail.")`): the error is the outcome the test is about.
FAILING_DECORATORS = frozenset({"pytest.mark.xfail", "unittest.expectedFailure"})
# A benchmark (pytest-benchmark's or pytest-codspeed's `benchmark` fixture, the `pytest.mark.benchmark` mark on the test,
# its class or its module's `pytestmark`) measures time: it has nothing to assert, and a correctness test covers its code.
BENCHMARK_FIXTURES = frozenset({"benchmark"})
BENCHMARK_MARKS = frozenset({"pytest.mark.benchmark"})
# Methods that run after each test of their class: an assertion there checks every test (`self.finished` set by each).
TEARDOWN_METHODS = frozenset({"tearDown", "asyncTearDown", "teardown_method"})
# Modules whose test base classes we know: their helpers that check start with `assert` (or `fail`), so a `self.<m>()`
# a test inherits from them is not a hidden check. A base from anywhere else (the project's own `OAuth2Test` in
# `tests/backends/oauth.py`) may define the `self.do_login()` that asserts, out of this file's sight.
KNOWN_TEST_BASE_MODULES = ("unittest.", "django.test.", "rest_framework.test.", "tornado.testing.", "aiohttp.test_utils.",
                           "twisted.trial.", "asynctest.", "flask_testing.", "pytest.")


# A module of the project's own test support (`tests.helpers`, `qcportal.dataset_testing_helpers`, `.conftest`, a
# relative import beside the test file): a function of it the test calls for nothing it returns is a shared check,
# which asserts where this file cannot show it.
TEST_SUPPORT_MODULE = lazy_pattern(r"(?:^|[._])(?:tests?|testing|testutils?|testlib|conftest)(?:$|[._])")
# The first word of a support function that sets something up rather than checking it (`create_user`, `setup_db`).
SETUP_VERBS = frozenset({"make", "create", "build", "get", "set", "setup", "add", "insert", "seed", "load", "prepare",
                         "mock", "patch", "fake", "generate", "new", "init", "reset", "clear", "clean", "cleanup",
                         "teardown", "start", "stop", "register", "populate", "fill", "login", "log"})


# A reproduction of a reported bug (`"""https://github.com/org/lib/issues/11663"""`, `# see #3679`, `gh-1234`): the
# report was a crash, so running the reproduction without one is the check.
ISSUE_REFERENCE = lazy_pattern(r"/(?:issues|pull)/\d+|(?:^|[\s(])(?:#|gh-|GH-|bpo-)\d{2,}\b|\bissue #?\d{2,}\b")
# A comment: a `#` that starts a line or follows a space (a `#` inside a literal may match too; the text is only
# searched for a no-raise intent).
COMMENT = lazy_pattern(r"(?:^|\s)#+\s?(.*)$")


@dataclass(frozen=True)
class Options:
    assertion_prefixes: tuple[str, ...] = ("assert", "check", "expect", "verify")


def _defines_only(node: cst.FunctionDef) -> bool:
    """A test whose code runs where it defines things: only classes and functions with a decorator or a base
    (`@attr.s(frozen=True) class C: x = attr.ib(on_setattr=nop)`, `class Model(BaseModel, Generic[T])`), type variables
    and the types it subscripts (`Model[int]`). The library's decorator or metaclass checks the definition and raises,
    so defining is the check: there is no result to assert on."""
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    runs_library_code = False
    for statement in body:
        if isinstance(statement, (cst.ClassDef, cst.FunctionDef)):
            bases = (*statement.bases, *statement.keywords) if isinstance(statement, cst.ClassDef) else ()
            runs_library_code = runs_library_code or bool(statement.decorators) or bool(bases)
        elif not (isinstance(statement, cst.SimpleStatementLine) and all(map(_declares, statement.body))):
            return False
    return runs_library_code


def _declares(small: cst.BaseSmallStatement) -> bool:
    """`T = TypeVar("T")`, `Alias = Model[int]`, `Model[int]`, `pass`, a docstring: no call whose result is dropped."""
    if isinstance(small, cst.Pass):
        return True
    if isinstance(small, cst.Assign):
        value = small.value
        makes_type = isinstance(value, cst.Call) and last_name(value)[:1].isupper()  # `TypeVar("T")`, `NewType(...)`
        return (makes_type or isinstance(value, (cst.Subscript, cst.Name, cst.Attribute))) \
            and all(isinstance(t.target, cst.Name) for t in small.targets)
    return isinstance(small, cst.Expr) and isinstance(small.value, (cst.Subscript, cst.SimpleString))


def _requests_a_status(call: cst.Call, called: str) -> bool:
    """`app.get(url, status=403)`, `app.post_json(url, data, status=[200, 201])`: WebTest's `TestApp` (and clients built
    like it, CKAN's `CKANTestApp`) fails the test when the response has another status."""
    status = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "status"), None)
    if status is None or not isinstance(call.func, cst.Attribute) or called.partition("_")[0] not in TEST_CLIENT_VERBS:
        return False
    values = [e.value for e in status.elements] if isinstance(status, (cst.List, cst.Tuple, cst.Set)) else [status]
    return bool(values) and all(isinstance(v, cst.Integer) for v in values)


def _called_for_their_raise(node: cst.FunctionDef) -> set[str]:
    """The calls a test makes as statements of its own body, their results dropped (`validate_url(url)`, also awaited):
    called for whether they raise; one inside a `try` whose handler takes the error checks no such thing."""
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    values = [small.value for statement in body if isinstance(statement, cst.SimpleStatementLine)
              for small in statement.body if isinstance(small, cst.Expr)]
    return {last_name(value.expression if type(value) is cst.Await else value) for value in values
            if type(value) is cst.Call or (type(value) is cst.Await and type(value.expression) is cst.Call)}


def _is_self(node: cst.BaseExpression) -> bool:
    """`self`, also as typed for a checker: `cast("SupportsLoginFlow", self)`."""
    if isinstance(node, cst.Call) and last_name(node) == "cast" and node.args:
        node = node.args[-1].value
    return isinstance(node, cst.Name) and node.value == "self"


class TestWithoutAssertion(TestAwareRule):
    """A test function that checks nothing: no `assert`, no `pytest.raises`, no assertion helper.

    ## What it does
    Reports a test function (`test*` functions and the `test*` methods of `Test*` classes or
    `unittest.TestCase` subclasses, in test files) that contains no `assert` statement, no `raise`,
    no `pytest.raises`/`pytest.warns`/`pytest.fail` (one called alone on a line with only the expected error,
    `pytest.raises(ValueError)`, wraps nothing and checks nothing), no `self.assert*`/`self.fail` call, no pytester
    line match (`result.stdout.fnmatch_lines([...])`) or outcome count (`reprec.assertoutcome(passed=1)`), no
    nose-style `eq_()`/`is_()`/`ok_()` (as `nose.tools` and `sqlalchemy.testing` spell them), no request of a
    WebTest-style client that names the status it expects (`app.get(url, status=403)`, which fails on any other), no
    mock `assert_*` call, no `warnings` filter that makes warnings raise (`warnings.simplefilter("error",
    DeprecationWarning)`: the calls after it are checked not to warn), and calls no function whose name starts with
    an assertion prefix (`assert`,
    `check`, `expect`, `verify`), nor runs code in a context manager class named with one of them capitalised
    (`with ExpectLog(app_log, "Exception in callback"):`, which fails on exit when the log never came). A helper
    defined in the same file counts when it asserts itself, and so does a mock assertion that is never made
    (`m.assert_called_once` without `()`, `m.called_once_with(x)`): VC304 reports that line, saying what to
    write instead. A test counts when it asks for a fixture of the same file that asserts (after its `yield`: `assert
    store.integrity_ok()`). A test method counts when its class's `tearDown` (`asyncTearDown`, `teardown_method`)
    asserts: that check runs after each test (`self.assertTrue(self.finished)`). So does a test method calling
    `self.<helper>()` that this file does not define, in a class built on a base from outside the file and the known
    test frameworks (`class GithubTest(OAuth2Test): def test_login(self): self.do_login()`): the project's base
    class defines that helper, and it may assert where this file cannot show it. So does a test that calls, for
    nothing it returns, a function of the project's own test support (`ds_helpers.run_dataset_add_get_entry(client,
    ds)` from `qcportal.dataset_testing_helpers`, a function of `tests.helpers`, `conftest` or a module imported
    relatively beside the test), unless its name says it sets something up (`create_user`, `setup_db`, `load_...`).
    Left alone: a test that skips itself at the top (`pytest.skip(...)`, `self.skipTest(...)`) or is always skipped
    by its decorator for a reason it gives (`@unittest.skip("Model is not lockable")`,
    `@pytest.mark.skip(reason="...")`; a bare `@pytest.mark.skip` is still reported, and VC306 asks why), one expected
    to fail for a reason or an error it names (`@pytest.mark.xfail(raises=FrozenError)`, `@unittest.expectedFailure`),
    one that only defines classes or functions with a decorator or a base (`@attr.s(frozen=True) class C: ...`,
    `class Model(BaseModel, Generic[T])`), type variables and the generic types it subscripts (`Model[int]`): the
    library's decorator or metaclass checks the definition and raises, so defining is the check, one whose docstring or
    comments cite the bug report it reproduces (a docstring `https://github.com/org/lib/issues/11663`, `# see #3679`): the
    reproduction fails by raising, as the report did, one that runs
    its code inside `with expectation:` where `expectation` is a parameter (parametrized `pytest.raises` or
    null context), one whose name, docstring or comments (also after the code on a line) say its point is that
    nothing raises (`test_parse_does_not_raise`, "Nothing happens if the value is valid.", "(no raise)",
    `validate(path)  # should not raise`, `await cache.invalidate("tok")  # no exception`), one that calls, as a
    statement of its body, a function that another test of the file expects to raise
    (`validate_url("https://example.com")` beside `with pytest.raises(SecurityError): validate_url("ftp://...")`: the
    function refuses by raising, so a call that returns is the check), one that only
    imports (`def test_import(): import mypackage`) or looks up attributes of imported modules
    (`requests.packages.urllib3`, which raises `AttributeError` when the module lacks it), a benchmark (a test given
    pytest-benchmark's or pytest-codspeed's
    `benchmark` fixture, or marked `pytest.mark.benchmark` itself, by its class's or its module's `pytestmark`), which
    measures time and leaves the checking to the tests of the same code,
    unless it prints or logs what the code returned (`print(result)`, `logger.info(...)`): a test that shows
    its result to a person checks nothing, whatever its docstring says. Fixtures and context-manager helpers
    named `test*` (`@contextlib.contextmanager def testing_server(root):`) are no tests.

    ## Why is this bad?
    A test without an assertion passes whenever the code does not raise: it reports green on a wrong
    result. Coding agents write such tests to raise coverage, or remove the assertion that failed
    instead of fixing the code.

    ## Example
    ```python
    def test_total():
        order = Order(items=[Item(price=3), Item(price=4)])
        order.total()
    ```

    ## Use instead
    ```python
    def test_total():
        order = Order(items=[Item(price=3), Item(price=4)])
        assert order.total() == 7
    ```

    ## Options
    - `assertion-prefixes` (list of strings, default `["assert", "check", "expect", "verify"]`): a call
      to a function or method whose name starts with one of these (followed by `_`, an upper-case
      letter or nothing) counts as an assertion, e.g. `check_response(r)` or `expect(page).to_have_title(...)`.

    ## References
    - [pytest: asserting with the assert statement](https://docs.pytest.org/en/stable/how-to/assert.html)
    - [CWE-1164: Irrelevant Code](https://cwe.mitre.org/data/definitions/1164.html)
    """

    code = "VC303"
    name = "test-without-assertion"
    category = Category.TESTS
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (1164,)
    Options = Options

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self._class_docstrings: list[str] = []
        prefixes = "|".join(re.escape(p) for p in self.options.assertion_prefixes)
        self._helper = re.compile(rf"^_*(?:{prefixes})(?:$|[_A-Z0-9])") if prefixes else None
        # a context manager class named for an assertion checks its block on exit (`with ExpectLog(log, "boom"):`)
        capitalised = "|".join(re.escape(p[:1].upper() + p[1:]) for p in self.options.assertion_prefixes)
        self._checking_context = re.compile(rf"^_*(?:{capitalised})(?:$|[_A-Z0-9])") if capitalised else None
        self._class_names: list[str] = []
        self._asserting_teardowns: dict[str, Frame] = {}  # class name -> its teardown method's frame
        self._asserting_functions: set[str] = set()
        self._calls_by_function: dict[str, set[str]] = {}
        self._pending: list[Frame] = []
        self._class_bases: dict[str, list[str]] = {}  # class of this file -> its bases' qualified names
        self._inert: set[int] = set()  # ids of `pytest.raises(E)` calls made alone on a line, outside a `with`
        self._raising_depth = 0  # how many `with pytest.raises(...)` blocks the walk is in
        self._raising_callees: set[str] = set()  # what the file's tests expect to raise (`validate_url`)
        self._module_names: set[str] = set()  # names bound by `import x` / `import x.y as z`: modules
        self._benchmark_scopes: set[str] = set()  # '' for the module, or the class whose `pytestmark` marks benchmarks
        self._fixtures: set[str] = set()  # the fixtures this file defines
        self._checking: list[cst.CSTNode] = []  # the assertions being walked: their calls are what they check

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        super().visit_ClassDef(node)
        self._class_names.append(node.name.value)
        # its docstring may say the point of all its tests ("Test that valid WAMP messages pass validation.")
        self._class_docstrings.append(node.get_docstring() or "")
        self._class_bases[node.name.value] = [self.qualified_name(base.value) or get_full_name_for_node(base.value) or ""
                                              for base in node.bases]

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        super().leave_ClassDef(node)
        self._class_names.pop()
        self._class_docstrings.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().visit_FunctionDef(node)
        if is_fixture(node):
            self._fixtures.add(node.name.value)
        owner = self._class_names[-1] if self._class_names and len(self.frames) == 1 else None
        self.frames[-1].data.update(asserts=False, calls=set(), self_calls=set(), tells=False, owner=owner,
                                    expects_raise=False, shared_check=False)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        frame = self.frames[-1]
        name = node.name.value
        if frame.data["asserts"]:
            self._asserting_functions.add(name)
        self._calls_by_function.setdefault(name, set()).update(frame.data["calls"])
        if name in TEARDOWN_METHODS and frame.data["owner"] is not None:
            self._asserting_teardowns[frame.data["owner"]] = frame
        super().leave_FunctionDef(node)

    def visit_With(self, node: cst.With) -> None:
        if any(self._expects_raise(item.item) for item in node.items):
            self._raising_depth += 1

    def leave_With(self, original_node: cst.With) -> None:
        if any(self._expects_raise(item.item) for item in original_node.items):
            self._raising_depth -= 1

    def _expects_raise(self, item: cst.BaseExpression) -> bool:
        return type(item) is cst.Call and (self.qualified_name(item) in RAISES_CONTEXTS
                                           or (type(item.func) is cst.Attribute and item.func.attr.value in RAISES_METHODS))

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            bound: cst.BaseExpression = alias.asname.name if alias.asname is not None else alias.name
            while isinstance(bound, cst.Attribute):
                bound = bound.value
            if isinstance(bound, cst.Name):
                self._module_names.add(bound.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        """`pytestmark = pytest.mark.benchmark()` (or a list holding it) at the top of the module or of a test class."""
        if self.frames or not any(isinstance(t.target, cst.Name) and t.target.value == "pytestmark" for t in node.targets):
            return
        value = node.value
        marks = [e.value for e in value.elements] if isinstance(value, (cst.List, cst.Tuple)) else [value]
        if any(self._is_benchmark_mark(mark) for mark in marks):
            self._benchmark_scopes.add(self._class_names[-1] if self._class_names else "")

    def _is_benchmark_mark(self, mark: cst.BaseExpression) -> bool:
        return self.qualified_name(mark.func if isinstance(mark, cst.Call) else mark) in BENCHMARK_MARKS

    def _is_benchmark(self, frame: Frame) -> bool:
        node = frame.node
        return bool({p.name.value for p in node.params.params} & BENCHMARK_FIXTURES) \
            or any(self._is_benchmark_mark(d.decorator) for d in node.decorators) \
            or bool({"", *filter(None, [frame.data["owner"]])} & self._benchmark_scopes)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        item = node.item
        if self.frames and self._checking_context is not None and isinstance(item, cst.Call) \
                and self._checking_context.match(last_name(item)):
            self._mark_asserting()

    def exit_test(self, frame: Frame) -> None:
        # A test that prints or logs its results shows them to a person: its name or docstring does not make it a check.
        if not frame.data["asserts"] and (frame.data["tells"] or not self._asserts_by_design(frame.node)):
            self._pending.append(frame)

    def _asserts_by_design(self, node: cst.FunctionDef) -> bool:
        """Skipped at the top, a `with expectation:` parameter (`pytest.raises` or a null context), or a no-raise test."""
        if any(isinstance(d.decorator, cst.Call) and d.decorator.args
               and self.qualified_name(d.decorator.func) in SKIPPING_DECORATORS for d in node.decorators):
            return True  # skipped always, for a reason it states (a bare `@pytest.mark.skip` is VC306's and this rule's)
        if any(self._expects_failure(d.decorator) for d in node.decorators) or _defines_only(node):
            return True
        params = {p.name.value for p in node.params.params}
        for statement in node.body.body if isinstance(node.body, cst.IndentedBlock) else ():
            if isinstance(statement, cst.With) and any(
                    isinstance(item.item, cst.Name) and item.item.value in params for item in statement.items):
                return True
            if isinstance(statement, cst.SimpleStatementLine) and any(
                    isinstance(small, cst.Expr) and isinstance(small.value, cst.Call) and self._is_skip(small.value)
                    for small in statement.body):
                return True
        comments = self._comments(node)
        if ISSUE_REFERENCE.search(comments) or ISSUE_REFERENCE.search(node.get_docstring() or ""):
            return True
        return says_nothing_raises(node) or bool(NO_RAISE_INTENT.search(comments)) or self._only_imports(node) \
            or bool(self._class_docstrings and NO_RAISE_INTENT.search(self._class_docstrings[-1]))

    def _only_imports(self, node: cst.FunctionDef) -> bool:
        """`def test_import(): import mypackage`, `requests.packages.urllib3`: a smoke test whose check is that the
        module imports at all, or that an imported module has the attributes it looks up (`AttributeError` if not)."""
        body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
        if not body or not all(isinstance(line, cst.SimpleStatementLine) for line in body):
            return False
        smalls = [small for line in body for small in line.body  # type: ignore[attr-defined]
                  if not (isinstance(small, cst.Expr) and isinstance(small.value, cst.SimpleString))]
        return bool(smalls) and all(isinstance(small, (cst.Import, cst.ImportFrom)) or self._looks_up_module(small)
                                    for small in smalls)

    def _looks_up_module(self, small: cst.BaseSmallStatement) -> bool:
        """`requests.packages.idna`, `requests.session().get`: an attribute of an imported module, looked up and dropped."""
        if not (isinstance(small, cst.Expr) and isinstance(small.value, cst.Attribute)):
            return False
        root: cst.BaseExpression = small.value
        while isinstance(root, (cst.Attribute, cst.Call)):
            root = root.value if isinstance(root, cst.Attribute) else root.func
        return isinstance(root, cst.Name) and root.value in self._module_names

    def _expects_failure(self, decorator: cst.BaseExpression) -> bool:
        if isinstance(decorator, cst.Call):
            return bool(decorator.args) and self.qualified_name(decorator.func) in FAILING_DECORATORS
        return self.qualified_name(decorator) == "unittest.expectedFailure"

    def _comments(self, node: cst.FunctionDef) -> str:
        """The text of the comments in the function, joined: on their own lines (`# remove_handler should not throw
        if ...`) and after code (`validate(path)  # Should not raise`)."""
        lines = self.context.module.code_for_node(node.body).splitlines()
        return " ".join(match.group(1).strip() for line in lines if (match := COMMENT.search(line)) is not None)

    def _is_skip(self, call: cst.Call) -> bool:
        return self.qualified_name(call) in SKIPPING_CALLS or (
            isinstance(call.func, cst.Attribute) and call.func.attr.value in SKIPPING_METHODS)

    def visit_Assert(self, node: cst.Assert) -> None:
        self._mark_asserting()
        self._checking.append(node)

    def leave_Assert(self, original_node: cst.Assert) -> None:
        self._checking.pop()

    def leave_Call(self, original_node: cst.Call) -> None:
        if self._checking and self._checking[-1] is original_node:
            self._checking.pop()

    def visit_Raise(self, node: cst.Raise) -> None:
        self._mark_asserting()

    def visit_Expr(self, node: cst.Expr) -> None:
        # `m.assert_called_once` without `()`: an assertion meant but never made; VC304 reports that line.
        if self.frames and hollow_mock_check(node.value, self.context.module.code_for_node) is not None:
            self._mark_asserting()
        value = node.value
        called = value.expression if type(value) is cst.Await else value
        if self.frames and type(called) is cst.Call and self._is_shared_check(called):
            self.frames[-1].data["shared_check"] = True
        if self.frames and type(value) is cst.Call and len(value.args) == 1 \
                and self.qualified_name(value) in EXPECTING_CALLS:
            self._inert.add(id(value))  # `pytest.raises(ValueError)` alone: no `with`, no callable, so it checks nothing
            self.frames[-1].data["expects_raise"] = True  # and its calls are meant to raise, not to return

    def visit_Call(self, node: cst.Call) -> None:
        if not self.frames:
            return
        called = last_name(node)
        if is_telling_call(node) and any(not isinstance(a.value, (cst.SimpleString, cst.ConcatenatedString)) for a in node.args):
            for frame in self.frames:
                frame.data["tells"] = True
        if (called in ASSERTING_METHODS and isinstance(node.func, cst.Attribute)) or (
                called in NOSE_STYLE_ASSERTIONS and isinstance(node.func, cst.Name)) or (
                self._helper is not None and self._helper.match(called)) or (
                self.qualified_name(node) in ASSERTING_CALLS and id(node) not in self._inert) \
                or _requests_a_status(node, called) or self._fails_on_warnings(node):
            self._mark_asserting()
            self._checking.append(node)
        elif called:
            if self._raising_depth and not self._checking:  # `Order.objects.count()` in an assertion is what it checks
                self._raising_callees.add(called)
            calls_own_method = isinstance(node.func, cst.Attribute) and _is_self(node.func.value)
            for frame in self.frames:
                frame.data["calls"].add(called)
                if calls_own_method:
                    frame.data["self_calls"].add(called)

    def _fails_on_warnings(self, call: cst.Call) -> bool:
        """`warnings.simplefilter("error", DeprecationWarning)`, `warnings.filterwarnings(action="error")`: from here on a
        warning fails the test, so the calls after it are checked not to warn."""
        if self.qualified_name(call) not in WARNING_FILTERS:
            return False
        action = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "action"),
                      call.args[0].value if call.args and call.args[0].keyword is None else None)
        return action is not None and string_value(action) == ERROR_ACTION

    def leave_Module(self, node: cst.Module) -> None:
        asserting = self._asserting_functions_closure()
        for frame in self._pending:
            if frame.data["calls"] & asserting or self._checked_by_asserting_fixture(frame, asserting) \
                    or self._checked_by_teardown(frame, asserting) \
                    or self._calls_unseen_inherited_method(frame) or frame.data["shared_check"] \
                    or (not frame.data["tells"] and self._is_benchmark(frame)) \
                    or (not frame.data["tells"] and not frame.data["expects_raise"]
                        and _called_for_their_raise(frame.node) & self._raising_callees):
                continue
            name = frame.node.name.value
            if frame.data["tells"]:
                self.report(frame.node.name, f"Test `{name}` prints or logs what the code under test does but asserts "
                                             "nothing, so it passes whatever the result is.",
                            hint="Replace the `print` or log call with an assertion on the value: `assert result == expected`.")
                continue
            self.report(
                frame.node.name,
                f"Test `{name}` asserts nothing, so it passes whatever result the code under test returns.",
                hint="Assert on the result or effect the test is about, e.g. `assert result == expected` or `pytest.raises`.",
            )

    def _is_shared_check(self, call: cst.Call) -> bool:
        """A call, for nothing it returns, of a function from the project's own test support (`ds_helpers.
        run_dataset_model_add_get_entry(client, ds, entries)`), not one that sets something up (`create_user(...)`)."""
        module, _, function = (self.qualified_name(call) or "").rpartition(".")
        if not module or module.startswith(KNOWN_TEST_BASE_MODULES) or f"{module}.".startswith(KNOWN_TEST_BASE_MODULES):
            return False
        return (module.startswith(".") or bool(TEST_SUPPORT_MODULE.search(module))) \
            and function.lstrip("_").split("_")[0].lower() not in SETUP_VERBS

    def _calls_unseen_inherited_method(self, frame: Frame) -> bool:
        """A test method calling `self.<m>()` that no function of this file defines, in a class built on a base from
        outside this file and the known test frameworks: `m` is that base's, and may assert where we cannot see."""
        unseen = frame.data["self_calls"] - self._calls_by_function.keys()
        return bool(unseen) and frame.data["owner"] is not None and self._has_unseen_base(frame.data["owner"], set())

    def _has_unseen_base(self, class_name: str, visited: set[str]) -> bool:
        visited.add(class_name)
        for base in self._class_bases.get(class_name, ()):
            if base in self._class_bases:
                if base not in visited and self._has_unseen_base(base, visited):
                    return True
            elif base and base != "object" and not base.startswith(KNOWN_TEST_BASE_MODULES):
                return True
        return False

    def _checked_by_asserting_fixture(self, frame: Frame, asserting: set[str]) -> bool:
        """A test given a fixture of this file that asserts (after its `yield`, on what the test left: `assert
        store.integrity_ok()`): pytest runs that check with each test that asks for it."""
        requested = {param.name.value for param in frame.node.params.params}
        return bool(requested & self._fixtures & asserting)

    def _checked_by_teardown(self, frame: Frame, asserting: set[str]) -> bool:
        """A test method of a class whose `tearDown` asserts (on what each test left: `self.assertTrue(self.finished)`)."""
        teardown = self._asserting_teardowns.get(frame.data["owner"]) if frame.data["owner"] is not None else None
        return teardown is not None and (teardown.data["asserts"]
                                         or bool((teardown.data["calls"] - TEARDOWN_METHODS) & asserting))

    def _mark_asserting(self) -> None:
        for frame in self.frames:
            frame.data["asserts"] = True

    def _asserting_functions_closure(self) -> set[str]:
        """Functions of this file that assert, directly or through other functions of this file."""
        asserting = set(self._asserting_functions)
        changed = True
        while changed:
            changed = False
            for name, calls in self._calls_by_function.items():
                if name not in asserting and calls & asserting:
                    asserting.add(name)
                    changed = True
        return asserting
