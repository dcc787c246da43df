"""VC308: a test that asserts only on a mock it made itself; no code under test ever runs."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.nodes import head_name
from vibecheck.imports import full_name
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rules.verification._shared import Frame, TestAwareRule, last_name

MOCK_CLASSES = frozenset({"Mock", "MagicMock", "AsyncMock", "NonCallableMock", "NonCallableMagicMock", "PropertyMock",
                          "create_autospec"})
PATCHERS = frozenset({"patch", "object", "multiple"})
MOCK_MODULES = ("unittest.mock.", "mock.")
# A mock's attributes that hold what it answers: a value built for them (`save.return_value = Bookmark(title="x")`)
# is the test's data, whoever's class builds it.
ANSWER_ATTRIBUTES = frozenset({"return_value", "side_effect"})
# Calls that run no code under test: builtins used to look at values, and the test frameworks' helpers.
HARMLESS_CALLS = frozenset({"len", "str", "int", "float", "bool", "list", "dict", "tuple", "set", "frozenset",
                            "sorted", "isinstance", "issubclass", "type", "repr", "print", "getattr", "hasattr",
                            "callable", "id", "range", "call", "super"})
HARMLESS_PREFIXES = ("pytest.", "unittest.mock.", "mock.")
# Standard-library classes that only hold a value a mock is told to return or raise (`run.return_value =
# subprocess.CompletedProcess(args, 0)`), in modules whose other calls do run code.
VALUE_CLASSES = frozenset({"subprocess.CompletedProcess", "subprocess.CalledProcessError", "subprocess.TimeoutExpired",
                           "asyncio.TimeoutError", "asyncio.CancelledError", "concurrent.futures.TimeoutError"})
# HTTP mocking libraries: what a test registers with them (`responses.get(url, json=...)`, `respx.get(url).mock(...)`,
# `httpx_mock.add_response(...)`, `requests_mock.get(...)` on pytest's fixture) is the answer the network gives, and a
# context or decorator of theirs (`requests_mock.Mocker()`, `aioresponses()`, `@respx.mock`) intercepts it.
HTTP_MOCK_MODULES = frozenset({"responses", "respx", "requests_mock", "aioresponses", "pytest_httpx"})
HTTP_MOCK_FIXTURES = frozenset({"requests_mock", "httpx_mock", "respx_mock", "aioresponses", "mock_aioresponse"})
# HTTP client libraries: once the test has mocked the network, what they answer is what it registered.
HTTP_CLIENT_MODULES = frozenset({"requests", "httpx", "aiohttp", "urllib3"})
# Standard-library modules whose calls only build values for a test (not `importlib`, `runpy`, `subprocess`,
# `asyncio` or `threading`, which run the project's code).
DATA_MODULES = frozenset({
    "pathlib", "json", "datetime", "decimal", "fractions", "uuid", "collections", "re", "io", "string",
    "textwrap", "base64", "hashlib", "enum", "itertools", "math", "random", "time", "zoneinfo", "ipaddress",
    "urllib.parse", "http", "os.path", "copy", "operator", "types", "typing", "tempfile", "struct", "binascii",
})


# CLI runners, which run a command and catch its exception into `result.exception` and `result.exit_code` instead of
# raising it. (Test clients raise the app's exceptions by default: a test that drops their answer is weak, not blind.)
HARNESS_CLASSES = frozenset({"click.testing.CliRunner", "typer.testing.CliRunner"})
HARNESS_FIXTURES = frozenset({"runner", "cli_runner", "self.runner"})
HARNESS_METHODS = frozenset({"invoke"})
# What checks that a mock was called (`send.assert_called_once_with(...)`, `rpush.assert_awaited()`).
MOCK_CHECKS = ("assert_called", "assert_awaited", "assert_any_call", "assert_any_await", "assert_has_calls",
               "assert_has_awaits", "assert_not_called", "assert_not_awaited")


def self_attribute(node: cst.BaseExpression) -> str:
    """`self.gateway.charge.return_value()` -> `self.gateway`; '' when the chain does not start at `self.<name>`."""
    while True:
        if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self":
            return f"self.{node.attr.value}"
        if isinstance(node, cst.Call):
            node = node.func
        elif isinstance(node, (cst.Attribute, cst.Subscript)):
            node = node.value
        else:
            return ""


class AssertionOnMockOnly(TestAwareRule):
    """A test that only checks a mock it configured itself, never the code under test.

    ## What it does
    Reports a test function that creates mocks (`Mock(...)`, `MagicMock(...)`, `create_autospec(...)`,
    `patch(...)`, `mocker.patch(...)`, `@patch` parameters, `self.<name> = Mock()` in `setUp`), asserts
    something, and calls nothing but those mocks, builtins, test-framework helpers and standard-library
    names that only build the test's data (`Path("a.mov")`, `json.dumps(...)`, `subprocess.CompletedProcess(...)` for a
    mock to return; not `importlib` or `runpy`, which run the project's modules) or build what a mock answers (a
    project object given to `return_value`, `side_effect` or `Mock(return_value=...)`): no code of the
    project runs, so the assertions can only check what the test told the mock to do; what a mock's call
    returned (`response = await client.post(...)`) is the mock's too, and so are the calls on it
    (`response.json()`), as is another name for a mock or a part of it (`client = client_cls.return_value`). Calling
    the very
    name a patch replaced counts as calling the mock: after `@patch("shop.api.fetch")`,
    `mocker.patch("shop.api.fetch")`, `patch.object(Api, "fetch")` or pytest's
    `monkeypatch.setattr(api, "fetch", fake)`, a call of `fetch` (imported from
    `shop.api`), `shop.api.fetch` or `Api.fetch` returns the value the test configured. An HTTP mock counts as a mock
    (`responses.get(url, json=...)`, `respx.get(url).mock(...)`, `requests_mock.get(...)`, pytest-httpx's
    `httpx_mock.add_response(...)`, `requests_mock.Mocker()`, `aioresponses()`), and once a test has registered one,
    what `requests`, `httpx` or `aiohttp` answer it is the registered answer: a test that only calls them checks the
    mock, not the project's client. (The test suites of those mocking libraries themselves are written this way on
    purpose, since the mock is their code under test: ignore VC308 there with `per-file-ignores`.)

    Also reports a test that runs a command through a CLI runner (click's or Typer's `runner.invoke(cli, [...])`),
    drops the result, and checks only that a mock was called (`pull.assert_called_once()`): the runner catches the
    command's exception into that result, so the command may crash right after the call the mock recorded and the
    test still passes. Reading the result (`assert result.exit_code == 0`), or checking anything else than the mock,
    is a check. A test client's dropped answer is not reported: it raises the app's exceptions by default, so such
    a test is weak (it checks a call, not the response) but not blind.

    ## Why is this bad?
    `m = Mock(return_value=3); assert m() == 3` tests `unittest.mock`, not your code. Coding agents
    write such tests when the real unit is hard to call; they pass forever and cover nothing.

    ## Example
    ```python
    from unittest.mock import Mock

    def test_fetch_user():
        repository = Mock()
        repository.get.return_value = {"id": 1}
        assert repository.get(1) == {"id": 1}
    ```

    ## Use instead
    ```python
    from unittest.mock import Mock

    def test_fetch_user():
        repository = Mock()
        repository.get.return_value = {"id": 1}
        service = UserService(repository)
        assert service.fetch_user(1) == {"id": 1}
        repository.get.assert_called_once_with(1)
    ```

    ## References
    - [unittest.mock: getting started](https://docs.python.org/3/library/unittest.mock-examples.html)
    - [CWE-1164: Irrelevant Code](https://cwe.mitre.org/data/definitions/1164.html)
    """

    code = "VC308"
    name = "assertion-on-mock-only"
    category = Category.TESTS
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (1164,)

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self._class_mocks: list[set[str]] = [set()]
        # The statements and calls being walked whose calls only build a mock's answer.
        self._answers: list[cst.CSTNode] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        super().visit_ClassDef(node)
        self._class_mocks.append(set())

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._class_mocks.pop()
        super().leave_ClassDef(node)

    def enter_test(self, frame: Frame) -> None:
        patched = {target for d in frame.node.decorators if isinstance(d.decorator, cst.Call)
                   for target in [self._patch_target(d.decorator)] if target}
        frame.data.update(mocks=set(self._patched_parameters(frame.node)), real_call=False, asserts=False,
                          patched=patched, http_mocked=False, harnesses=set(), dropped="", mock_checked=set(),
                          other_check=False)

    def exit_test(self, frame: Frame) -> None:
        data = frame.data
        if data["mocks"] and data["asserts"] and not data["real_call"]:
            names = ", ".join(f"`{m}`" for m in sorted(data["mocks"]))
            self.report(frame.node.name,
                        f"Test `{frame.node.name.value}` only checks the mock {names} it configured itself: "
                        "no code under test runs, so it cannot fail.",
                        hint="Call the code under test with the mock injected, and assert on its result or its use of the mock.")
        elif data["dropped"] and data["mock_checked"] and not data["other_check"]:
            names = ", ".join(f"`{m}`" for m in sorted(data["mock_checked"]))
            self.report(frame.node.name,
                        f"Test `{frame.node.name.value}` drops the result of `{data['dropped']}(...)` and only checks "
                        f"that the mock {names} was called: the runner catches a crash after that call into the result, "
                        "so the test still passes.",
                        hint="Keep the result and assert on it too (`assert result.exit_code == 0, result.output`).")

    def visit_Expr(self, node: cst.Expr) -> None:
        """`runner.invoke(cli, ["sync"])` as a statement: the command's result, and any exception it caught, dropped."""
        test = self.current_test
        call = node.value.expression if isinstance(node.value, cst.Await) else node.value
        if test is None or test.data["dropped"] or not isinstance(call, cst.Call):
            return
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value in HARNESS_METHODS \
                and (full_name(func.value) or "") in HARNESS_FIXTURES | test.data["harnesses"]:
            test.data["dropped"] = self.context.module.code_for_node(func)

    def _note_harness(self, node: cst.Assign | cst.WithItem) -> None:
        """`runner = CliRunner()`, `with CliRunner().isolated_filesystem() ...`: a name for a CLI runner."""
        test = self.current_test
        value = node.value if isinstance(node, cst.Assign) else node.item
        if test is None or not isinstance(value, cst.Call):
            return
        if self.qualified_name(value) not in HARNESS_CLASSES:
            return
        targets = [t.target for t in node.targets] if isinstance(node, cst.Assign) else \
            [node.asname.name] if node.asname is not None else []
        test.data["harnesses"].update(name for t in targets if (name := full_name(t)))

    def _is_answer(self, node: cst.Assign) -> bool:
        """`repo.get.return_value = User(1)`, `fetch.side_effect = [Page(1)]` on a mock of the test."""
        test = self.current_test
        return test is not None and all(
            isinstance(t.target, cst.Attribute) and t.target.attr.value in ANSWER_ATTRIBUTES
            and (head_name(t.target) in test.data["mocks"] or bool(self._class_mock(t.target))) for t in node.targets)

    def leave_Assign(self, original_node: cst.Assign) -> None:
        if self._answers and self._answers[-1] is original_node:
            self._answers.pop()

    def leave_Call(self, original_node: cst.Call) -> None:
        if self._answers and self._answers[-1] is original_node:
            self._answers.pop()

    def visit_Assign(self, node: cst.Assign) -> None:
        self._note_harness(node)
        if self._is_answer(node):
            self._answers.append(node)
        test = self.current_test
        value = node.value.expression if isinstance(node.value, cst.Await) else node.value
        if test is not None and isinstance(value, cst.Call) and (
                head_name(value.func) in test.data["mocks"] or self._is_http_mock(value)
                or (test.data["http_mocked"] and self._module_of(value.func) in HTTP_CLIENT_MODULES)):
            # `response = await client.post(...)` on a mock: what it answered is the mock's, `response.json()` too
            test.data["mocks"].update(t.target.value for t in node.targets if isinstance(t.target, cst.Name))
            return
        if test is not None and type(value) in (cst.Attribute, cst.Name) and head_name(value) in test.data["mocks"]:
            # `client = client_cls.return_value`: another name for (a part of) a mock is a mock, and what it answers
            test.data["mocks"].update(t.target.value for t in node.targets if isinstance(t.target, cst.Name))
            return
        if not (isinstance(node.value, cst.Call) and self._is_mock_factory(node.value)):
            return
        for target in node.targets:
            if isinstance(target.target, cst.Name) and test is not None:
                test.data["mocks"].add(target.target.value)
            elif (path := full_name(target.target) or "").startswith("self."):
                # `self.gateway = Mock()` in setUp or a test; `self.tracker.sp = Mock()` makes a part of a real
                # object a mock, not the object
                self._class_mocks[-1].add(path)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        self._note_harness(node)
        test = self.current_test
        if (test is not None and isinstance(node.item, cst.Call) and node.asname is not None
                and isinstance(node.asname.name, cst.Name) and (
                    self._is_mock_factory(node.item) or self._is_http_mock(node.item)
                    or (test.data["http_mocked"] and self._module_of(node.item.func) in HTTP_CLIENT_MODULES))):
            test.data["mocks"].add(node.asname.name.value)

    def visit_Assert(self, node: cst.Assert) -> None:
        if self.current_test is not None:
            self.current_test.data["asserts"] = True
            self.current_test.data["other_check"] = True

    def visit_Call(self, node: cst.Call) -> None:
        test = self.current_test
        if test is None:
            return
        data = test.data
        if head_name(node.func) == "monkeypatch":
            data["patched"].update(filter(None, [self._monkeypatch_target(node)]))
            return
        if self._is_mock_factory(node):
            target = self._patch_target(node)
            if target:
                data["patched"].add(target)
            self._answers.append(node)  # `Mock(return_value=User(1))`: its arguments build its answers
            return
        if self._is_http_mock(node):
            data["http_mocked"] = True
            data["mocks"].add(head_name(node.func) or "")
            self._answers.append(node)  # `responses.get(url, json=payload())`: its arguments build the answer
            return
        if self._answers:
            return
        if data["http_mocked"] and self._module_of(node.func) in HTTP_CLIENT_MODULES:
            return  # `requests.get(url)` with the network mocked: the registered answer comes back
        qualified = self.qualified_name(node) or ""
        if qualified in data["patched"]:
            data["mocks"].add(qualified)  # the patched name itself: calling it runs the mock, not the code
            return
        called = last_name(node.func)
        root = head_name(node.func)
        attribute = self._class_mock(node.func)
        if attribute:
            data["mocks"].add(attribute)
            root = attribute
        if called.startswith(MOCK_CHECKS) and isinstance(node.func, cst.Attribute) and root != "self":
            data["mock_checked"].add(self.context.module.code_for_node(node.func.value))
        elif called.startswith(("assert", "fail")):
            data["other_check"] = True
        if root in data["mocks"] or root == "self":
            if called.startswith("assert"):
                data["asserts"] = True
            if root == "self" and not called.startswith(("assert", "fail")):
                data["real_call"] = True
            return
        if called in HARMLESS_CALLS and isinstance(node.func, cst.Name) or qualified.startswith(HARMLESS_PREFIXES) \
                or qualified in VALUE_CLASSES:
            return
        if self._from_standard_library(node.func):
            return
        data["real_call"] = True

    def _module_of(self, func: cst.BaseExpression) -> str:
        """The top module a call's chain starts from through the file's imports (`requests` for `requests.get(...).json`,
        `httpx` for `httpx.AsyncClient`); '' when it starts from no imported name."""
        head = head_name(func)
        target = self.context.imports.aliases.get(head) if head else None
        return target.partition(".")[0] if target else ""

    def _is_http_mock(self, call: cst.Call) -> bool:
        """`responses.add(...)`, `respx.get(url).mock(...)`, `requests_mock.Mocker()`, `httpx_mock.add_response(...)`."""
        return self._module_of(call.func) in HTTP_MOCK_MODULES or head_name(call.func) in HTTP_MOCK_FIXTURES

    def _class_mock(self, func: cst.BaseExpression) -> str:
        """The mock kept on the test class that a call is made on (`self.gateway.charge(10)`, `self.client.session.get(
        "/now")` with `self.client.session` a mock), '' for a call on anything else of `self`."""
        dotted = full_name(func) or self_attribute(func)
        return next((mock for mock in self._class_mocks[-1] if dotted == mock or dotted.startswith(mock + ".")), "")

    def _from_standard_library(self, func: cst.BaseExpression) -> bool:
        """`Path("a.mov")`, `json.dumps(...)`: an imported standard-library name builds test data, it tests nothing."""
        head = head_name(func)
        target = self.context.imports.aliases.get(head) if head else None
        if target is None:
            return False
        module, _, rest = target.partition(".")
        return module in DATA_MODULES or f"{module}.{rest.partition('.')[0]}" in DATA_MODULES

    def _is_mock_factory(self, call: cst.Call) -> bool:
        called = last_name(call.func)
        qualified = self.qualified_name(call) or ""
        if called in MOCK_CLASSES and (qualified.startswith(MOCK_MODULES) or isinstance(call.func, cst.Name)):
            return True
        if called in PATCHERS and (qualified.startswith(MOCK_MODULES) or head_name(call.func) == "mocker"):
            return True
        return head_name(call.func) == "mocker" and called in MOCK_CLASSES

    def _patch_target(self, call: cst.Call) -> str:
        """What `patch("shop.api.fetch")` or `patch.object(Api, "fetch")` replaces, as a dotted name; '' if unknown."""
        patcher = last_name(call.func)
        if patcher not in PATCHERS or not call.args or not self._is_mock_factory(call):
            return ""
        first = call.args[0].value
        if patcher == "patch":
            return string_value(first) or ""
        if patcher == "object" and len(call.args) >= 2:
            owner, attribute = self.qualified_name(first), string_value(call.args[1].value)
            return f"{owner}.{attribute}" if owner and attribute else ""
        return ""

    def _monkeypatch_target(self, call: cst.Call) -> str:
        """What `monkeypatch.setattr(api, "fetch", fake)` or `monkeypatch.setattr("shop.api.fetch", fake)` replaces."""
        if last_name(call.func) != "setattr" or not call.args:
            return ""
        first = call.args[0].value
        if len(call.args) == 2 or string_value(first) is not None:
            return string_value(first) or ""
        owner, attribute = self.qualified_name(first), string_value(call.args[1].value)
        return f"{owner}.{attribute}" if owner and attribute else ""

    def _patched_parameters(self, node: cst.FunctionDef) -> list[str]:
        """The parameters that `@patch(...)` decorators inject: the first ones, one per decorator; pytest passes its
        fixtures to the parameters after them (`def test_x(mock_send, client)`)."""
        count = 0
        for decorator in node.decorators:
            target = decorator.decorator
            if isinstance(target, cst.Call) and self._is_mock_factory(target) and not any(
                    arg.keyword is not None and arg.keyword.value == "new" for arg in target.args):
                count += 1
        params = [p.name.value for p in node.params.params if p.name.value not in ("self", "cls")]
        return params[:count]
