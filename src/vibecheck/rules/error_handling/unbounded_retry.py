"""VC109: `while True` around a `try` whose `except` just loops again: a retry with no limit and no pause."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.cst_fields import child_nodes, walk_own
from vibecheck.literals import literal_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule
from vibecheck.rules.error_handling.handler_facts import (
    EXIT_CALLS,
    Resolver,
    is_broad,
    is_operation_failure,
    logs_traceback,
)

OS_FAILURES = frozenset({"OSError", "IOError", "EnvironmentError", "socket.error", "builtins.OSError"})
PAUSE_WORDS = ("sleep", "backoff", "wait")
LOOPS = (cst.While, cst.For)
SCOPES = (cst.FunctionDef, cst.Lambda, cst.ClassDef)
EXITS = (cst.Break, cst.Return, cst.Raise)
# (node, inside a try body or its else, inside an `if` outside any try)
Pending = tuple[cst.CSTNode, bool, bool]


@dataclass
class LoopFacts:
    """What a `while True` body does about failure and success."""

    retrying_handler: cst.ExceptHandler | None = None
    exits_on_success: bool = False
    bounded: bool = False


def is_forever(test: cst.BaseExpression) -> bool:
    """`while True:` or `while 1:`."""
    if isinstance(test, cst.Name):
        return test.value == "True"
    return isinstance(test, cst.Integer) and literal_value(test) not in (0, None)


def handler_exits(handler: cst.ExceptHandler, resolve: Resolver) -> bool:
    """The handler leaves the loop: `break`, `return`, `raise` or an exit call (not inside a nested loop)."""
    for node in _walk_outside_loops(handler.body):
        if isinstance(node, EXITS):
            return True
        if isinstance(node, cst.Call) and resolve(node) in EXIT_CALLS:
            return True
    return False


def _walk_outside_loops(node: cst.CSTNode) -> list[cst.CSTNode]:
    found = []
    pending = [node]
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(c for c in child_nodes(current) if not isinstance(c, LOOPS + SCOPES))
    return found


def is_pause(call: cst.Call) -> bool:
    """`time.sleep(...)`, `await asyncio.sleep(...)`, `backoff(...)`, `event.wait(...)`."""
    name = (get_full_name_for_node(call.func) or "").rsplit(".", 1)[-1].lower()
    return any(word in name for word in PAUSE_WORDS)


def is_counter_update(node: cst.CSTNode) -> bool:
    """`attempts += 1`, or `attempts = attempts + 1`."""
    if isinstance(node, cst.AugAssign):
        return True
    if isinstance(node, cst.Assign) and isinstance(node.value, cst.BinaryOperation) and len(node.targets) == 1:
        target = node.targets[0].target
        return isinstance(target, cst.Name) and isinstance(node.value.left, cst.Name) and node.value.left.value == target.value
    return False


class UnboundedRetry(Rule):
    """A `while True` loop that retries a failing `try` forever, with no limit and no pause.

    ## What it does
    Reports a `while True:` (or `while 1:`) loop that leaves on success (a `break` or `return` after the
    work succeeded) and holds a `try` whose `except` catches a failure (a bare `except:`, `Exception`,
    `OSError`, `ConnectionError`, `TimeoutError`, `requests`/`httpx`/`aiohttp` errors,
    `subprocess.CalledProcessError`...) and just loops again (`continue`, `pass`, a log line):
    it neither leaves the loop (`break`, `return`, `raise`), nor counts attempts (`attempt += 1`), nor
    pauses (`time.sleep`, `asyncio.sleep`, a backoff helper), and no conditional `break`/`raise` in the
    loop bounds it either. Loops that never leave on success (servers, workers) are not retries, and
    loops that go round again on control-flow exceptions (`KeyboardInterrupt`, `InterruptedError`,
    `KeyError`, `ValueError` for a new input) are not failing; neither is reported. Nor is a loop whose
    handler reports each failure with its traceback (`logger.exception(...)`, `traceback.print_exc()`):
    that is a supervisor (a debugger, a server's accept loop) making every failure visible.

    ## Why is this bad?
    When the failure is permanent (a wrong password, a deleted file, a host that is gone) the loop spins
    at full speed forever: it burns a CPU, floods the log and hammers the other service, and the caller
    never gets an error to act on.

    ## Example
    ```python
    import requests

    def wait_for_service(url):
        while True:
            try:
                return requests.get(url, timeout=5).json()
            except requests.RequestException:
                continue
    ```

    ## Use instead
    ```python
    import time

    import requests

    def wait_for_service(url, attempts=5):
        for attempt in range(attempts):
            try:
                return requests.get(url, timeout=5).json()
            except requests.RequestException:
                if attempt == attempts - 1:
                    raise
                time.sleep(2 ** attempt)
    ```

    ## References
    - [CWE-835: Loop with Unreachable Exit Condition](https://cwe.mitre.org/data/definitions/835.html)
    - [AWS Architecture Blog: exponential backoff and jitter](https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/)
    """

    code = "VC109"
    name = "unbounded-retry"
    category = Category.ERROR_HANDLING
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (835, 400)

    def visit_While(self, node: cst.While) -> None:
        if not is_forever(node.test):
            return
        facts = self._scan(node.body)
        if facts.retrying_handler is not None and facts.exits_on_success and not facts.bounded:
            self.report(
                node,
                "`while True` retries a failing `try` forever: its `except` neither stops, counts attempts nor pauses.",
                hint="Bound the attempts (e.g. `for attempt in range(5):`), sleep with backoff between them, "
                "and re-raise the last error.",
            )

    def _scan(self, body: cst.BaseSuite) -> LoopFacts:
        facts = LoopFacts()
        pending: list[Pending] = [(body, False, False)]
        while pending:
            node, in_try, conditional = pending.pop()
            if isinstance(node, cst.Call) and is_pause(node) or is_counter_update(node):
                facts.bounded = True
            elif isinstance(node, cst.Raise):
                facts.bounded = facts.bounded or not in_try
            elif isinstance(node, (cst.Break, cst.Return)) or self._is_exit_call(node):
                if in_try or not conditional:
                    facts.exits_on_success = True
                else:
                    facts.bounded = True
            if isinstance(node, cst.Try):
                self._scan_try(node, facts, pending, conditional)
                continue
            child_conditional = conditional or (isinstance(node, cst.If) and not in_try)
            pending.extend((c, in_try, child_conditional) for c in child_nodes(node) if not isinstance(c, LOOPS + SCOPES))
        return facts

    def _catches_failure(self, caught: cst.BaseExpression | None) -> bool:
        """Broad, OS-level or network/subprocess failures; not `KeyboardInterrupt`, `KeyError`, `ValueError`..."""
        if isinstance(caught, cst.Tuple):
            return any(self._catches_failure(e.value) for e in caught.elements)
        return (is_broad(caught, self.qualified_name) or is_operation_failure(caught, self.qualified_name)
                or (caught is not None and (self.qualified_name(caught) or "") in OS_FAILURES))

    def _is_exit_call(self, node: cst.CSTNode) -> bool:
        return isinstance(node, cst.Call) and self.qualified_name(node) in EXIT_CALLS

    def _scan_try(self, node: cst.Try, facts: LoopFacts, pending: list[Pending], conditional: bool) -> None:
        pending.append((node.body, True, conditional))
        if node.orelse is not None:
            pending.append((node.orelse, True, conditional))
        if node.finalbody is not None:
            pending.append((node.finalbody, False, conditional))
        for handler in node.handlers:
            if not self._catches_failure(handler.type) or handler_exits(handler, self.qualified_name):
                continue
            if any(isinstance(n, cst.Call) and logs_traceback(n, self.qualified_name) for n in walk_own(handler.body)):
                continue  # a supervisor loop reporting every failure in full, not a silent retry
            if facts.retrying_handler is None:
                facts.retrying_handler = handler
            for inner in walk_own(handler.body):
                if isinstance(inner, cst.Call) and is_pause(inner) or is_counter_update(inner):
                    facts.bounded = True
