"""VC107: an HTTP response body used without looking at the status code."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import RuleContext
from vibecheck.rules.error_handling.http_calls import (
    CLIENT_METHODS,
    VERBS,
    HttpClientRule,
    Library,
    keyword,
    unwrap_await,
)

BODY_ATTRIBUTES = frozenset({"json", "text", "content", "read", "iter_content", "iter_lines", "iter_bytes", "iter_text"})
STATUS_ATTRIBUTES = frozenset({
    "raise_for_status", "status_code", "status", "ok", "is_success", "is_error", "is_client_error",
    "is_server_error", "is_redirect", "reason", "reason_phrase",
})
CHECKING_CLIENT_OPTIONS = ("raise_for_status", "event_hooks", "hooks")
# The method names of every attribute call `request_library` recognises (`requests.post`, `session.put`).
REQUEST_NAMES = VERBS | CLIENT_METHODS


@dataclass
class ResponseState:
    """A variable holding a response in the current function: where its body was first used, and whether checked."""

    first_use: cst.Attribute | None = None
    checked: bool = False


class HttpStatusUnchecked(HttpClientRule):
    """An HTTP response whose body is used without a look at its status.

    ## What it does
    Reports the use of a response body (`.json()`, `.text`, `.content`, `.read()`, `.iter_content()`...)
    when the response comes from an HTTP request (`requests`, a `requests.Session()`, `httpx`, an
    `httpx.Client()`, an `aiohttp.ClientSession()`) and, in the same function, nothing looks at its
    status: no `raise_for_status()`, no `status_code`/`status`/`ok`/`is_success`/`is_error`, no
    `if response:`. Chained calls such as `requests.get(url).json()` are reported too, and so is a
    request whose response is thrown away (`requests.post(url, json=event)` as a statement on its own,
    or `await client.put(...)`): nothing can ever learn that the server refused it.

    Not reported: a response passed to another function, returned, or stored (someone else may check
    it), and requests sent through a client built with `raise_for_status=True` (aiohttp, also given to the
    request itself: `session.get(url, raise_for_status=True)`) or response hooks (`event_hooks=`, `hooks=`).
    Test files are skipped: a test asserts on the body it reads, which checks the response more strictly than
    a status code does.

    ## Why is this bad?
    HTTP libraries do not raise on a 404 or a 500: they return the error page as a normal response. The
    code then parses an error body as data: `.json()` fails with a confusing decode error far from the
    cause, or, worse, succeeds on a JSON error object and the program carries on with `{"error": ...}`
    as if it were the result.

    ## Example
    ```python
    import requests

    def fetch_user(user_id):
        response = requests.get(f"https://api.example.com/users/{user_id}", timeout=10)
        return response.json()
    ```

    ## Use instead
    ```python
    import requests

    def fetch_user(user_id):
        response = requests.get(f"https://api.example.com/users/{user_id}", timeout=10)
        response.raise_for_status()
        return response.json()
    ```

    ## References
    - [CWE-252: Unchecked Return Value](https://cwe.mitre.org/data/definitions/252.html)
    - [requests: response status codes](https://requests.readthedocs.io/en/latest/user/quickstart/#response-status-codes)
    - [HTTPX: `Response.raise_for_status`](https://www.python-httpx.org/api/#response)
    """

    code = "VC107"
    name = "http-status-unchecked"
    category = Category.ERROR_HANDLING
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (252, 754)
    applies_to_tests = False  # a test's request goes to a test server or a mock
    # Every finding reads a response of `requests`, `httpx` or `aiohttp`, which the file must name.
    file_hints = ("requests", "httpx", "aiohttp")

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        self.frames: list[dict[str, ResponseState]] = [{}]

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().visit_FunctionDef(node)
        self.frames.append({})

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().leave_FunctionDef(node)
        self._flush(self.frames.pop())

    def leave_Module(self, node: cst.Module) -> None:
        self._flush(self.frames[0])

    def visit_Assign(self, node: cst.Assign) -> None:
        super().visit_Assign(node)
        if self._is_response(node.value):
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    self._start(target.target.value)
        else:
            self._escapes(node.value)

    def leave_Assign(self, node: cst.Assign) -> None:
        if self._is_response(node.value):
            return
        frame = self.frames[-1]
        for target in node.targets:
            if isinstance(target.target, cst.Name) and target.target.value in frame:
                self._flush({target.target.value: frame.pop(target.target.value)})

    def visit_WithItem(self, node: cst.WithItem) -> None:
        super().visit_WithItem(node)
        if node.asname is not None and isinstance(node.asname.name, cst.Name) and self._is_response(node.item):
            self._start(node.asname.name.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        attribute = node.attr.value
        receiver = unwrap_await(node.value)
        if attribute in BODY_ATTRIBUTES and self._is_response(receiver):
            self._report(node)
            return
        if not isinstance(receiver, cst.Name):
            return
        state = self.frames[-1].get(receiver.value)
        if state is None:
            return
        if attribute in STATUS_ATTRIBUTES:
            state.checked = True
        elif attribute in BODY_ATTRIBUTES and state.first_use is None:
            state.first_use = node

    def visit_Expr(self, node: cst.Expr) -> None:
        """`requests.post(url, json=event)` on its own: the response, and its status, are dropped."""
        call = unwrap_await(node.value)
        if not isinstance(call, cst.Call) or (isinstance(call.func, cst.Attribute) and call.func.attr.value not in REQUEST_NAMES):
            return  # cheap first: most statements are method calls of other names (`items.append(...)`)
        if not self._is_response(call):
            return
        if self.request_library(call) is Library.AIOHTTP and not isinstance(node.value, cst.Await):
            return  # a coroutine never awaited: no request is sent at all
        self.report(
            node,
            "The response of this HTTP request is thrown away, so a refused or failed request "
            "(a 4xx or 5xx status) goes unnoticed.",
            hint="Keep the response and call `response.raise_for_status()` (or check `response.status_code`).",
        )

    def visit_Arg(self, node: cst.Arg) -> None:
        self._escapes(node.value)

    def visit_Return(self, node: cst.Return) -> None:
        if node.value is not None:
            self._escapes(node.value)

    def visit_Yield(self, node: cst.Yield) -> None:
        if isinstance(node.value, cst.BaseExpression):
            self._escapes(node.value)

    def visit_Element(self, node: cst.Element) -> None:
        self._escapes(node.value)

    def visit_DictElement(self, node: cst.DictElement) -> None:
        self._escapes(node.value)

    def visit_If(self, node: cst.If) -> None:
        self._tested(node.test)

    def visit_While(self, node: cst.While) -> None:
        self._tested(node.test)

    def visit_Assert(self, node: cst.Assert) -> None:
        self._tested(node.test)

    def visit_IfExp(self, node: cst.IfExp) -> None:
        self._tested(node.test)

    def _is_response(self, node: cst.BaseExpression) -> bool:
        call = unwrap_await(node)
        if type(call) is not cst.Call or self.request_library(call) is None:
            return False
        per_request = keyword(call, "raise_for_status")  # aiohttp's `session.get(url, raise_for_status=True)`
        if per_request is not None and not (type(per_request.value) is cst.Name and per_request.value.value == "False"):
            return False
        client = self.client_call(call)
        return client is None or not any(keyword(client, option) for option in CHECKING_CLIENT_OPTIONS)

    def _start(self, name: str) -> None:
        frame = self.frames[-1]
        if name in frame:
            self._flush({name: frame.pop(name)})
        frame[name] = ResponseState()

    def _escapes(self, value: cst.BaseExpression) -> None:
        """The response itself goes somewhere else, where it may be checked."""
        if type(value) is cst.Name and value.value in self.frames[-1]:
            self.frames[-1][value.value].checked = True

    def _tested(self, test: cst.BaseExpression) -> None:
        """`if response:` and `if not response or ...:` look at `Response.ok`."""
        while isinstance(test, cst.UnaryOperation):  # a loop: `not not ... x` may nest thousands deep
            test = test.expression
        if isinstance(test, cst.BooleanOperation):
            self._tested(test.left)
            self._tested(test.right)
        else:
            self._escapes(test)

    def _flush(self, frame: dict[str, ResponseState]) -> None:
        for state in frame.values():
            if state.first_use is not None and not state.checked:
                self._report(state.first_use)

    def _report(self, use: cst.Attribute) -> None:
        used = " ".join(self.context.module.code_for_node(use).split())
        if len(used) > 50:
            used = "..." + used[-47:]
        self.report(
            use,
            f"`{used}` reads an HTTP response body without checking the status, so an error page is used as data.",
            hint="Call `response.raise_for_status()` (or check `response.status_code`) before reading the body.",
        )
