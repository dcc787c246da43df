"""A retry loop's deadline handed to the helper that judges each failure.

`deadline = time.monotonic() + timeout`, then `next_sleep = _retry_error_helper(exc, deadline, ...)` in the `except`
of a `while True:` loop: the helper raises once the deadline has passed (google-api-core's retries do), so the loop
is bounded though nothing in its own body leaves it. A deadline only logged (`logger.warning("until %s", deadline)`)
bounds nothing.
"""

from __future__ import annotations

import libcst as cst

from vibecheck.cst_fields import own_nodes, walk_own
from vibecheck.imports import full_name

# The clocks a deadline is read from: `time.monotonic()`, `time.time()`, `loop.time()`, `datetime.now()`.
CLOCK_CALLS = frozenset({"monotonic", "time", "perf_counter", "now", "utcnow"})
# Calls that only report a value: handing them the deadline checks nothing.
REPORTING_CALLS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "log", "print"})


def deadline_names(function: cst.FunctionDef) -> frozenset[str]:
    """The names the function binds to a point in time ahead: `deadline = time.monotonic() + timeout`."""
    found: set[str] = set()
    for node in own_nodes(function.body):
        if type(node) is cst.Assign and len(node.targets) == 1:
            target, value = node.targets[0].target, node.value
        elif type(node) is cst.AnnAssign and node.value is not None:  # `deadline: Optional[float] = ...`
            target, value = node.target, node.value
        else:
            continue
        if type(target) is cst.Name and _clock_ahead(value):
            found.add(target.value)
    return frozenset(found)


def hands_deadline(call: cst.Call, deadlines: frozenset[str]) -> bool:
    """A call, not a log line, given one of the deadlines: it may raise once that time has passed."""
    callee = (full_name(call.func) or "").rpartition(".")[2]
    return bool(deadlines) and callee not in REPORTING_CALLS and any(
        type(argument.value) is cst.Name and argument.value.value in deadlines for argument in call.args)


def _clock_ahead(value: cst.BaseExpression) -> bool:
    return any(type(node) is cst.BinaryOperation and type(node.operator) is cst.Add and any(
        type(inner) is cst.Call and (full_name(inner.func) or "").rpartition(".")[2] in CLOCK_CALLS
        for inner in walk_own(node)) for node in walk_own(value))
