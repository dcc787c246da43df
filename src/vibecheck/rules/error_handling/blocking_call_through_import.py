"""VC112: an `async def` calls a plain function of another project module that sleeps, sends a request or runs a process."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from vibecheck.analysis.call_flow import module_name
from vibecheck.analysis.modules import resolve_relative
from vibecheck.model import Category, Confidence, Finding, Location, Position, Severity
from vibecheck.project import Project
from vibecheck.rule import ProjectRule, RuleContext
from vibecheck.rules.error_handling.blocking_calls import BLOCKING_CALLS, BLOCKING_CLIENT_METHODS, FILE_CALLS

FACT = "blocking_io"
HTTP_FUNCTIONS = ("get", "post", "put", "patch", "delete", "head", "options", "request", "stream")
# What blocks the thread: the per-file rule's table (file I/O aside: a helper that reads its config is common and brief)
# and the module functions of the synchronous HTTP clients.
BLOCKING = frozenset({name for name in BLOCKING_CALLS if name not in FILE_CALLS}
                     | {f"{library}.{function}" for library in ("requests", "httpx") for function in HTTP_FUNCTIONS})
# A module can only hold such a helper when its text names one of these.
HELPER_WORDS = ("sleep", "requests", "httpx", "subprocess", "system", "urlopen", "paramiko", "smtplib", "ftplib")
ASYNC_WORD = "async def"
NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def _imports(tree: ast.Module) -> dict[str, str]:
    """Module-level `local name -> dotted name` (relative names keep their dots)."""
    aliases: dict[str, str] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                aliases[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else alias.name.split(".")[0]
        elif isinstance(statement, ast.ImportFrom):
            base = "." * statement.level + (statement.module or "")
            for alias in statement.names:
                separator = "" if base.endswith(".") or not base else "."
                aliases[alias.asname or alias.name] = f"{base}{separator}{alias.name}"
    return aliases


def _dotted(node: ast.expr, aliases: dict[str, str]) -> str | None:
    """`r.get` -> `requests.get` after `import requests as r`; None for a callee that is not an imported name."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in aliases:
        return None
    return ".".join([aliases[node.id], *reversed(parts)])


def _own_calls(function: ast.AST) -> Iterator[ast.Call]:
    """The calls a function makes itself: not those of the functions, lambdas and classes nested in it."""
    pending = list(ast.iter_child_nodes(function))
    while pending:
        node = pending.pop()
        if isinstance(node, NESTED):
            continue
        if isinstance(node, ast.Call):
            yield node
        pending.extend(ast.iter_child_nodes(node))


def _blocking_helpers(tree: ast.Module, aliases: dict[str, str]) -> dict[str, str]:
    """Module-level plain functions that block, directly or through another such function of the module: name -> callee."""
    functions = {s.name: s for s in tree.body if isinstance(s, ast.FunctionDef)}
    helpers: dict[str, str] = {}
    local_calls: dict[str, set[str]] = {}
    for name, function in functions.items():
        clients = _clients(function, aliases)
        for call in _own_calls(function):
            dotted = _dotted(call.func, aliases)
            if (dotted in BLOCKING or _client_call(call, clients)) and name not in helpers:
                helpers[name] = ast.unparse(call.func)
            elif isinstance(call.func, ast.Name) and call.func.id in functions:
                local_calls.setdefault(name, set()).add(call.func.id)
    changed = True
    while changed:
        changed = False
        for name, called in local_calls.items():
            through = next((c for c in sorted(called) if c in helpers), None) if name not in helpers else None
            if through is not None:
                helpers[name] = f"{through}() -> {helpers[through]}"
                changed = True
    return helpers


def _clients(function: ast.FunctionDef, aliases: dict[str, str]) -> dict[str, frozenset[str]]:
    """The function's names bound to a blocking protocol's client it makes (`client = paramiko.SSHClient()`, `with
    smtplib.SMTP(host) as smtp:`) -> the methods of it that wait on the network."""
    clients: dict[str, frozenset[str]] = {}
    pending: list[ast.AST] = list(function.body)
    while pending:
        node = pending.pop()
        if isinstance(node, NESTED):
            continue
        pairs = [(t, node.value) for t in node.targets] if isinstance(node, ast.Assign) \
            else [(item.optional_vars, item.context_expr) for item in node.items] if isinstance(node, ast.With) else []
        for target, value in pairs:
            if isinstance(target, ast.Name) and isinstance(value, ast.Call):
                methods = BLOCKING_CLIENT_METHODS.get(_dotted(value.func, aliases) or "")
                if methods is not None:
                    clients[target.id] = methods
        pending.extend(ast.iter_child_nodes(node))
    return clients


def _client_call(call: ast.Call, clients: dict[str, frozenset[str]]) -> bool:
    """`client.exec_command(...)` on a name bound to a client whose method it is (`_clients`)."""
    func = call.func
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
        and func.attr in clients.get(func.value.id, frozenset())


def _async_calls(tree: ast.Module, aliases: dict[str, str]) -> list[list[Any]]:
    """`[dotted callee, callee as written, caller, line, column, end column]` for each call, in an `async def`, of an
    imported name outside the standard library."""
    found: list[list[Any]] = []
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.ClassDef):
            pending.extend(node.body)
        elif isinstance(node, ast.AsyncFunctionDef):
            for call in _own_calls(node):
                dotted = _dotted(call.func, aliases)
                root = (dotted or ".").split(".")[0]
                if dotted is not None and "." in dotted and root not in sys.stdlib_module_names:
                    end = (call.func.end_col_offset or 0) + 1
                    found.append([dotted, ast.unparse(call.func), node.name, call.lineno, call.col_offset + 1, end])
    return found


def read_blocking_io(source: str, tree: ast.Module | None) -> dict[str, Any] | None:
    """`FACT` of a module: the blocking helpers it defines and the imported calls its `async def`s make; None when
    it has neither (or its text cannot hold one). Read from the `ast`: when the file is checked, and when a run that
    checks other files indexes it (`index_fact_readers`)."""
    has_helpers = any(word in source for word in HELPER_WORDS)
    has_async = ASYNC_WORD in source
    if not (has_helpers or has_async) or tree is None:
        return None
    aliases = _imports(tree)
    helpers = _blocking_helpers(tree, aliases) if has_helpers else {}
    calls = _async_calls(tree, aliases) if has_async else []
    return {"helpers": helpers, "calls": calls} if helpers or calls else None


class BlockingIoCollector:
    """Writes `FACT` of a checked source file once the walk is over."""

    code = "blocking-io"

    def __init__(self, context: RuleContext, options: object = None) -> None:
        self.context = context

    def leave_Module(self, node: object) -> None:
        if self.context.is_test_file:
            return
        source = self.context.source
        if not (ASYNC_WORD in source or any(word in source for word in HELPER_WORDS)):
            return
        fact = read_blocking_io(source, self.context.python_ast())
        if fact is not None:
            self.context.facts[FACT] = fact


class BlockingCallThroughImport(ProjectRule):
    """An `async def` calls a plain function of another module that blocks: it sleeps, sends a request, runs a process.

    ## What it does
    Reports a call, inside an `async def`, of a plain `def` function that another module of the project defines
    and that calls `time.sleep(...)`, a synchronous HTTP function (`requests.get`, `httpx.post`...),
    `urllib.request.urlopen`, a child process (`subprocess.run`, `os.system`...) or a network method of an SSH, SMTP
    or FTP client it makes (`client = paramiko.SSHClient()`, then `client.connect(...)`; `with smtplib.SMTP(host) as
    smtp: smtp.send_message(...)`), itself or through another function of its module: `from app.rates import
    fetch_rate` and then `rate = fetch_rate(currency)` in an `async def`, also `from . import rates;
    rates.fetch_rate(...)` and relative imports. VC110 reports the same call when the helper sits in the same module; a
    helper passed to `asyncio.to_thread(fetch_rate, ...)` or
    `run_in_executor` is not called on the event loop and is left alone.

    ## Why is this bad?
    The blocking call is one import away, and blocks the event loop just the same: while it waits, no other
    request, task or heartbeat of the process runs. Agents move HTTP calls into a `utils.py` or `services.py`
    and call them from FastAPI handlers or bots without noticing that they are synchronous.

    ## Example
    ```python
    # rates.py
    import requests

    def fetch_rate(currency):
        return requests.get(f"https://rates.example/{currency}", timeout=5).json()["rate"]

    # api.py
    from rates import fetch_rate

    async def convert(amount, currency):
        return amount * fetch_rate(currency)
    ```

    ## Use instead
    ```python
    # api.py
    import asyncio

    from rates import fetch_rate

    async def convert(amount, currency):
        return amount * await asyncio.to_thread(fetch_rate, currency)
    ```

    ## References
    - [Python docs: developing with asyncio, running blocking code](https://docs.python.org/3/library/asyncio-dev.html#running-blocking-code)
    - [CWE-400: Uncontrolled Resource Consumption](https://cwe.mitre.org/data/definitions/400.html)
    """

    code = "VC112"
    name = "blocking-call-through-import"
    category = Category.ERROR_HANDLING
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (400,)
    reads_unchecked_test_facts = False
    reads_unchecked_source_facts = True  # a one-file run (a hook) still knows the helpers of the modules it imports
    fact_collectors = (BlockingIoCollector,)
    index_fact_readers = {FACT: read_blocking_io}
    reads_facts = (FACT,)

    def check_project(self, project: Project) -> Iterable[Finding]:
        facts = dict(project.facts(FACT))
        helpers: dict[str, dict[str, str]] = {}
        modules: dict[str, tuple[str, bool]] = {}
        for path, fact in facts.items():
            relative = project.relative_path(path)
            name = module_name(relative)
            modules[path] = (name, relative.endswith("__init__.py"))
            if fact["helpers"]:
                helpers[name] = fact["helpers"]
        if not helpers:
            return
        for path, fact in facts.items():
            module, is_package = modules[path]
            for dotted, code, caller, line, column, end in fact["calls"]:
                found = _helper(resolve_relative(dotted, module, is_package=is_package), helpers, module)
                if found is not None:
                    yield self._finding(project, path, code, caller, Location(path, Position(line, column),
                                                                                   Position(line, end)), found)

    def _finding(self, project: Project, path: str, code: str, caller: str, location: Location,
                 found: tuple[str, str]) -> Finding:
        helper, blocking = found
        try:
            lines = project.read_text(path).splitlines()
        except OSError:
            lines = []
        return Finding(
            code=self.code, name=self.name,
            message=f"`{code}(...)` blocks the event loop inside `async def {caller}`: `{helper}` calls "
                    f"`{blocking}(...)`, so every other task stalls until it returns.",
            location=location,
            severity=self.severity, confidence=self.confidence, category=self.category,
            hint=f"Run it with `await asyncio.to_thread({code}, ...)`, or give `{helper}` an async version.",
            cwe=self.cwe, line_text=lines[location.start.line - 1] if 0 < location.start.line <= len(lines) else "",
        )


def _helper(target: str, helpers: dict[str, dict[str, str]], caller_module: str) -> tuple[str, str] | None:
    """The blocking helper a dotted callee names in another module (`app.rates.fetch_rate`), as (qualified name, callee).

    Module names come from paths, so a module matches when its name ends with the callee's module part
    (`src.app.rates` for `app.rates`), the way the project's other joins match them.
    """
    module, _, function = target.rpartition(".")
    if not module:
        return None
    for name, functions in helpers.items():
        if name != caller_module and function in functions and (name == module or name.endswith("." + module)):
            return f"{name}.{function}", functions[function]
    return None
