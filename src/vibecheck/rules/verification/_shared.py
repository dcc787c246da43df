"""What the VC3xx per-file rules share: which functions are tests, and a stack of the functions open in the walk."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule

TEST_CLASS_SUFFIXES = ("Test", "Tests", "TestCase")
# A test whose name or docstring says its point is that nothing raises: its missing assert (VC303) or the one
# failure its `except` tolerates (VC311) is the design.
NO_RAISE_INTENT = lazy_pattern(
    r"\b(?:does ?n[o']?t|do ?n[o']?t|should ?n[o']?t|must not|wo ?n'?t|will not|never|without) "
    r"(?:raises?|raising|fails?|failing|throws?|throwing|errors?|erroring|(?:\w+ ){0,2}crash(?:es)?)\b"
    r"|\bno (?:\S+ ){0,4}?(?:exception|error)s? (?:is |are |gets )?(?:raised|thrown)"
    r"|\bneither (?:\S+ ){0,3}?(?:raises?|fails?|throws?|errors?)\b"
    r"|nothing (?:happens|(?:gets |is )?raised)|\bno[ -]raise\b|\bsilent\b|\bsmoke\b"
    r"|\b(?:pass|passes|survive|survives) (?:the )?validation\b|(?:->|=>)\s*no (?:error|exception)s?\b"
    r"|\bno (?:exception|error)s?(?: expected)?(?:$|[.!)])",
    re.IGNORECASE)
# Calls that show a value or a failure to a person and check nothing: the test still passes.
TELLING_FUNCTIONS = frozenset({"print", "pprint"})
REPORTING_RECEIVERS = frozenset({"logger", "logging", "log", "LOGGER", "LOG", "warnings", "sys.stderr", "sys.stdout",
                                 "pprint"})
# Names that read like mock assertions but are none: a `Mock` invents any attribute it does not know (only names
# starting with `assert`/`assret` raise), so `m.called_once_with(x)` returns a new, always-true mock. The value
# is the real assertion method.
INVENTED_MOCK_CHECKS = {
    "called_once_with": "assert_called_once_with", "called_with": "assert_called_with",
    "called_once": "assert_called_once", "has_calls": "assert_has_calls", "any_call": "assert_any_call",
    "not_called": "assert_not_called", "was_called": "assert_called", "was_called_with": "assert_called_with",
    "was_called_once": "assert_called_once", "was_called_once_with": "assert_called_once_with",
    "awaited_once_with": "assert_awaited_once_with", "awaited_with": "assert_awaited_with",
}

# Test clients whose responses (werkzeug, httpx, Django) define no `__bool__`: `assert response` always holds; also the
# signed-in clients fixtures hand out (pytest-django's `admin_client`, DRF's `api_client`).
TEST_CLIENTS = frozenset({"client", "test_client", "async_client", "aclient", "app_client", "TestClient", "Client",
                          "AsyncClient", "APIClient", "api_client", "admin_client", "auth_client", "authed_client",
                          "authenticated_client", "logged_in_client", "user_client", "staff_client", "anon_client",
                          "anonymous_client"})
HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request"})
URL_KEYWORDS = frozenset({"url", "path"})
URL_WORDS = lazy_pattern(r"url|uri|path|endpoint|route|link|location|href|page|api")
URL_BUILDERS = frozenset({"reverse", "reverse_lazy", "resolve_url"})
# Keywords only a test client's request methods take, whatever the fixture holding the client is called: DRF's
# `format="json"`, Django's `content_type=` and `follow=`, Starlette's and httpx's `follow_redirects=` (`requests`,
# whose `Response` is falsy on an error status, takes none of them).
TEST_CLIENT_KEYWORDS = frozenset({"format", "content_type", "follow", "follow_redirects"})
# click's and Typer's `CliRunner`, whose `invoke(cli, args)` answers with a `Result` that defines no `__bool__` either:
# `assert result` holds whatever the exit code.
CLI_RUNNERS = frozenset({"CliRunner", "runner", "cli_runner"})
# Django Channels' test communicators (`WebsocketCommunicator`, `HttpCommunicator`): what their awaited reads return is
# the consumer's answer, as a test client's response is a view's.
COMMUNICATOR_READS = frozenset({"receive_json_from", "receive_from", "receive_output"})


@dataclass(frozen=True)
class HollowCheck:
    """A line that looks like a mock assertion and checks nothing: what it is, why, and the call to write."""

    what: str
    reason: str
    instead: str


def hollow_mock_check(node: cst.BaseExpression, code_for: Callable[[cst.CSTNode], str]) -> HollowCheck | None:
    """`m.assert_called_once` without `()` (only looks the method up), or `m.called_once_with(...)` (no such
    assertion: the mock invents it); None for anything else."""
    if isinstance(node, cst.Attribute) and node.attr.value.startswith("assert_"):
        text = code_for(node)
        return HollowCheck(f"`{text}`", "without `()` the assertion method is only looked up, never called", f"`{text}()`")
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in INVENTED_MOCK_CHECKS:
        name = node.func.attr.value
        receiver = code_for(node.func.value)
        return HollowCheck(f"`{receiver}.{name}(...)`",
                           f"`{name}` is no mock assertion, so a mock invents it and the call returns a new, "
                           "always-true mock", f"`{receiver}.{INVENTED_MOCK_CHECKS[name]}(...)`")
    return None


def last_name(node: cst.CSTNode) -> str:
    """`self.assertEqual` -> `assertEqual`; `check` -> `check`; '' for anything else."""
    if isinstance(node, cst.Call):
        node = node.func
    if isinstance(node, cst.Attribute):
        return node.attr.value
    if isinstance(node, cst.Name):
        return node.value
    return ""


def is_client_response(value: cst.BaseExpression) -> bool:
    """`client.get(...)`, `await async_client.post(...)`, `app.test_client().get(...)`, `api.post(url, data, format="json")`,
    `CliRunner().invoke(cli, args)`: a test client's response (VC304, VC311)."""
    if isinstance(value, cst.Await):
        value = value.expression
    if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and value.func.attr.value == "invoke" \
            and last_name(value.func.value) in CLI_RUNNERS:
        return True  # `CliRunner().invoke(cli, ["run"])`, `runner.invoke(app, ...)`
    if not (isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and value.func.attr.value in HTTP_METHODS):
        return False
    if any(arg.keyword is not None and arg.keyword.value in TEST_CLIENT_KEYWORDS for arg in value.args):
        return True
    return last_name(value.func.value) in TEST_CLIENTS and _requests_a_url(value)


def response_helpers(module: cst.Module) -> frozenset[str]:
    """The module's own functions that hand back a test client's response (`def invoke(runner, db, *args): return
    runner.invoke(cli, ["--db", str(db), *args])`): a call of one answers with that response (VC304, VC310, VC311)."""
    return frozenset(statement.name.value for statement in module.body
                     if isinstance(statement, cst.FunctionDef) and _returns_response(statement))


def _returns_response(function: cst.FunctionDef) -> bool:
    body = function.body.body if isinstance(function.body, cst.IndentedBlock) else ()
    returned = [small.value for line in body if isinstance(line, cst.SimpleStatementLine)
                for small in line.body if isinstance(small, cst.Return) and small.value is not None]
    return bool(returned) and all(is_client_response(value) for value in returned)


def calls_response_helper(value: cst.BaseExpression | None, helpers: frozenset[str]) -> bool:
    """`invoke(runner, db, "add", "x")`, also awaited, for `invoke` one of the file's `response_helpers`."""
    if isinstance(value, cst.Await):
        value = value.expression
    return isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value in helpers


def is_communicator_read(value: cst.BaseExpression) -> bool:
    """`await communicator.receive_json_from()`: a consumer's answer to a test (VC311), which may be empty."""
    value = value.expression if isinstance(value, cst.Await) else value
    return isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) \
        and value.func.attr.value in COMMUNICATOR_READS


def _requests_a_url(call: cst.Call) -> bool:
    """The first argument (or `url=`/`path=`) can be a URL: a string, a built one (`reverse(...)`, `"/u/" + id`,
    `url_for(...)`), or a name that says so (`url`, `self.detail_path`). `self.b.client.get(ckey)` reads a key from
    a cache or Redis client, which answers `None` for a missing key."""
    target = next((a.value for a in call.args if a.keyword is None or a.keyword.value in URL_KEYWORDS), None)
    if target is None:
        return False
    if isinstance(target, (cst.Name, cst.Attribute)):
        return URL_WORDS.search(last_name(target).lower()) is not None
    if isinstance(target, cst.Call):  # `reverse("order-detail")`, `app.url_path_for(...)`, `"/o/{}".format(pk)`
        name = last_name(target)
        return name in URL_BUILDERS or URL_WORDS.search(name.lower()) is not None or (
            isinstance(target.func, cst.Attribute) and isinstance(target.func.value, (cst.SimpleString, cst.FormattedString)))
    return True


def is_telling_call(call: cst.Call) -> bool:
    """`print(...)`, `pprint(...)`, `logger.info(...)`, `sys.stdout.write(...)`, `warnings.warn(...)`."""
    func = call.func
    if isinstance(func, cst.Name):
        return func.value in TELLING_FUNCTIONS
    if isinstance(func, cst.Attribute):
        receiver = func.value
        if isinstance(receiver, cst.Attribute) and isinstance(receiver.value, cst.Name):
            return f"{receiver.value.value}.{receiver.attr.value}" in REPORTING_RECEIVERS
        return isinstance(receiver, cst.Name) and receiver.value in REPORTING_RECEIVERS
    return False


# Decorators that make a function named `test*` a helper that tests use, not a test.
HELPER_DECORATORS = frozenset({"fixture", "contextmanager", "asynccontextmanager"})


def is_test_class(node: cst.ClassDef) -> bool:
    """A class pytest collects (`Test*`) or a unittest `TestCase` subclass (by its base's name)."""
    name = node.name.value
    if name.startswith("Test") or name.endswith(TEST_CLASS_SUFFIXES):
        return True
    return any("TestCase" in (get_full_name_for_node(base.value) or "") for base in node.bases)


def is_fixture(node: cst.FunctionDef) -> bool:
    """`@pytest.fixture`, `@fixture(...)`, `@pytest_asyncio.fixture`, `@contextlib.contextmanager`: a fixture or a
    context-manager helper named `test*` (`def testing_server(root):`) is no test."""
    for decorator in node.decorators:
        target = decorator.decorator.func if isinstance(decorator.decorator, cst.Call) else decorator.decorator
        if last_name(target) in HELPER_DECORATORS:
            return True
    return False


@dataclass
class Frame:
    """One function open in the walk; `is_test` when pytest or unittest would collect it."""

    node: cst.FunctionDef
    is_test: bool
    data: dict = field(default_factory=dict)


class TestAwareRule(Rule):
    """A rule on test files that knows the enclosing functions and whether one of them is a test.

    Subclasses override `enter_test`/`exit_test`; they must call super() if they define
    `visit_FunctionDef`, `leave_FunctionDef`, `visit_ClassDef` or `leave_ClassDef` themselves.
    """

    applies_to_tests_only = True

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self.frames: list[Frame] = []
        self.classes: list[bool] = []

    @property
    def current_test(self) -> Frame | None:
        """The outermost test function the walk is in (nested helpers belong to their test)."""
        for frame in self.frames:
            if frame.is_test:
                return frame
        return None

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(is_test_class(node))

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        is_test = (node.name.value.startswith("test") and not self.frames and (not self.classes or self.classes[-1])
                   and not is_fixture(node))
        frame = Frame(node, is_test)
        self.frames.append(frame)
        if is_test:
            self.enter_test(frame)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        frame = self.frames.pop()
        if frame.is_test:
            self.exit_test(frame)

    def enter_test(self, frame: Frame) -> None:
        """Called when the walk enters a test function."""

    def exit_test(self, frame: Frame) -> None:
        """Called when the walk leaves a test function."""


def says_nothing_raises(test: cst.FunctionDef) -> bool:
    """A test whose name or docstring says its point is that the code does not raise (`test_parse_never_fails`)."""
    return bool(NO_RAISE_INTENT.search(test.name.value.replace("_", " ")) or NO_RAISE_INTENT.search(test.get_docstring() or ""))
