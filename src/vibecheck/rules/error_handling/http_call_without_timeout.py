"""VC106: an HTTP request that can wait forever (no timeout, or the timeout switched off)."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from vibecheck.analysis.call_edits import with_keyword
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import NodeFix
from vibecheck.rules.error_handling.http_calls import (
    CLIENT_METHODS,
    HttpClientRule,
    Library,
    has_star_kwargs,
    keyword,
)

URLOPEN = frozenset({"urllib.request.urlopen", "urllib2.urlopen"})
# Downloads that take no timeout at all: only `socket.setdefaulttimeout(...)` in the file bounds them.
URLRETRIEVE = frozenset({"urllib.request.urlretrieve", "urllib.urlretrieve"})
URLOPEN_TIMEOUT_POSITION = 2
# requests.Session.request(method, url, params, data, headers, cookies, files, auth, timeout, ...)
SESSION_REQUEST_TIMEOUT_POSITION = 8
HTTPX_TIMEOUT = frozenset({"httpx.Timeout"})
# Modules that export `ClientTimeout` beside `ClientSession` and `request`.
AIOHTTP_MODULES = frozenset({"aiohttp", "aiohttp.client"})
# How long aiohttp may wait for a connection and between two reads: a silent server, not a long download.
AIOHTTP_SILENCE_LIMITS = ("sock_connect", "sock_read")
AIOHTTP_TIMEOUTS = frozenset(f"{module}.ClientTimeout" for module in AIOHTTP_MODULES)
AIOHTTP_WHY = "`aiohttp` then allows 5 minutes per request and never bounds a single read"


@dataclass(frozen=True)
class HttpTimeoutOptions:
    """Options of `http-call-without-timeout`."""

    fix_timeout: float = 10.0


def is_none(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


class HttpCallWithoutTimeout(HttpClientRule):
    """An HTTP request made without a timeout, or with the timeout switched off.

    ## What it does
    Reports, per library, the calls that can wait forever:
    - `requests`: a request function (`requests.get(...)`, `requests.request(...)`) or a method of a
      `requests.Session()` (`session.get(...)`) called without `timeout=`, or with `timeout=None`:
      `requests` has no default timeout.
    - `httpx`: only `timeout=None` (or `httpx.Timeout(None)`) on a request function, a client method or
      `httpx.Client(...)`/`httpx.AsyncClient(...)`. `httpx` applies a 5-second default timeout, so a call
      without `timeout=` is bounded and is not reported.
    - `urllib.request.urlopen(url)` without a timeout: it then waits on the global socket default, which
      is none; and `urllib.request.urlretrieve(url, path)`, which takes no timeout at all, unless the file
      sets that default (`socket.setdefaulttimeout(...)`).
    - `aiohttp.ClientSession()` and `aiohttp.request(...)` without `timeout=`: the default only bounds
      the whole request at 5 minutes, far longer than any caller waits, and never bounds a single read. A
      session is not reported when every request this file sends through it passes its own `timeout=` (also
      through a method that makes and returns it: `session = await self.create_session()`).
    Test files are not checked: a test talks to a local test server, and a hung test is caught by the
    test runner's own timeout (bandit's `B113` is not reported there either).

    A call that passes `**kwargs` is not reported, since the timeout may be in there.

    ## Why is this bad?
    A server that accepts the connection and never answers (overloaded, a half-open connection, a
    misconfigured proxy) blocks the caller for good: a worker, a request handler or a cron job hangs with
    no error and no log line, and the pool of workers drains one by one.

    ## Example
    ```python
    import requests

    def fetch_rates(base_url):
        response = requests.get(f"{base_url}/rates")
        response.raise_for_status()
        return response.json()
    ```

    ## Use instead
    ```python
    import requests

    def fetch_rates(base_url):
        response = requests.get(f"{base_url}/rates", timeout=(3.05, 10))
        response.raise_for_status()
        return response.json()
    ```

    ## Fix safety
    A `requests` call or `urlopen()` without a timeout gets `timeout=` with the `fix-timeout` value (10
    seconds unless configured); an `aiohttp.ClientSession(...)` or `aiohttp.request(...)` gets
    `timeout=aiohttp.ClientTimeout(sock_connect=10, sock_read=10)`, spelled through the file's own import (no
    fix when the file imports neither `aiohttp` nor `ClientTimeout`): like `requests`' timeout, it limits how
    long the server may stay silent, not how long a whole download may take (`total=` would cut off a large
    streamed body on a session's every request). The fix is unsafe: a call to a service that takes
    longer than that to answer (a slow report, a large upload, a model behind an API) used to wait and now
    raises a timeout error, so the value must be checked against the service. `timeout=None` has no fix:
    it was written on purpose.

    ## Options
    - `fix-timeout` (number, default `10`): the seconds the fix writes into `timeout=`.

    ## References
    - [CWE-1088: Synchronous Access of Remote Resource without Timeout](https://cwe.mitre.org/data/definitions/1088.html)
    - [requests: timeouts](https://requests.readthedocs.io/en/latest/user/advanced/#timeouts)
    - [HTTPX: timeouts](https://www.python-httpx.org/advanced/timeouts/)
    - [aiohttp: timeouts](https://docs.aiohttp.org/en/stable/client_quickstart.html#timeouts)
    """

    code = "VC106"
    name = "http-call-without-timeout"
    category = Category.ERROR_HANDLING
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (1088, 400)
    applies_to_tests = False  # a test's request goes to a test server or a mock
    supersedes = ("B113",)
    # Every finding is a call of `requests`, `httpx`, `aiohttp`, `urlopen` or `urlretrieve`, which the file must name.
    file_hints = ("requests", "httpx", "aiohttp", "urlopen", "urlretrieve")
    fixable = True
    Options = HttpTimeoutOptions

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        # aiohttp sessions made without a timeout -> whether every request sent through them passes one (None: none
        # seen yet); judged at the end of the file, since the requests come after the session is made
        self._sessions: dict[int, tuple[cst.Call, bool | None]] = {}

    def visit_Call(self, node: cst.Call) -> None:
        self._note_session_request(node)
        if has_star_kwargs(node):
            return
        name = self.qualified_name(node) or ""
        if name in URLOPEN:
            if keyword(node, "timeout") is None and _positional_count(node) <= URLOPEN_TIMEOUT_POSITION:
                self._report_missing(node, "`urlopen()` waits on the global socket default, which is no timeout",
                                     fix=self._timeout_fix(node))
            return
        if name in URLRETRIEVE:
            if "setdefaulttimeout" not in self.context.source:
                self.report(
                    node,
                    f"`{self._callee(node)}(...)` takes no timeout and waits on the global socket default, which is "
                    "none, so a server that never answers blocks it forever.",
                    hint="Download with `urllib.request.urlopen(url, timeout=...)` (or `requests` with `timeout=`) "
                    "and write the body to the file.",
                )
            return
        library = self.client_library(node)
        if library is not None:
            self._check_client(node, library)
            return
        library = self.request_library(node)
        if library is not None:
            self._check_request(node, library)

    def _check_client(self, node: cst.Call, library: Library) -> None:
        timeout = keyword(node, "timeout")
        if library in (Library.HTTPX, Library.HTTPX_ASYNC):
            if timeout is not None and self._disables(timeout.value):
                self._report_disabled(node)
        elif library is Library.AIOHTTP and timeout is None:
            self._sessions[id(node)] = (node, None)

    def _note_session_request(self, node: cst.Call) -> None:
        """A request sent through an aiohttp session made without a timeout: does it pass its own?"""
        session = self.client_call(node) if self._sessions else None
        func = node.func
        if session is None or id(session) not in self._sessions or not isinstance(func, cst.Attribute) \
                or func.attr.value not in CLIENT_METHODS:
            return
        made, timed = self._sessions[id(session)]
        passes = keyword(node, "timeout") is not None or has_star_kwargs(node)
        self._sessions[id(session)] = (made, passes if timed is None else timed and passes)

    def leave_Module(self, node: cst.Module) -> None:
        """An aiohttp session without a timeout is reported unless every request sent through it in this file
        passes its own (`session.request(..., timeout=aiohttp.ClientTimeout(total=t))`)."""
        for session, timed in self._sessions.values():
            if not timed:
                self._report_missing(session, AIOHTTP_WHY, fix=self._aiohttp_timeout_fix(session))

    def _check_request(self, node: cst.Call, library: Library) -> None:
        timeout = keyword(node, "timeout")
        if library in (Library.HTTPX, Library.HTTPX_ASYNC):
            if timeout is not None and self._disables(timeout.value):
                self._report_disabled(node)
            return
        if library is Library.AIOHTTP:
            if timeout is None and self.qualified_name(node) == "aiohttp.request":
                self._report_missing(node, AIOHTTP_WHY, fix=self._aiohttp_timeout_fix(node))
            return
        if timeout is not None:
            if is_none(timeout.value):
                self._report_disabled(node)
            return
        if self._positional_session_timeout(node):
            return
        self._report_missing(node, "`requests` has no default timeout", fix=self._timeout_fix(node))

    def _positional_session_timeout(self, node: cst.Call) -> bool:
        func = node.func
        is_method_request = isinstance(func, cst.Attribute) and func.attr.value == "request"
        return is_method_request and self.qualified_name(node) != "requests.request" and (
            _positional_count(node) > SESSION_REQUEST_TIMEOUT_POSITION)

    def _disables(self, value: cst.BaseExpression) -> bool:
        if is_none(value):
            return True
        if isinstance(value, cst.Call) and self.qualified_name(value) in HTTPX_TIMEOUT:
            return len(value.args) == 1 and value.args[0].keyword is None and is_none(value.args[0].value)
        return False

    def _report_missing(self, node: cst.Call, why: str, fix: NodeFix | None = None) -> None:
        self.report(
            node,
            f"`{self._callee(node)}(...)` has no `timeout=`: {why}, so a server that never answers blocks it forever.",
            hint="Pass an explicit `timeout=` (seconds, or a connect/read pair) suited to the service.",
            fix=fix,
        )

    def _seconds(self) -> tuple[str, cst.BaseExpression]:
        seconds = f"{self.options.fix_timeout:g}"
        return seconds, cst.Float(seconds) if "." in seconds or "e" in seconds else cst.Integer(seconds)

    def _timeout_fix(self, node: cst.Call) -> NodeFix:
        seconds, value = self._seconds()
        return NodeFix(f"Add `timeout={seconds}`", ((node, with_keyword(node, "timeout", value)),), safe=False)

    def _aiohttp_timeout_fix(self, node: cst.Call) -> NodeFix | None:
        """`timeout=aiohttp.ClientTimeout(sock_connect=N, sock_read=N)`, spelled the way this file names `ClientTimeout`."""
        timeout = self._client_timeout_spelling(node)
        if timeout is None:
            return None
        seconds, value = self._seconds()
        no_spaces = cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace(""))
        limits = [cst.Arg(value, keyword=cst.Name(limit), equal=no_spaces) for limit in AIOHTTP_SILENCE_LIMITS]
        client_timeout = cst.Call(cst.parse_expression(timeout), limits)
        return NodeFix(f"Add `timeout={self.context.module.code_for_node(client_timeout)}`",
                       ((node, with_keyword(node, "timeout", client_timeout)),), safe=False)

    def _client_timeout_spelling(self, node: cst.Call) -> str | None:
        """`aiohttp.ClientTimeout` beside `aiohttp.ClientSession(...)`; the imported name beside a bare `ClientSession`."""
        func = node.func
        if isinstance(func, cst.Attribute) and self.qualified_name(func.value) in AIOHTTP_MODULES:
            return f"{self.context.module.code_for_node(func.value)}.ClientTimeout"
        aliases = self.context.imports.aliases
        local = next((name for name, dotted in aliases.items() if dotted in AIOHTTP_TIMEOUTS), None)
        if local is not None:
            return local
        module = next((name for name, dotted in aliases.items() if dotted == "aiohttp"), None)
        return f"{module}.ClientTimeout" if module is not None else None

    def _report_disabled(self, node: cst.Call) -> None:
        self.report(
            node,
            f"`{self._callee(node)}(...)` switches its timeout off with `None`, "
            "so a server that never answers blocks it forever.",
            hint="Pass a finite `timeout=` (seconds) instead of `None`.",
        )

    def _callee(self, node: cst.Call) -> str:
        return " ".join(self.context.module.code_for_node(node.func).split())


def _positional_count(node: cst.Call) -> int:
    return sum(1 for arg in node.args if arg.keyword is None and not arg.star)
