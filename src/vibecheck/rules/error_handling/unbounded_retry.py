"""VC109: `while True` around a `try` whose `except` just loops again: a retry with no limit and no pause."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import libcst as cst

from vibecheck.cst_fields import child_nodes, names_in, own_nodes, walk_own
from vibecheck.imports import full_name
from vibecheck.literals import literal_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule, RuleContext
from vibecheck.rules.error_handling import polling
from vibecheck.rules.error_handling.deadlines import deadline_names, hands_deadline
from vibecheck.rules.error_handling.handler_facts import (
    EXIT_CALLS,
    Resolver,
    is_broad,
    is_operation_failure,
    logs_traceback,
)
from vibecheck.rules.error_handling.loop_bindings import touched_names
from vibecheck.rules.error_handling.retry_helpers import LIBRARY_WORDS, Unlimited, unlimited_use

RANGES = frozenset({"range", "builtins.range"})
OS_FAILURES = frozenset({"OSError", "IOError", "EnvironmentError", "socket.error", "builtins.OSError"})
# Browser automation's errors, by module: an element not there yet, a page that timed out. A loop that looks again
# until the element appears waits as long as the page never shows it.
BROWSER_FAILURE_MODULES = ("selenium.common.exceptions.", "playwright.", "pyppeteer.errors.")
# A pause spaces the attempts out but never ends them; a backoff helper (`policy.backoff()`) may own the limit.
PAUSE_WORDS = ("sleep", "wait")
BACKOFF_WORD = "backoff"
# Calls that ask the person at the terminal and wait for the answer: a loop around one asks again after a bad answer,
# at the person's pace, and Ctrl-C ends it (django-tenants' "Select the domain" menu).
PROMPTS = frozenset({"input", "builtins.input", "getpass.getpass", "click.prompt", "click.confirm", "typer.prompt",
                     "typer.confirm", "rich.prompt.Prompt.ask", "rich.prompt.Confirm.ask", "rich.prompt.IntPrompt.ask",
                     "questionary.select", "questionary.text", "inquirer.prompt"})
LOOPS = (cst.While, cst.For)
# Celery's task decorators (`@app.task`, `@shared_task`), whose `max_retries=None` lifts the retry limit.
TASK_DECORATORS = frozenset({"task", "shared_task"})
# Decorators, by resolved name, whose keywords set to -1 retry a failing task without limit: Ray's
# `@ray.remote(max_retries=-1)` on a task, `max_task_retries=-1` on an actor's methods (also in `.options(...)`).
ENDLESS_RETRY_KEYWORDS: dict[str, frozenset[str]] = {"ray.remote": frozenset({"max_retries", "max_task_retries"})}
SCOPES = (cst.FunctionDef, cst.Lambda, cst.ClassDef)
# Exact types: libcst's concrete node classes have no subclasses, and `isinstance` against them goes through ABCMeta.
NESTED_BODIES = frozenset(LOOPS + SCOPES)
JUMPS = frozenset({cst.Break, cst.Return})
LIMITS = frozenset({cst.If, cst.IfExp, cst.Raise, cst.BooleanOperation, cst.AugAssign, cst.Assign})
EXITS = frozenset({cst.Break, cst.Return, cst.Raise})
# Words of an error class's name that say a call to another service failed (a project's `APIError`, an SDK's
# `ServiceUnavailableError`, `RateLimitError`, `ThrottlingException`); not `Request`, which FastAPI's
# `RequestValidationError` names for a client's bad input.
SERVICE_FAILURE_WORDS = frozenset({
    "api", "http", "service", "connection", "network", "transport", "upstream", "remote", "gateway", "server",
    "unavailable", "throttled", "throttling", "transient", "retryable", "retriable", "temporary", "timeout",
    "ratelimit", "ratelimited", "toomany", "overloaded",
})
FAILURE_CLASS_SUFFIXES = ("Error", "Exception")
CLASS_NAME_WORDS = lazy_pattern(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
# Builtins a test of a caught error's kind calls (`isinstance(exc, Throttled)`, `"429" in str(exc)`).
KIND_TEST_BUILTINS = frozenset({"isinstance", "getattr", "hasattr", "str", "repr", "type", "int", "None", "True",
                                "False"})
# Iterators that never run out, so a `for` over them loops as `while True:` does: name -> the most positional
# arguments it takes and still never ends (`itertools.repeat(x, 3)` ends; `repeat(x)` does not).
ENDLESS_ITERATORS = {"itertools.count": 2, "itertools.cycle": 1, "itertools.repeat": 1}
# Context managers that cancel their block after a time limit: a loop inside one ends when the time is up.
TIMEOUT_SCOPES = frozenset({
    "anyio.move_on_after", "anyio.fail_after", "anyio.move_on_at", "anyio.fail_at", "trio.move_on_after",
    "trio.fail_after", "trio.move_on_at", "trio.fail_at", "asyncio.timeout", "asyncio.timeout_at",
    "async_timeout.timeout", "async_timeout.timeout_at",
})
# `counter <op> bound` checks that a counter set back to its start on every pass can never meet, as
# (operator, how far above the start the bound must be): one increment per pass reaches start + 1 at most.
STALE_CHECKS: dict[type[cst.BaseCompOp], int] = {cst.GreaterThan: 1, cst.GreaterThanEqual: 2, cst.Equal: 2}
# The same checks written bound first (`5 <= attempts`), by the operator that reads them counter first.
MIRRORED: dict[type[cst.BaseCompOp], type[cst.BaseCompOp]] = {
    cst.LessThan: cst.GreaterThan, cst.LessThanEqual: cst.GreaterThanEqual, cst.Equal: cst.Equal}
# `while attempts < 5:` on a counter set back on every pass runs as `while True:` does.
COUNTED_WHILE = (cst.LessThan, cst.LessThanEqual, cst.NotEqual)
# `while attempt < max_attempts:`, `while retries > 0:`, either way round: a bound on a counter the body moves.
BOUNDING_COMPARISONS = (cst.LessThan, cst.LessThanEqual, cst.NotEqual, cst.GreaterThan, cst.GreaterThanEqual)


@dataclass(frozen=True)
class Pending:
    """A node still to scan, and where it sits in the loop body."""

    node: cst.CSTNode
    in_try: bool = False  # inside a try body or its else: what runs when the work succeeds
    conditional: bool = False  # inside an `if` outside any try: a guard that can end the loop
    guarded: bool = False  # inside any `if`
    stale: bool = False  # under an `if` on a counter the loop sets back on every pass: it never runs


@dataclass
class LoopFacts:
    """What a retry loop's body does about failure and success."""

    retrying_handler: cst.ExceptHandler | None = None
    exits_on_success: bool = False
    # Leaves as soon as the try's work succeeded (`return fetch()`, `break` after it): a retry, not a
    # supervisor that keeps serving until a sentinel arrives.
    done_after_one_success: bool = False
    bounded: bool = False
    pauses: bool = False
    asks_user: bool = False  # the loop waits for the person at the terminal on every pass (`input()`)
    reports_traceback: bool = False
    stale_counter: str | None = None  # the counter of a limit that is never reached


@dataclass(frozen=True)
class RetryLoop:
    """A loop that runs until something in its body says stop: `while True:`, or `while not <flag>:`."""

    flag: str | None  # the name a `while not flag:` loop waits for; None for `while True:`
    # Counters set to an integer on every pass before the work can fail (`attempts = 0` at the top of the
    # body, or first in its `try`), with that integer: a limit on them is never reached.
    resets: dict[str, int] = field(default_factory=dict)
    frozen: str | None = None  # the counter of `while attempts < 5:` that the body never steps


def reset_counters(body: cst.BaseSuite) -> dict[str, int]:
    """Names the loop body sets to an integer on every pass before its first `try` can fail.

    The statements before the first `try` run on every pass; inside it only those before the first one that
    can fail. A counter set back after the work (`failures = 0` once the fetch succeeded) counts consecutive
    failures and is a real limit, so it is not one of them.
    """
    resets: dict[str, int] = {}
    for statement in body.body if isinstance(body, cst.IndentedBlock) else ():
        if isinstance(statement, cst.Try):
            for inner in statement.body.body if isinstance(statement.body, cst.IndentedBlock) else ():
                if not _note_resets(inner, resets, leading=True):
                    break
            break
        _note_resets(statement, resets, leading=False)
    return resets


def _note_resets(statement: cst.CSTNode, resets: dict[str, int], *, leading: bool) -> bool:
    """Record `name = <int>` assignments of a statement line; False once `leading` meets anything else."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    for small in statement.body:
        value = small.value if isinstance(small, cst.Assign) else None
        number = literal_value(value) if isinstance(value, cst.Integer) else None
        for target in small.targets if isinstance(small, cst.Assign) else ():
            if isinstance(target.target, cst.Name):
                if isinstance(number, int):
                    resets[target.target.value] = number
                else:
                    resets.pop(target.target.value, None)
        if leading and not isinstance(number, int):
            return False
    return True


def stale_guard(test: cst.BaseExpression, resets: dict[str, int]) -> str | None:
    """The counter of `if attempts >= 5:` when `attempts` is set back to 0 on every pass, so the check never holds."""
    if not resets or not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return None
    left, operator, right = test.left, type(test.comparisons[0].operator), test.comparisons[0].comparator
    if not (isinstance(left, cst.Name) and left.value in resets):
        left, right, operator = right, left, MIRRORED.get(operator, cst.Is)
    if not (isinstance(left, cst.Name) and left.value in resets) or operator not in STALE_CHECKS:
        return None
    if isinstance(right, cst.Integer):
        bound = literal_value(right)
        return left.value if isinstance(bound, int) and bound >= resets[left.value] + STALE_CHECKS[operator] else None
    named_bound = isinstance(right, (cst.Name, cst.Attribute)) and not (isinstance(right, cst.Name) and right.value in resets)
    return left.value if named_bound else None


def counted_while(test: cst.BaseExpression, body: cst.BaseSuite) -> RetryLoop | None:
    """`while attempts < 5:` whose body sets `attempts` back on every pass, or never steps it at all (the forgotten
    `attempts += 1`): it runs as `while True:` does."""
    if not (isinstance(test, cst.Comparison) and len(test.comparisons) == 1 and isinstance(test.left, cst.Name)
            and isinstance(test.comparisons[0].operator, COUNTED_WHILE)):
        return None
    resets = reset_counters(body)
    if test.left.value in resets:
        return RetryLoop(None, resets)
    return RetryLoop(None, frozen=test.left.value) if test.left.value not in touched_names(body) else None


def bounding_counters(test: cst.BaseExpression) -> set[str]:
    """The names a `while` condition bounds: `retries` of `while retries:`, both sides of `while attempt < limit:`."""
    if isinstance(test, cst.Name):
        return {test.value}
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1 \
            and isinstance(test.comparisons[0].operator, BOUNDING_COMPARISONS):
        sides = (test.left, test.comparisons[0].comparator)
        return {side.value for side in sides if isinstance(side, cst.Name)}
    return set()


def moved_names(body: cst.BaseSuite) -> set[str]:
    """Names a loop body steps from their own value: `attempt += 1`, `retries = retries - 1`."""
    moved: set[str] = set()
    for node in walk_own(body):
        if type(node) is cst.AugAssign and type(node.target) is cst.Name:
            moved.add(node.target.value)
        elif type(node) is cst.Assign and type(node.value) is cst.BinaryOperation:
            reads = set(names_in(node.value))
            moved.update(t.target.value for t in node.targets if isinstance(t.target, cst.Name) and t.target.value in reads)
    return moved


def retry_loop(test: cst.BaseExpression) -> RetryLoop | None:
    """`while True:` / `while 1:`, or `while not done:` on one bare name; None for any other loop."""
    if isinstance(test, cst.Name) and test.value == "True":
        return RetryLoop(None)
    if isinstance(test, cst.Integer) and literal_value(test) not in (0, None):
        return RetryLoop(None)
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not) and isinstance(test.expression, cst.Name):
        return RetryLoop(test.expression.value)
    return None


def _endless_task_retries(decorator: cst.BaseExpression, function: cst.FunctionDef) -> bool:
    """`@app.task(bind=True, max_retries=None)` on a task that calls `self.retry(...)`, or
    `@shared_task(autoretry_for=(...), max_retries=None)`: Celery's limit switched off on a task that retries."""
    if not isinstance(decorator, cst.Call) or (full_name(decorator.func) or "").rpartition(".")[2] \
            not in TASK_DECORATORS:
        return False
    keywords = {a.keyword.value: a.value for a in decorator.args if a.keyword is not None}
    limit = keywords.get("max_retries")
    if "autoretry_for" in keywords:
        # `retry_kwargs={"max_retries": None}` sets the limit of the automatic retries, over the task's own
        limit = _dict_entry(keywords.get("retry_kwargs"), "max_retries") or limit
        return _is_none(limit)
    if not _is_none(limit):
        return False
    retries = [n for n in walk_own(function.body)
               if isinstance(n, cst.Call) and isinstance(n.func, cst.Attribute) and n.func.attr.value == "retry"]
    # `self.retry(exc=exc, max_retries=limit)` sets the limit of each retry itself
    return any(_unlimited_retry_call(call) for call in retries)


def _is_none(node: cst.BaseExpression | None) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def _dict_entry(node: cst.BaseExpression | None, key: str) -> cst.BaseExpression | None:
    """The value of `key` in a literal dict (`{"max_retries": None}`) or `dict(max_retries=None)`."""
    if isinstance(node, cst.Dict):
        return next((e.value for e in node.elements if isinstance(e, cst.DictElement)
                     and literal_value(e.key) == key), None)
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "dict":
        return next((a.value for a in node.args if a.keyword is not None and a.keyword.value == key), None)
    return None


def endless_retry_keyword(call: cst.Call, keywords: frozenset[str]) -> cst.Arg | None:
    """The keyword of `keywords` that `call` sets to -1 (`max_retries=-1`): no limit."""
    return next((arg for arg in call.args if arg.keyword is not None and arg.keyword.value in keywords
                 and type(arg.value) is cst.UnaryOperation and type(arg.value.operator) is cst.Minus
                 and literal_value(arg.value.expression) == 1), None)


def _is_task_decorator(decorator: cst.BaseExpression) -> bool:
    target = decorator.func if isinstance(decorator, cst.Call) else decorator
    return (full_name(target) or "").rpartition(".")[2] in TASK_DECORATORS


def _retries_lifting_the_limit(function: cst.FunctionDef) -> list[cst.Call]:
    """`raise self.retry(exc=exc, max_retries=None)` in a task: the call itself switches Celery's limit off."""
    if not any(_is_task_decorator(d.decorator) for d in function.decorators):
        return []
    return [n for n in walk_own(function.body)
            if isinstance(n, cst.Call) and isinstance(n.func, cst.Attribute) and n.func.attr.value == "retry"
            and any(a.keyword is not None and a.keyword.value == "max_retries"
                    and isinstance(a.value, cst.Name) and a.value.value == "None" for a in n.args)]


def _unlimited_retry_call(call: cst.Call) -> bool:
    limit = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "max_retries"), None)
    return limit is None or (isinstance(limit, cst.Name) and limit.value == "None")


def sets_flag(node: cst.CSTNode, flag: str | None) -> bool:
    """`done = True` (or any value) for the flag of a `while not done:` loop."""
    return flag is not None and isinstance(node, cst.Assign) and any(
        isinstance(t.target, cst.Name) and t.target.value == flag for t in node.targets)


def handler_exits(handler: cst.ExceptHandler, resolve: Resolver, loop: RetryLoop) -> bool:
    """The handler leaves the loop: `break`, `return`, `raise`, an exit call or setting the loop's flag.

    An exit under a check that never holds (`if attempts >= 5:` on a counter set back on every pass) does not, nor
    one under a test of the caught error's kind (`if exc.status != 429: raise`): that picks which errors are retried,
    and the ones it lets through are retried without limit.
    """
    caught = handler.name.name.value if handler.name is not None and type(handler.name.name) is cst.Name else None
    for node in _walk_outside_loops(handler.body, loop.resets, caught):
        if type(node) in EXITS or sets_flag(node, loop.flag):
            return True
        if type(node) is cst.Call and resolve(node) in EXIT_CALLS:
            return True
    return False


def _walk_outside_loops(node: cst.CSTNode, resets: dict[str, int], caught: str | None = None) -> list[cst.CSTNode]:
    found = []
    pending = [node]
    while pending:
        current = pending.pop()
        found.append(current)
        if isinstance(current, cst.If) and (stale_guard(current.test, resets) or _tests_error_kind(current.test, caught)):
            pending.extend(c for c in (current.orelse,) if c is not None)
            continue
        pending.extend(c for c in child_nodes(current) if type(c) not in NESTED_BODIES)
    return found


def names_a_service_failure(name: str) -> bool:
    """`APIError`, `HTTPException`, `ServiceUnavailableError`, `RateLimitError`, `ThrottlingException`: an error class
    (a project's own, or an SDK's) whose name says a call to another service failed."""
    if not name.endswith(FAILURE_CLASS_SUFFIXES):
        return False
    words = [word.lower() for word in CLASS_NAME_WORDS.findall(name)]
    pairs = {"".join(pair) for pair in zip(words, words[1:], strict=False)}
    return not SERVICE_FAILURE_WORDS.isdisjoint(words) or not SERVICE_FAILURE_WORDS.isdisjoint(pairs)


def _tests_error_kind(test: cst.BaseExpression, caught: str | None) -> bool:
    """`exc.status != 429`, `exc.response.status_code not in RETRYABLE`, `not isinstance(exc, Throttled)`: a test that
    reads the caught error and otherwise only builtins and constants (no counter, clock or deadline of the loop)."""
    if caught is None:
        return False
    heads = set(_head_names(test))
    return caught in heads and all(name == caught or name in KIND_TEST_BUILTINS or not name.islower() for name in heads)


def _head_names(node: cst.CSTNode) -> Iterator[str]:
    """The names an expression reads, without attribute names (`exc.response.status` gives `exc`)."""
    pending = [node]
    while pending:
        current = pending.pop()
        if type(current) is cst.Name:
            yield current.value
        elif type(current) is cst.Attribute:
            pending.append(current.value)
        else:
            pending.extend(child_nodes(current))


def moved_parameters(call: cst.Call, params: cst.Parameters) -> set[str] | None:
    """The parameters a call of the function hands a new value (`send(to, body, retries - 1)`: `retries`); an empty
    set when it hands on those it received, unchanged (`send(to, body, retries=retries)`); None when the call's
    arguments cannot be matched to the parameters (`*args`, `**options`)."""
    names = [p.name.value for p in (*params.posonly_params, *params.params) if p.name.value not in ("self", "cls")]
    keywords = {p.name.value for p in params.kwonly_params} | set(names)
    moved = set()
    for position, arg in enumerate(call.args):
        if arg.star:
            return None
        if arg.keyword is not None:
            if arg.keyword.value not in keywords:
                return None
            parameter = arg.keyword.value
        elif position < len(names):
            parameter = names[position]
        else:
            return None
        if not (isinstance(arg.value, cst.Name) and arg.value.value == parameter):
            moved.add(parameter)
    return moved


def condition_names(function: cst.FunctionDef) -> set[str]:
    """The names the function's own conditions read (`if attempts <= 0: raise`, `while delay < cap`, `x or y`)."""
    found: set[str] = set()
    for node in walk_own(function.body):
        if isinstance(node, (cst.If, cst.While, cst.IfExp, cst.Assert)):
            found.update(names_in(node.test))
        elif isinstance(node, (cst.Comparison, cst.BooleanOperation)):
            found.update(names_in(node))
    return found


def _call_name(call: cst.Call) -> str:
    return (full_name(call.func) or "").rsplit(".", 1)[-1].lower()


def is_pause(call: cst.Call) -> bool:
    """`time.sleep(...)`, `await asyncio.sleep(...)`, `event.wait(...)`: spaces attempts out, never ends them."""
    return any(word in _call_name(call) for word in PAUSE_WORDS)


def is_backoff(call: cst.Call) -> bool:
    """`policy.backoff()`, `backoff(attempt)`: a helper that may raise once its own limit is spent."""
    return BACKOFF_WORD in _call_name(call)


class UnboundedRetry(Rule):
    """A `while True` loop that retries a failing `try` forever, with no attempt limit or deadline.

    ## What it does
    Reports a `while True:` (or `while 1:`, `while not done:` where the `try` sets `done` once the
    work succeeded, or a `for` over an iterator that never runs out: `itertools.count()`, `cycle(...)`,
    `repeat(x)`) loop that leaves on success (a `break`, `return` or the flag after the work
    succeeded) and holds a `try` whose `except` catches a failure (a bare `except:`, `Exception`,
    `OSError`, `ConnectionError`, `TimeoutError`, `requests`/`httpx`/`aiohttp` errors, cloud SDK errors
    (`botocore.exceptions.ClientError`, `google.api_core` and `azure.core` exceptions, `openai.APIError`), an
    exchange API's (`ccxt.NetworkError`), a mail or FTP server's (`smtplib.SMTPException`, `ftplib.error_temp`),
    a closed WebSocket (`websockets.ConnectionClosed`),
    `subprocess.CalledProcessError`, browser automation's errors (Selenium's `NoSuchElementException`,
    Playwright's `TimeoutError`: a loop that looks for an element until it appears),
    database driver errors such as `sqlite3.OperationalError`..., and an error class whose name says a call to another
    service failed, a project's own as well: `APIError`, `RateLimitError`, `ServiceUnavailableError`) and just loops
    again (`continue`, `pass`, a log line, a `time.sleep`): it does not leave the loop (`break`, `return`, `raise`, the
    flag), and no conditional `break`/`raise` in the loop (`if attempts >= 5: raise`, a deadline) bounds it. A `raise`
    under a test of the caught error's kind alone (`if exc.status != 429: raise`) only picks the errors retried: the
    ones it lets through are retried without limit. Pausing between
    attempts (`time.sleep`, `asyncio.sleep`) or counting them without a check does not bound the loop; a
    backoff helper (`policy.backoff()`) is trusted to own its limit, and so is a helper the `except` hands the
    function's deadline (`deadline = time.monotonic() + timeout`, then `judge_failure(exc, deadline)`; a log line given
    it bounds nothing). A limit on a counter the loop sets back
    on every pass (`attempts = 0` at the top of its body or first in its `try`, then
    `if attempts >= 5: raise`, or `while attempts < 5:`), or one the loop never steps (`while attempts < 5:` with the
    `attempts += 1` forgotten), is never reached and bounds nothing; a counter set
    back only once the work succeeded counts failures in a row and is a real limit. Loops that never leave on success
    (servers, workers) are not retries, and loops that go round again on control-flow exceptions
    (`KeyboardInterrupt`, `InterruptedError`, `KeyError`, `ValueError` for a new input) are not failing;
    neither is reported. Nor is a loop that asks the person at the terminal on every pass (`input()`, `getpass`,
    `click.prompt`, rich's `Prompt.ask`, outside any `if`): it asks again after a bad answer, at the person's pace.
    Nor is a loop that serves until a sentinel arrives (a conditional `break`
    inside the `try`) and reports each failure with its traceback (`logger.exception(...)`,
    `traceback.print_exc()`): that is a supervisor making every failure visible.

    The same retry spelled as recursion is reported too: an `except` that catches such a failure and calls
    its own function again (`send(to, body)` inside `def send(to, body)`, or `self.send(...)` in a method)
    under no condition, with the very arguments it received or changing only parameters that no condition of the
    function reads (`publish(body, delay=delay * 2)`, `send(to, body, retries - 1)` where nothing checks
    `retries`). A call that changes an argument a condition reads (`send(to, body, attempts - 1)` under
    `if attempts <= 0: raise` at the top), sits under an `if` or beside a `raise`, or follows an assignment
    (`self.attempts += 1`, checked at the top of the function) may count down to a limit, and is left alone.

    Also a poll with no end: a loop that asks for something on every pass (`status = client.get_status(job)`,
    `r = requests.get(url)`), sleeps on every pass (`time.sleep`, `await asyncio.sleep`) and leaves only once the
    answer says so (`if status.done: break`, `if r.json()["state"] == "failed": raise`, or its own condition:
    `while not client.is_ready():`, `while status != "done":`), with no deadline or attempt limit. Any
    condition of the loop that reads a clock (`time.monotonic() > deadline`, or the program's own: `_pump_clock()`,
    `self._now()`), a counter it moves (`polls += 1`) or
    a name saying it limits or stops the wait (`max_polls`, `timeout`, `self._stop.is_set()`, `self.running`)
    clears it, as does a way out the loop does not ask about (a flag another thread sets) or a condition that
    only applies built-ins to the program's own values (`len(self.workers) > n`, `any(... for e in events)`:
    state its own work or a task beside it changes); loops that never
    leave (schedulers, consumers), loops that `wait(...)` on the work itself, loops that wait for a child
    process they started to end (`while proc.poll() is None:`, as `proc.wait()` does: a reloader), watchdogs
    (a loop in a function named for watching: `watch`, `monitor`, `heartbeat`, `keepalive`) and loops that delete a
    batch on every pass (`qs.filter(pk__in=ids).delete()`, `store.delete_many(keys)`: they drain a backlog, paced by
    their sleep, and end by their own work) and generators that yield on every pass (a stream of updates, a gRPC server
    stream `while context.is_active()`, which its consumer ends) are not polls. Neither a poll nor a retry inside a
    block that a time limit cancels (`with anyio.move_on_after(30):`, `fail_after`, `async with asyncio.timeout(5):`, trio's and
    `async_timeout`'s) is endless.

    Also a loop that never leaves on success (a consumer, a reader) whose `except` catches a failed connection or
    request (`redis.ConnectionError`, `requests.RequestException`, a driver or broker error; not a broad `Exception`,
    which is as often a bad message; nor a timeout, which comes after a wait) and goes round again with nothing in the
    loop pausing (`sleep`, `wait`, a backoff
    helper): while the service is down it spins at full speed. A `try` that works on what the pass took before it
    (`url = await queue.get()`, then `try: await fetch(url)`) fails for that item, and the next pass has another: not
    reported. The finding is on the `except`.

    Also a Celery task that retries with its limit switched off: `@app.task(bind=True, max_retries=None)` (or
    `@shared_task(...)`) on a task that calls `self.retry(...)` without a `max_retries=` of its own, or lists
    `autoretry_for=` (whose retries take their limit from `retry_kwargs={"max_retries": ...}` first); and a Ray
    task or actor retried without limit: `@ray.remote(max_retries=-1)`, `max_task_retries=-1`, or the same in
    `.options(...)`.

    Also a retry library used without a limit: tenacity's `@retry` (bare, or with no `stop=`, or with
    `stop=stop_never`; `stop=None` is no "never stop" to tenacity, which calls it and fails with a `TypeError`),
    `Retrying(...)` and `AsyncRetrying(...)` without a `stop=`, backoff's `@on_exception(...)` and `@on_predicate(...)`
    without `max_tries=`, `max_time=` or a `giveup=` predicate (or with them set to `None`; `max_value=` caps the wait,
    not the attempts), `retrying`'s `@retry` without a stop, and the `retry` package's `@retry`/`retry_call` with its
    default `tries=-1`. Arguments spread from a policy (`@retry(**POLICY)`) may hold the limit and are left alone.

    Also, as a low-severity finding, a bounded retry that never pauses: a `for attempt in range(3):`, or a
    `while attempt < max_attempts:` / `while retries:` whose body moves that counter (`attempt += 1`,
    `retries = retries - 1`), whose `try` does not read the counter (the same work, tried again) and whose
    `except` catches a failed request,
    command or query (`requests.RequestException`, `ConnectionError`, `TimeoutError`, `OSError`, database
    driver errors; not a broad `Exception`, nor a collision such as `IntegrityError`, which asks for another
    value rather than for time) and goes round again with no `sleep`, `wait` or backoff in the loop.

    ## Why is this bad?
    When the failure is permanent (a wrong password, a deleted file, a host that is gone) the loop runs
    forever: without a pause it burns a CPU, floods the log and hammers the other service; with one it
    hangs the caller. Either way the caller never gets an error to act on. A poll whose answer never comes (a
    job stuck in `running`, a service that never starts) hangs the same way, silently. A bounded retry with
    no pause fails all its attempts within milliseconds against a service that is briefly down, restarting
    or limiting the rate, which is what a retry is for.

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

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        self.functions: list[cst.FunctionDef] = []
        self.in_class: list[bool] = [False]
        # Every poll this rule reports paces itself with a `sleep` call.
        self.may_poll = polling.PAUSE_WORD in context.source
        self.timeouts: list[int] = [0]  # per function: how many time-limited `with` blocks enclose the walk
        self.may_use_retry_library = any(word in context.source for word in LIBRARY_WORDS)

    def visit_Call(self, node: cst.Call) -> None:
        """`@retry(wait=wait_fixed(2))`, `Retrying(stop=stop_never)`, `@backoff.on_exception(..., max_tries=None)`."""
        unlimited = unlimited_use(node, self.qualified_name) if self.may_use_retry_library else None
        if unlimited is not None:
            self._report_unlimited_helper(node, unlimited)
        self._check_ray_options(node)

    def _report_unlimited_helper(self, node: cst.BaseExpression, unlimited: Unlimited) -> None:
        code = self.context.module.code_for_node
        shown = f"{code(node.func)}(...)" if isinstance(node, cst.Call) else f"@{code(node)}"
        argument = unlimited.argument
        if argument is None:
            message = (f"`{shown}` retries forever: no argument limits its attempts or its time, so a permanent "
                       "failure (a gone host, a rejected payload) hangs the caller instead of raising.")
        elif unlimited.helper.none_fails and isinstance(argument, cst.Name) and argument.value == "None":
            message = (f"`{shown}` is given `{unlimited.keyword}=None`, which {unlimited.helper.library} does not "
                       "read as \"never stop\": it calls it on the first failed attempt and fails with a `TypeError` "
                       "that hides the real error (left out, it would retry forever).")
        else:
            message = (f"`{shown}` retries forever: `{unlimited.keyword}={code(argument)}` lifts its limit, so a "
                       "permanent failure (a gone host, a rejected payload) hangs the caller instead of raising.")
        self.report(node, message, hint=unlimited.helper.hint)

    def visit_With(self, node: cst.With) -> None:
        if self._limits_time(node):
            self.timeouts[-1] += 1

    def leave_With(self, node: cst.With) -> None:
        if self._limits_time(node):
            self.timeouts[-1] -= 1

    def _limits_time(self, node: cst.With) -> bool:
        """`with anyio.move_on_after(30):`, `async with asyncio.timeout(5):`: the block is cancelled when time is up."""
        return any(isinstance(item.item, cst.Call) and self.qualified_name(item.item) in TIMEOUT_SCOPES
                   for item in node.items)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.in_class.append(True)
        self._report_endless_decorators(node)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.in_class.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.append(node)
        self.in_class.append(False)
        self.timeouts.append(0)
        for decorator in node.decorators if self.may_use_retry_library else ():
            bare = decorator.decorator
            unlimited = None if isinstance(bare, cst.Call) else unlimited_use(bare, self.qualified_name)
            if unlimited is not None:
                self._report_unlimited_helper(bare, unlimited)
        endless = [d for d in node.decorators if _endless_task_retries(d.decorator, node)]
        for where in endless or _retries_lifting_the_limit(node):
            self.report(
                where,
                f"Task `{node.name.value}` retries with `max_retries=None`: Celery retries it forever, so a "
                "permanent failure (a gone endpoint, a rejected payload) is never given up on nor reported.",
                hint="Set a limit (`max_retries=5`, Celery's default is 3) with `retry_backoff=True`, and let the "
                "task fail when the retries run out.",
            )

        self._report_endless_decorators(node)

    def _report_endless_decorators(self, node: cst.FunctionDef | cst.ClassDef) -> None:
        for decorator in node.decorators:
            call = decorator.decorator
            if type(call) is cst.Call:
                keywords = ENDLESS_RETRY_KEYWORDS.get(self.qualified_name(call) or "")
                endless = endless_retry_keyword(call, keywords) if keywords else None
                if endless is not None:
                    self._report_endless(endless, node.name.value)

    def _check_ray_options(self, node: cst.Call) -> None:
        """`task.options(max_retries=-1)`: Ray's per-call spelling of the decorator's limit."""
        if type(node.func) is cst.Attribute and node.func.attr.value == "options" and self.context.imports.imports_any(("ray",)):
            endless = endless_retry_keyword(node, ENDLESS_RETRY_KEYWORDS["ray.remote"])
            if endless is not None:
                self._report_endless(endless, full_name(node.func.value) or "the task")

    def _report_endless(self, where: cst.Arg, name: str) -> None:
        keyword = where.keyword.value if where.keyword is not None else "max_retries"
        self.report(where, f"`{name}` is retried without limit (`{keyword}=-1`): a permanent failure (a bad input, a "
                    "task that runs out of memory) is run again forever and never reported.",
                    hint=f"Set a limit (`{keyword}=3`) so the task fails when the retries run out.")

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.pop()
        self.in_class.pop()
        self.timeouts.pop()

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        """`except ConnectionError: return send(to, body)` inside `def send(to, body)`: recursion without a limit."""
        if not self.functions or not self._catches_failure(node.type):
            return
        function = self.functions[-1]
        own_names = {function.name.value}
        if len(self.in_class) >= 2 and self.in_class[-2]:
            own_names = {f"self.{function.name.value}", f"cls.{function.name.value}"}
        calls = []
        for inner in own_nodes(node.body):
            if type(inner) in LIMITS:
                return  # a condition or an exit may be the limit; a counter it moves (`self.attempts += 1`) may be checked
            if type(inner) is cst.Call and full_name(inner.func) in own_names:
                calls.append(inner)
        for call in calls:
            moved = moved_parameters(call, function.params)
            if moved is None or moved & condition_names(function):
                continue
            changed = ", ".join(f"`{name}`" for name in sorted(moved))
            how = f"changing only {changed}, which no condition of it reads" if moved else "with the same arguments"
            self.report(
                call,
                f"`{function.name.value}` calls itself again from its `except` {how}: "
                "a retry with no limit, which recurses until the stack overflows on a permanent failure.",
                hint="Retry in a bounded loop (e.g. `for attempt in range(5):`) and re-raise the last error "
                "when the attempts run out.",
            )
            return

    def visit_While(self, node: cst.While) -> None:
        loop = retry_loop(node.test) or counted_while(node.test, node.body)
        header = f"while {self.context.module.code_for_node(node.test)}"
        if loop is not None:
            if not self._judge(node, loop, header) and not loop.resets:
                self._judge_poll(node, node.test if loop.flag is not None else None, header)
        elif self._repeats_work(node.body, self._moved_counter(node)):
            self._judge_hammering(node, header)
        else:
            self._judge_poll(node, node.test, header)

    def visit_For(self, node: cst.For) -> None:
        """`for attempt in itertools.count():` (or `cycle`, `repeat(x)`) counts attempts but never stops at any."""
        if self._endless(node.iter):
            header = self._for_header(node)
            if not self._judge(node, RetryLoop(None), header):
                self._judge_poll(node, None, header)
        elif isinstance(node.iter, cst.Call) and self.qualified_name(node.iter) in RANGES \
                and isinstance(node.target, cst.Name) and self._repeats_work(node.body, node.target.value):
            self._judge_hammering(node, self._for_header(node))

    def _for_header(self, node: cst.For) -> str:
        """`for x in xs`, as the messages quote it: rendered only for the loops judged (code generation is dear)."""
        code = self.context.module.code_for_node
        return f"for {code(node.target)} in {code(node.iter)}"

    @staticmethod
    def _moved_counter(node: cst.While) -> str | None:
        """The counter of `while attempt < max_attempts:` or `while retries:` that the body moves (`attempt += 1`,
        `retries = retries - 1`): the loop ends after that many attempts, as `for attempt in range(n):` does."""
        bounded = bounding_counters(node.test)
        moved = moved_names(node.body) & bounded if bounded else set()
        return min(moved) if moved else None

    @staticmethod
    def _repeats_work(body: cst.BaseSuite, counter: str | None) -> bool:
        """A bounded loop around a `try` that does not read its counter: the same work, tried again."""
        if counter is None:
            return False
        tries = [n for n in walk_own(body) if isinstance(n, cst.Try)]
        return bool(tries) and not any(counter in names_in(t.body) for t in tries)

    def _judge_hammering(self, node: cst.For | cst.While, header: str) -> None:
        """A bounded retry of a failed request, command or query that never pauses between its attempts."""
        facts = self._scan(node.body, RetryLoop(None))
        caught = facts.retrying_handler.type if facts.retrying_handler is not None else None
        if caught is None or not facts.exits_on_success or facts.pauses or not is_operation_failure(
                caught, self.qualified_name) or any(
                isinstance(n, cst.Call) and is_backoff(n) for n in walk_own(node.body)):
            return
        self.report(
            node,
            f"`{header}` retries a failed `{self.context.module.code_for_node(caught)}` at once: nothing "
            "pauses between the attempts, so a service that is briefly down or limiting the rate fails all of them "
            "within milliseconds.",
            hint="Sleep with backoff between the attempts (`time.sleep(2 ** attempt)`), or use a retry helper.",
            severity=Severity.LOW,
        )

    def _endless(self, iterable: cst.BaseExpression) -> bool:
        if not isinstance(iterable, cst.Call) or any(arg.keyword is not None or arg.star for arg in iterable.args):
            return False
        most = ENDLESS_ITERATORS.get(self.qualified_name(iterable) or "")
        return most is not None and len(iterable.args) <= most

    def _judge_poll(self, node: cst.While | cst.For, loop_test: cst.BaseExpression | None, header: str) -> None:
        """A loop that asks for an answer, pauses and asks again until it comes, with no deadline or attempt limit."""
        if not self.may_poll or self.timeouts[-1] or (self.functions and polling.is_watcher(self.functions[-1].name.value)):
            return
        awaited = polling.waits_forever(polling.scan(node.body), loop_test)
        if awaited is None:
            return
        how, test = awaited
        condition = " ".join(self.context.module.code_for_node(test).split())
        self.report(
            node,
            f"`{header}` polls {how} `{condition}` with no deadline or attempt limit: if that answer never comes "
            "(a job stuck, a service that never starts) the caller waits forever.",
            hint="Poll against a deadline (`deadline = time.monotonic() + 300`, raise `TimeoutError` once past it) "
            "or a bounded `for attempt in range(...)`.",
        )

    def _judge(self, node: cst.While | cst.For, loop: RetryLoop, header: str) -> bool:
        """Report a retry with no limit; True when the loop was judged a retry (reported, bounded or a supervisor)."""
        if self.timeouts[-1]:
            return True  # inside `with anyio.fail_after(60):` the time limit bounds the retries
        if not loop.resets:
            loop = RetryLoop(loop.flag, reset_counters(node.body), loop.frozen)
        facts = self._scan(node.body, loop)
        if facts.asks_user:
            return True  # a prompt asked again after a bad answer: the person decides when, and Ctrl-C stops it
        if facts.retrying_handler is not None and not facts.exits_on_success and not facts.bounded:
            return self._judge_spinning(node, facts.retrying_handler, facts, header)
        if facts.retrying_handler is None or not facts.exits_on_success or facts.bounded:
            return False
        if facts.reports_traceback and not facts.done_after_one_success:
            return True  # a supervisor reporting every failure in full until its sentinel arrives
        if facts.stale_counter is not None:
            self.report(
                node,
                f"`{header}` retries a failing `try` forever: its attempt counter `{facts.stale_counter}` is set "
                "back on every pass, so the limit it is checked against is never reached.",
                hint=f"Set `{facts.stale_counter}` once before the loop (or use `for attempt in range(5):`), "
                "and re-raise the last error when the attempts run out.",
            )
            return True
        if loop.frozen is not None:
            self.report(
                node,
                f"`{header}` retries a failing `try` forever: nothing in the loop changes `{loop.frozen}`, so the "
                "limit it is checked against is never reached.",
                hint=f"Step the counter in the `except` (`{loop.frozen} += 1`, or use `for attempt in range(5):`), "
                "and re-raise the last error when the attempts run out.",
            )
            return True
        if facts.pauses:
            self.report(
                node,
                f"`{header}` retries a failing `try` forever: it pauses between "
                "attempts but nothing limits them, so a permanent failure hangs the caller instead of raising.",
                hint="Bound the attempts (e.g. `for attempt in range(5):`) or check a deadline, "
                "and re-raise the last error when they run out.",
            )
            return True
        self.report(
            node,
            f"`{header}` retries a failing `try` forever at full speed: "
            "its `except` neither stops, limits the attempts nor pauses.",
            hint="Bound the attempts (e.g. `for attempt in range(5):`), sleep with backoff between them, "
            "and re-raise the last error.",
        )
        return True

    def _judge_spinning(self, node: cst.While | cst.For, handler: cst.ExceptHandler, facts: LoopFacts,
                        header: str) -> bool:
        """A loop that serves forever (a consumer, a reader) whose handler of a failed connection or fetch goes round
        again at once: while the service is down, every pass fails at once. A `try` that works on what the pass took
        before it (`url = await queue.get()`, then `try: await fetch(url)`) fails for that item; the next pass has
        another. True when reported."""
        caught = handler.type
        if caught is None or facts.pauses or not is_operation_failure(caught, self.qualified_name) \
                or self._only_timeouts(caught):
            return False
        statement = next((n for n in walk_own(node.body) if type(n) is cst.Try and handler in n.handlers), None)
        if statement is None or not self._taken_before(node.body, statement).isdisjoint(names_in(statement.body)):
            return False
        self.report(
            handler,
            f"`except {self.context.module.code_for_node(caught)}` sends `{header}` round again at once: nothing "
            "pauses or limits the attempts, so while the service is down the loop spins at full speed, burning a CPU "
            "and hammering the service.",
            hint="Sleep with backoff before the next attempt (`time.sleep(min(2 ** failures, 30))`) and give up after "
            "a number of failures in a row.",
        )
        return True

    def _only_timeouts(self, caught: cst.BaseExpression) -> bool:
        """`except TimeoutError:`, `except (socket.timeout, httpx.ReadTimeout):`: a timeout comes after the wait itself,
        so going round again does not spin."""
        members = [e.value for e in caught.elements] if isinstance(caught, cst.Tuple) else [caught]
        return all("timeout" in (self.qualified_name(m) or full_name(m) or "").rpartition(".")[2].lower() for m in members)

    @staticmethod
    def _taken_before(body: cst.BaseSuite, statement: cst.Try) -> set[str]:
        """The names the loop body binds before the `try` on each pass (`url = await queue.get()`)."""
        taken: set[str] = set()
        for current in body.body if isinstance(body, cst.IndentedBlock) else ():
            if current is statement:
                break
            for node in walk_own(current):
                if type(node) is cst.Assign:
                    taken.update(t.target.value for t in node.targets if type(t.target) is cst.Name)
                elif (type(node) is cst.AnnAssign or type(node) is cst.AugAssign) and type(node.target) is cst.Name:
                    taken.add(node.target.value)
        return taken

    def _scan(self, body: cst.BaseSuite, loop: RetryLoop) -> LoopFacts:
        facts = LoopFacts()
        pending: list[Pending] = [Pending(body)]
        while pending:
            item = pending.pop()
            node = item.node
            if type(node) is cst.Call and is_backoff(node):
                facts.bounded = True
            elif type(node) is cst.Call and is_pause(node):
                facts.pauses = True
            elif type(node) is cst.Call and not item.conditional and self.qualified_name(node) in PROMPTS:
                facts.asks_user = True
            elif item.stale:
                pass  # an exit that never runs bounds nothing and ends no attempt
            elif type(node) is cst.Raise:
                facts.bounded = facts.bounded or not item.in_try
            elif type(node) in JUMPS or self._is_exit_call(node) or sets_flag(node, loop.flag):
                if item.in_try or not item.conditional:
                    facts.exits_on_success = True
                    facts.done_after_one_success |= item.in_try and not item.guarded
                else:
                    facts.bounded = True
            if type(node) is cst.Try:
                self._scan_try(node, facts, pending, item, loop)
                continue
            is_if = type(node) is cst.If
            never_runs = node.body if type(node) is cst.If and self._stale(node, loop, facts) else None
            pending.extend(Pending(c, item.in_try, item.conditional or (is_if and not item.in_try), item.guarded or is_if,
                                   item.stale or c is never_runs)
                           for c in child_nodes(node) if type(c) not in NESTED_BODIES)
        return facts

    @staticmethod
    def _stale(node: cst.If, loop: RetryLoop, facts: LoopFacts) -> bool:
        """An `if` on a counter the loop sets back on every pass: its body never runs (noted for the message)."""
        counter = stale_guard(node.test, loop.resets)
        if counter is not None:
            facts.stale_counter = counter
        return counter is not None

    def _catches_failure(self, caught: cst.BaseExpression | None) -> bool:
        """Broad, OS-level or network/subprocess failures; not `KeyboardInterrupt`, `KeyError`, `ValueError`..."""
        if isinstance(caught, cst.Tuple):
            return any(self._catches_failure(e.value) for e in caught.elements)
        name = self.qualified_name(caught) or "" if caught is not None else ""
        return (is_broad(caught, self.qualified_name) or is_operation_failure(caught, self.qualified_name)
                or name in OS_FAILURES or name.startswith(BROWSER_FAILURE_MODULES)
                or names_a_service_failure((name or full_name(caught) or "").rpartition(".")[2]))

    @staticmethod
    def _note_stale_checks(handler: cst.ExceptHandler, loop: RetryLoop, facts: LoopFacts) -> None:
        """Name the counter of a limit in a retrying handler that never holds (`if attempts >= 5: raise`)."""
        if not loop.resets:
            return
        for inner in walk_own(handler.body):
            if isinstance(inner, cst.If) and stale_guard(inner.test, loop.resets):
                facts.stale_counter = stale_guard(inner.test, loop.resets)

    def _is_exit_call(self, node: cst.CSTNode) -> bool:
        return type(node) is cst.Call and self.qualified_name(node) in EXIT_CALLS

    def _scan_try(self, node: cst.Try, facts: LoopFacts, pending: list[Pending], item: Pending,
                  loop: RetryLoop) -> None:
        pending.append(Pending(node.body, True, item.conditional, item.guarded))
        if node.orelse is not None:
            pending.append(Pending(node.orelse, True, item.conditional, item.guarded))
        if node.finalbody is not None:
            pending.append(Pending(node.finalbody, False, item.conditional, item.guarded))
        for handler in node.handlers:
            if not self._catches_failure(handler.type) or handler_exits(handler, self.qualified_name, loop):
                continue
            self._note_stale_checks(handler, loop, facts)
            if facts.retrying_handler is None:
                facts.retrying_handler = handler
            deadlines = deadline_names(self.functions[-1]) if self.functions else frozenset()
            for inner in walk_own(handler.body):
                if isinstance(inner, cst.Call) and (is_backoff(inner) or hands_deadline(inner, deadlines)):
                    facts.bounded = True
                elif isinstance(inner, cst.Call) and is_pause(inner):
                    facts.pauses = True
                elif isinstance(inner, cst.Call) and logs_traceback(inner, self.qualified_name):
                    facts.reports_traceback = True
