"""What a polling loop waits for, and whether anything limits the wait (VC109).

A poll asks something outside the loop (`status = client.get_status(job)`, `r = requests.get(url)`) on every pass,
pauses, and leaves once the answer says so (`if status.done: break`). It never ends when that answer never comes
unless the loop also checks a clock, counts its passes or watches a stop signal: those spellings are read here from
the words and calls of the loop's conditions, so a limit written any way at all is trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from vibecheck.analysis.nodes import callee_tail
from vibecheck.cst_fields import NESTED_SCOPE_TYPES, child_nodes, names_in, walk_own

LOOPS = frozenset({cst.While, cst.For})
EXITS = (cst.Break, cst.Return, cst.Raise)
# A poll paces itself with a sleep; a `wait(...)` call (`concurrent.futures.wait`, `wait_until_done(future)`) waits
# on the awaited thing itself, or on a stop event.
PAUSE_WORD = "sleep"
# Calls that read a clock: a condition holding one is a deadline (`time.monotonic() > deadline`, `loop.time()`).
CLOCK_CALLS = frozenset({"time", "monotonic", "perf_counter", "monotonic_ns", "time_ns", "perf_counter_ns", "now",
                         "utcnow", "today"})
# Last words of a program's own clock (`_pump_clock()`, `self._clock()`, `_now()`, `current_time()`): a function kept
# apart so tests can move time, read like the clock it wraps.
OWN_CLOCK_WORDS = frozenset({"clock", "now", "time", "monotonic"})
# Words in a condition's names that say it limits the wait or stops it from outside: a deadline, a timeout, a counted
# attempt, a stop event or flag (`stop_event.is_set()`, `self.running`, `shutdown_requested`).
# Matched against the start of each `_`-separated part of a name, so `max_attempts` and `retry_count` count and
# `account` does not.
LIMIT_WORDS = ("deadline", "timeout", "time", "elapsed", "until", "expir", "attempt", "retr", "tries", "tried", "max",
               "limit", "budget", "remaining", "count", "iteration", "stop", "shutdown", "running", "cancel", "close",
               "exit", "quit", "abort", "set", "wait", "alive", "terminat", "kill", "interrupt")
# Built-ins that compute from values the program already holds, asking nothing outside it.
BUILTIN_READS = frozenset({"len", "any", "all", "sum", "min", "max", "sorted", "isinstance", "bool", "hasattr",
                           "getattr"})
# Calls that delete what the loop works through (`qs.filter(pk__in=ids).delete()`, `store.delete_many(keys)`): a loop
# that makes one on every pass drains a backlog, paced by its sleep, and ends by its own work, not by an answer from
# outside. Not `pop`: `results.pop(key, None)` takes the answer another thread left, which is a poll.
DRAIN_CALLS = frozenset({"delete", "remove", "purge", "delete_many", "bulk_delete", "delete_objects", "evict"})
# Words in the name of a function whose loop watches something for as long as it lives (a parent process, a
# connection): it is meant to run that long, usually in a daemon thread (`def watch(): while os.getppid() == parent:`).
WATCHER_WORDS = ("watch", "monitor", "keepalive", "keep_alive", "heartbeat", "daemon", "supervis", "guard")


def watches_process(test: cst.BaseExpression, facts: PollFacts) -> bool:
    """A condition on whether a child process has ended (`proc.poll() is None`, `(code := proc.poll()) is None`, or a
    name the loop binds to `proc.poll()` `is not None`): a loop on it waits for a process the code started, as
    `proc.wait()` does, for as long as that process runs (a reloader, a supervisor, an async `wait()` that polls so
    that its caller's timeout can cancel it)."""
    return any(isinstance(node, cst.Comparison) and _reads_process_status(node.left, facts) and all(
        isinstance(c.operator, (cst.Is, cst.IsNot)) and isinstance(c.comparator, cst.Name)
        and c.comparator.value == "None" for c in node.comparisons) for node in walk_own(test))


def _reads_process_status(node: cst.BaseExpression, facts: PollFacts) -> bool:
    if isinstance(node, cst.NamedExpr):
        node = node.value
    return _polls_process(node) or (isinstance(node, cst.Name) and node.value in facts.process_status)


def _polls_process(node: cst.BaseExpression) -> bool:
    """`proc.poll()`: a child process's exit status, `None` while it runs."""
    return (isinstance(node, cst.Call) and not node.args and isinstance(node.func, cst.Attribute)
            and node.func.attr.value == "poll")


def is_watcher(function_name: str) -> bool:
    return any(word in function_name.lower() for word in WATCHER_WORDS)


@dataclass
class PollFacts:
    """What one loop's body does: what it asks on each pass, how it pauses and when it leaves."""

    polled: set[str] = field(default_factory=set)  # names bound to a call's answer inside the loop
    process_status: set[str] = field(default_factory=set)  # names bound to a child process's `poll()` inside the loop
    counters: set[str] = field(default_factory=set)  # names moved by `+=`/`-=` inside the loop
    pauses: bool = False  # a `sleep` on every pass (not under an `if`, not in an `except`)
    drains: bool = False  # a `DRAIN_CALLS` call on every pass (not under an `if`, not in an `except`)
    streams: bool = False  # a `yield` on every pass: a generator streaming updates, which its consumer stops
    exit_tests: list[cst.BaseExpression] = field(default_factory=list)  # conditions of the exits
    unguarded_exit: bool = False  # an exit under no condition, or in an `except`: the loop is no plain poll


def _calls(node: cst.CSTNode) -> list[cst.Call]:
    return [inner for inner in walk_own(node) if type(inner) is cst.Call]


def _names(node: cst.CSTNode) -> list[str]:
    """Identifiers a condition reads: bare names and attribute names (`self.stop_event.is_set` gives all four)."""
    return list(names_in(node))


def _is_pause(call: cst.Call) -> bool:
    return PAUSE_WORD in (callee_tail(call.func) or "").lower()


def limits(test: cst.BaseExpression, facts: PollFacts) -> bool:
    """A condition that ends the wait by itself: it reads a clock, a counter the loop moves, or a limit/stop word."""
    if any(_reads_clock(callee_tail(call.func) or "") for call in _calls(test)):
        return True
    return any(name in facts.counters or _limit_word(name) for name in _names(test))


def _reads_clock(callee: str) -> bool:
    """`time.monotonic()`, `loop.time()`, or the program's own clock: `_pump_clock()`, `self._now()`."""
    return callee in CLOCK_CALLS or callee.lower().rpartition("_")[2] in OWN_CLOCK_WORDS


def _limit_word(name: str) -> bool:
    return any(part.startswith(LIMIT_WORDS) for part in name.lower().split("_"))


def polls(test: cst.BaseExpression, facts: PollFacts) -> bool:
    """A condition on something asked afresh on each pass: it calls out itself, or reads a name bound to an answer.
    A built-in over the program's own values (`len(self.workers) > n`, `any(e["type"] == "done" for e in events)`)
    asks nothing outside: the loop waits on state that its own work or a task beside it changes."""
    return any(not _reads_own_values(call) for call in _calls(test)) or any(name in facts.polled for name in _names(test))


def _reads_own_values(call: cst.Call) -> bool:
    return isinstance(call.func, cst.Name) and call.func.value in BUILTIN_READS


def scan(body: cst.BaseSuite) -> PollFacts:
    """Read a loop body (not the loops and functions nested in it) for what it asks, pauses on and exits on."""
    facts = PollFacts()
    pending: list[tuple[cst.CSTNode, tuple[cst.BaseExpression, ...], bool]] = [(body, (), False)]
    while pending:
        node, tests, in_handler = pending.pop()
        _note(node, tests, in_handler, facts)
        inner_tests = (*tests, node.test) if type(node) is cst.If else tests
        inner_handler = in_handler or type(node) is cst.ExceptHandler
        pending.extend((c, tests if type(node) is cst.If and c is node.test else inner_tests, inner_handler)
                       for c in child_nodes(node) if type(c) not in LOOPS and type(c) not in NESTED_SCOPE_TYPES)
    return facts


def _note(node: cst.CSTNode, tests: tuple[cst.BaseExpression, ...], in_handler: bool, facts: PollFacts) -> None:
    if isinstance(node, (cst.Assign, cst.AnnAssign)) and node.value is not None and _calls(node.value):
        targets = node.targets if isinstance(node, cst.Assign) else (node,)
        facts.polled.update(name for target in targets for name in _names(target.target))
        if _polls_process(node.value):
            facts.process_status.update(t.target.value for t in targets if isinstance(t.target, cst.Name))
    elif isinstance(node, cst.AugAssign):
        facts.counters.update(_names(node.target))
    elif isinstance(node, cst.Call) and not tests and not in_handler:
        facts.pauses = facts.pauses or _is_pause(node)
        facts.drains = facts.drains or callee_tail(node.func) in DRAIN_CALLS
    elif isinstance(node, cst.Yield) and not tests and not in_handler:
        facts.streams = True
    elif isinstance(node, EXITS):
        if tests and not in_handler:
            facts.exit_tests.extend(tests)
        else:
            facts.unguarded_exit = True
    elif isinstance(node, cst.Assert) and not in_handler:  # leaves by raising once its condition fails
        facts.exit_tests.append(node.test)


def waits_forever(facts: PollFacts, loop_test: cst.BaseExpression | None) -> tuple[str, cst.BaseExpression] | None:
    """How a pacing loop waits (`"while"` its condition holds, `"until"` an exit's does) and on what, when nothing
    limits the wait; else None.

    `loop_test` is the `while` condition (None for `while True:`); the exits' own conditions count alike. Any
    condition that limits the wait, waits for a child process to end (as `proc.wait()` does), or an exit the loop
    takes for a reason it does not ask about (a flag another thread sets), clears the loop: the rule only reports a
    wait whose every way out is the awaited answer. So does a loop that deletes a batch on every pass: it drains a
    backlog and ends by its own work (django-oauth-toolkit's `clear_expired`), and so does a loop that yields on every
    pass: it streams updates (a gRPC server stream `while context.is_active()`, a server-sent event feed) until its
    consumer stops it.
    """
    if not facts.pauses or facts.unguarded_exit or facts.drains or facts.streams:
        return None
    tests = ([loop_test] if loop_test is not None else []) + facts.exit_tests
    if not tests or any(limits(test, facts) or not polls(test, facts) or watches_process(test, facts) for test in tests):
        return None
    return ("while", loop_test) if loop_test is not None else ("until", facts.exit_tests[-1])
