"""VC110: a blocking call (sleep, sync HTTP, subprocess, file open) made directly inside `async def`."""

from __future__ import annotations

import libcst as cst

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import RuleContext
from vibecheck.rules.error_handling.blocking_calls import (
    BLOCKING_CALLS,
    CONNECTING_CLIENTS,
    FILE_CALLS,
    FILE_HINT,
    HTTP_HINT,
)
from vibecheck.rules.error_handling.http_calls import HttpClientRule, Library

SYNC_HTTP = (Library.REQUESTS, Library.HTTPX)
# `Path(...).<method>()`: file I/O on a path built in place.
PATH_IO_METHODS = frozenset({"read_text", "read_bytes", "write_text", "write_bytes", "open"})
# Calls whose arguments run in a worker thread, not on the event loop.
OFFLOADING_METHODS = frozenset({"run_in_executor", "to_thread", "run_sync", "submit"})
# Scrapy runs its components on the Twisted reactor's one thread: the hooks of middlewares and pipelines (by name, in
# a file that imports scrapy: they derive from nothing) and the callbacks of a spider (the methods of a class deriving
# from one, but its set-up: `__init__`, `start_requests`, `from_crawler`, which run before the crawl fills the
# reactor). A sleep or a synchronous request there stalls every download of the crawl. Opening a file there is the
# idiom Scrapy's own docs use for an export pipeline, so only sleeps and requests count.
SCRAPY_HOOKS = frozenset({"process_request", "process_response", "process_exception", "process_item",
                          "process_spider_input", "process_spider_output", "process_spider_exception",
                          "process_start_requests", "spider_opened", "spider_closed", "item_scraped"})
SCRAPY_SPIDERS = frozenset({"scrapy.Spider", "scrapy.spiders.Spider", "scrapy.spiders.CrawlSpider", "scrapy.CrawlSpider",
                            "scrapy.spiders.SitemapSpider", "scrapy.spiders.XMLFeedSpider", "scrapy.spiders.CSVFeedSpider"})
SPIDER_SET_UP = frozenset({"__init__", "start_requests", "from_crawler", "update_settings"})
# The longest sleep that stalls no other task: a pause of a millisecond or less given as a number (rocketry's
# `time.sleep(1e-6)` so that a log record's time is past) lasts about as long as a scheduler tick.
MOMENTARY_SLEEP = 0.001
SCRAPY_HINT = ("Let Scrapy pace and retry requests (`DOWNLOAD_DELAY`, AutoThrottle, the retry middleware) and fetch "
               "through `scrapy.Request`, or make the callback `async def` and await the work.")


class BlockingCallInAsync(HttpClientRule):
    """A blocking call inside `async def`, which freezes the whole event loop while it runs.

    ## What it does
    Reports, directly inside an `async def`, calls that block the thread: `time.sleep(...)`; synchronous
    HTTP (`requests` functions and `requests.Session()` methods, `httpx` module functions and
    `httpx.Client()` methods, `urllib.request.urlopen`); child processes (`subprocess.run`, `call`,
    `check_call`, `check_output`, `os.system`); a mail or FTP client given its host, which connects at once
    (`smtplib.SMTP("mail", 25)`, `ftplib.FTP(host)`); the built-in `open(...)` and file I/O on a path built in
    place (`Path(name).read_text()`, `.write_bytes(...)`, `.open()`). Calls in a nested plain
    `def` or `lambda` (which may run in a thread) and in the arguments of `run_in_executor(...)`,
    `asyncio.to_thread(...)` or `anyio.to_thread.run_sync(...)` are not reported, nor is an awaited call
    (`response = await client.get(...)` where another function of the module binds `client` to `httpx.Client()`:
    a synchronous client's method returns nothing to await).

    Also a call, inside an `async def`, of a plain `def` function of the same file that itself sleeps,
    sends a synchronous HTTP request, connects such a client or runs a child process (`rate = get_rate(currency)` where
    `def get_rate` calls `requests.get`), or of a plain method of the same class (`self.download_sync(url)` in an
    `async def` method, where `def download_sync` calls `requests.get`): the blocking call is one step away, and
    blocks just the same.
    Scrapy's components run on one thread too, Twisted's reactor: a `time.sleep(...)` or a synchronous
    HTTP request in a middleware's or pipeline's hook (`process_request`, `process_response`, `process_item`...,
    in a file that imports scrapy) or in a spider's callback (a method of a `scrapy.Spider` subclass but
    `__init__`, `start_requests` and `from_crawler`) is reported; opening a file there is the export pipeline of
    Scrapy's own docs, and is not.
    A sleep of a millisecond or less written as a number (`time.sleep(1e-6)`) stalls no other task and is not
    reported.
    Test files are not checked: the event loop of an async test runs that test alone (a fixture file read with
    `open(...)`, a deliberate `time.sleep` to outlast a timeout), so blocking it stalls no other task.

    ## Why is this bad?
    An event loop runs all its tasks on one thread. While one coroutine sleeps or waits on a socket
    synchronously, no other task runs: every request the server is handling stalls, timeouts fire
    elsewhere, and throughput collapses under load while each piece looks fine on its own.

    ## Example
    ```python
    import time

    import requests

    async def poll_status(url):
        time.sleep(2)
        return requests.get(url, timeout=10).json()
    ```

    ## Use instead
    ```python
    import asyncio

    import httpx

    async def poll_status(url):
        await asyncio.sleep(2)
        async with httpx.AsyncClient(timeout=10) as client:
            response = await client.get(url)
        response.raise_for_status()
        return response.json()
    ```

    ## References
    - [Python docs: developing with asyncio, running blocking code](https://docs.python.org/3/library/asyncio-dev.html#running-blocking-code)
    - [CWE-400: Uncontrolled Resource Consumption](https://cwe.mitre.org/data/definitions/400.html)
    """

    code = "VC110"
    name = "blocking-call-in-async"
    category = Category.ERROR_HANDLING
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (400,)
    applies_to_tests = False  # a test's event loop runs that one test: blocking it stalls no one else's request
    # Every finding is inside an `async def`.
    file_hints = ("async", "scrapy")

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        self.functions: list[cst.FunctionDef | cst.Lambda] = []
        self.offloading: list[cst.Call] = []
        # Plain module-level functions of this file that block (name -> the blocking callee), and the calls
        # of plain names from `async def`s, judged against them once the whole file is read.
        self.blocking_helpers: dict[str, str] = {}
        # (call, the helper's key: `name` or `Class.method`, the calling coroutine, the callee as written)
        self.helper_calls: list[tuple[cst.Call, str, str, str]] = []
        self.awaited: set[int] = set()  # calls under `await`: a coroutine's, whatever the name they are made on

    def visit_Await(self, node: cst.Await) -> None:
        if type(node.expression) is cst.Call:
            self.awaited.add(id(node.expression))

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().visit_FunctionDef(node)
        self.functions.append(node)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().leave_FunctionDef(node)
        self.functions.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.functions.append(node)

    def leave_Lambda(self, node: cst.Lambda) -> None:
        self.functions.pop()

    def leave_Call(self, node: cst.Call) -> None:
        if self.offloading and self.offloading[-1] is node:
            self.offloading.pop()

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if type(func) is cst.Attribute and func.attr.value in OFFLOADING_METHODS:
            self.offloading.append(node)
            return
        function = self.functions[-1] if self.functions else None
        if not isinstance(function, cst.FunctionDef) or self.offloading or id(node) in self.awaited:
            return  # `await client.get(...)`: a synchronous client's method returns nothing to await
        if function.asynchronous is None:
            self._note_blocking_helper(node, function)
            if self._runs_on_reactor(function):
                self._check_reactor_call(node, function)
            return
        if isinstance(func, cst.Name):
            self.helper_calls.append((node, func.value, function.name.value, func.value))
        elif (owner := self._method_owner(function)) and type(func) is cst.Attribute \
                and type(func.value) is cst.Name and func.value.value == "self":
            self.helper_calls.append((node, f"{owner}.{func.attr.value}", function.name.value, f"self.{func.attr.value}"))
        name = self.qualified_name(node) or ""
        if name == "time.sleep" and _momentary(node):
            return
        hint = BLOCKING_CALLS.get(name) or (CONNECTING_CLIENTS.get(name) if node.args else None)
        if hint is None and self.request_library(node) in SYNC_HTTP:
            hint = HTTP_HINT
        if hint is None and self._is_path_io(func):
            hint = FILE_HINT
        if hint is None:
            return
        callee = " ".join(self.context.module.code_for_node(func).split())
        self.report(
            node,
            f"`{callee}(...)` blocks the event loop inside `async def {function.name.value}`: "
            "every other task stalls until it returns.",
            hint=hint,
        )

    def _runs_on_reactor(self, function: cst.FunctionDef) -> bool:
        """A method Scrapy calls on its reactor thread: a middleware's or pipeline's hook, or a spider's callback."""
        if len(self.scopes) < 2 or self.scopes[-1] is not function or type(self.scopes[-2]) is not cst.ClassDef \
                or not self.context.imports.imports_any(("scrapy",)):
            return False
        owner = self.scopes[-2]
        if function.name.value in SCRAPY_HOOKS:
            return True
        return function.name.value not in SPIDER_SET_UP and isinstance(owner, cst.ClassDef) and any(
            self.qualified_name(base.value) in SCRAPY_SPIDERS for base in owner.bases)

    def _check_reactor_call(self, node: cst.Call, function: cst.FunctionDef) -> None:
        name = self.qualified_name(node) or ""
        if name != "time.sleep" and self.request_library(node) not in SYNC_HTTP:
            return
        callee = " ".join(self.context.module.code_for_node(node.func).split())
        self.report(node, f"`{callee}(...)` blocks Scrapy's reactor inside `{function.name.value}`: every other "
                    "download of the crawl stalls until it returns.", hint=SCRAPY_HINT)

    def _is_path_io(self, func: cst.BaseExpression) -> bool:
        return (isinstance(func, cst.Attribute) and func.attr.value in PATH_IO_METHODS
                and isinstance(func.value, cst.Call) and self.qualified_name(func.value) == "pathlib.Path")

    def _method_owner(self, function: cst.FunctionDef) -> str:
        """The name of the module-level class whose method `function` is; '' for anything else."""
        if len(self.scopes) == 2 and self.scopes[-1] is function and type(self.scopes[0]) is cst.ClassDef:
            return self.scopes[0].name.value
        return ""

    def _note_blocking_helper(self, node: cst.Call, function: cst.FunctionDef) -> None:
        """A module-level plain `def`, or a plain method of a module-level class, that sleeps, sends a synchronous
        request, connects a mail or FTP client or runs a process (not file I/O)."""
        owner = self._method_owner(function)
        key = f"{owner}.{function.name.value}" if owner else function.name.value
        if (self.scopes != [function] and not owner) or key in self.blocking_helpers:
            return
        name = self.qualified_name(node) or ""
        if name == "time.sleep" and _momentary(node):
            return
        if (name in BLOCKING_CALLS and name not in FILE_CALLS) or (name in CONNECTING_CLIENTS and node.args) \
                or self.request_library(node) in SYNC_HTTP:
            self.blocking_helpers[key] = " ".join(self.context.module.code_for_node(node.func).split())

    def leave_Module(self, node: cst.Module) -> None:
        for call, key, caller, helper in self.helper_calls:
            blocking = self.blocking_helpers.get(key)
            if blocking is None:
                continue
            self.report(
                call,
                f"`{helper}(...)` blocks the event loop inside `async def {caller}`: it calls `{blocking}(...)`, "
                "so every other task stalls until it returns.",
                hint=f"Run it with `await asyncio.to_thread({helper}, ...)`, or make `{helper}` async.",
            )


def _momentary(call: cst.Call) -> bool:
    """`time.sleep(1e-6)`, `time.sleep(0)`: a pause given as a number of at most a millisecond."""
    if not call.args or call.args[0].keyword is not None or call.args[0].star:
        return False
    value = call.args[0].value
    if type(value) is not cst.Integer and type(value) is not cst.Float:
        return False
    try:
        return float(value.value.replace("_", "")) <= MOMENTARY_SLEEP
    except ValueError:
        return False  # `0x10`: a number spelt in another base, not read as a pause
