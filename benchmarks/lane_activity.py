"""Per flow lane: in how many functions anything happens, and what share of its cost goes where nothing does.

Checks every STEP-th file of a folder in this process (`--jobs 1`, every default rule, bandit too), as a worker
does, and follows each flow rule's lane through each function it walks: its cost (CPU seconds in the lane's own
visitor and state work: `taint_of`, `bind`, `store`, `clear_checked`, `snapshot`, `merge`, and its start and end),
whether its state ever held a taint (a seeded parameter included) and of which kinds, whether its source finder
ever answered, whether it reported (a finding or a vet) or recorded a summary (VC207: wrote one itself). A lane
can be skipped in a function only where nothing of this happens; a summarising lane's summary records every
function's parameters and calls, so it is walked where no client data ever appears. Not a test; the timing
wrappers add their own cost, so read the shares, not the seconds.

    nice python benchmarks/lane_activity.py [PATH] [STEP]   (default: every 6th file of Django 5.2's `django/`)

Columns: `funcs` functions walked; `held` state held a taint; `src` the source finder answered; `untr` an
untrusted kind appeared (the rule's own kinds, or a source other than a parameter or a call result); `rep`
reported; `summ` summary recorded; `quiet` none of these; `noUnt` no untrusted kind and no report; `silent` no
report and no summary (whatever the state held: what a perfect screen could skip), each with the share of the
lane's cost spent in such functions; `check` the share of a summarising lane's cost in the rule's `check` (its
sink search and notes); `noSink` the lanes where the rule's sink finder (`SINK_FINDERS`) never answered, with the
share of `check`'s cost spent in them.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from speed import django_package  # noqa: E402 -- the benchmark folder is not a package

from vibecheck.analysis import flow  # noqa: E402
from vibecheck.analysis.summary_keys import SUMMARISED_KINDS, SUMMARY_FACT  # noqa: E402
from vibecheck.config import Settings  # noqa: E402
from vibecheck.discovery import discover  # noqa: E402
from vibecheck.runner import Checker  # noqa: E402

STATE_METHODS = ("taint_of", "bind", "store", "clear_checked", "snapshot", "merge")
# The methods of a summarising rule that find a call's sinks (a `ClientSinkRule`'s table, VC401's and VC405's own).
SINK_FINDERS = ("sinks", "_sink")
clock = time.process_time


class Tracker:
    """The open lanes by state, and the totals per rule."""

    def __init__(self) -> None:
        self.open: dict[int, dict[str, Any]] = {}
        self.totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.depth = 0  # only the outermost timed call counts (`taint_of` inside `visit` is the visit's)

    def timed(self, record: dict[str, Any] | None, work: Callable[[], Any]) -> Any:
        if record is None or self.depth:
            return work()
        self.depth += 1
        start = clock()
        try:
            return work()
        finally:
            record["cost"] += clock() - start
            self.depth -= 1


def _wrap_state_method(tracker: Tracker, cls: type, name: str) -> None:
    original = getattr(cls, name)

    def wrapper(self: flow.FlowState, *args: Any, **kwargs: Any) -> Any:
        record = tracker.open.get(id(self))
        if record is not None and name in ("bind", "store") and len(args) > 1 and args[1] is not None:
            record["held"].add(args[1].kind)
        return tracker.timed(record, lambda: original(self, *args, **kwargs))

    setattr(cls, name, wrapper)


def _subclasses(cls: type) -> list[type]:
    found = [cls]
    sub: type
    for sub in cls.__subclasses__():
        found.extend(_subclasses(sub))
    return found


def instrument(tracker: Tracker) -> None:
    for cls in _subclasses(flow.FlowState):
        for name in STATE_METHODS:
            if name in cls.__dict__:
                _wrap_state_method(tracker, cls, name)
    begin, end = flow.FlowRule.begin_function, flow.FlowRule.end_function

    def begin_function(rule: flow.FlowRule, node: Any) -> flow.Lane:
        start = clock()
        lane = begin(rule, node)
        state = lane.state
        record: dict[str, Any] = {
            "cost": clock() - start, "held": {taint.kind for taint in state.names.values()}, "source": set(),
            "reports": len(rule.context.reports), "vets": len(rule.context.vets), "written": _written(rule)}
        tracker.open[id(state)] = record
        finder, visit = state.source, lane.visit

        def source(expression: Any, current: flow.FlowState) -> flow.Taint | None:
            found = finder(expression, current)
            if found is not None and found is not flow.CLEAN:
                record["source"].add(found.kind)
            return found

        state.source = source
        lane.visit = lambda statement, current: tracker.timed(record, lambda: visit(statement, current))
        if rule.summarises:
            _watch_sink_search(rule, record)
        return lane

    def end_function(rule: flow.FlowRule, node: Any, state: flow.FlowState) -> None:
        record = tracker.open.pop(id(state), None)
        summary = state.summary
        recorded = summary is not None and bool(summary.sinks or summary.returns or summary.calls or summary.stores
                                                or summary.kept or summary.makes)
        tracker.timed(record, lambda: end(rule, node, state))
        recorded = recorded or (record is not None and _written(rule) != record["written"])
        if record is not None:
            _count(tracker.totals[rule.code], rule, record, recorded)

    flow.FlowRule.begin_function = begin_function  # type: ignore[method-assign]
    flow.FlowRule.end_function = end_function  # type: ignore[method-assign]


def _watch_sink_search(rule: flow.FlowRule, record: dict[str, Any]) -> None:
    """Time the lane's `check` (its own clock: the lane's cost includes it) and note whether the rule's sink finder
    (`SINK_FINDERS`) ever answered in it."""
    record["check"], record["sank"] = 0.0, None
    check = type(rule).check

    def timed_check(node: Any, state: flow.FlowState) -> None:
        start = clock()
        try:
            check(rule, node, state)
        finally:
            record["check"] += clock() - start

    rule.check = timed_check  # type: ignore[method-assign]  # (the summarising visitor asks `self.check`)
    for name in SINK_FINDERS:
        finder = getattr(type(rule), name, None)
        if finder is not None:
            record["sank"] = False
            setattr(rule, name, lambda *args, finder=finder: _answered(record, finder(rule, *args)))


def _answered(record: dict[str, Any], answer: Any) -> Any:
    if hasattr(answer, "__next__"):  # a generator of sinks
        answer = list(answer)
        record["sank"] = record["sank"] or bool(answer)
        return iter(answer)
    record["sank"] = record["sank"] or answer is not None
    return answer


def _written(rule: flow.FlowRule) -> int:
    """The sinks a rule that writes summaries itself (VC207) has written for the file so far."""
    if not rule.records_summaries:
        return 0
    functions = rule.context.facts.get(SUMMARY_FACT, {}).get(rule.code, {})
    return sum(len(fact.get("sinks", ())) for fact in functions.values())


def _count(totals: dict[str, float], rule: flow.FlowRule, record: dict[str, Any], recorded: bool) -> None:
    reported = any(entry[0] is type(rule) for entry in rule.context.reports[record["reports"]:]) \
        or any(entry[0] is type(rule) for entry in rule.context.vets[record["vets"]:])
    held, sources = record["held"], record["source"]
    untrusted = bool(held & rule.untrusted_kinds or sources - SUMMARISED_KINDS)
    quiet = not (held or sources or reported or recorded)
    idle = not (untrusted or reported)
    silent = not (reported or recorded)
    for key, happened in (("functions", True), ("held", bool(held)), ("source", bool(sources)),
                          ("untrusted", untrusted), ("reported", reported), ("summary", recorded), ("quiet", quiet),
                          ("idle", idle), ("silent", silent)):
        totals[key] += happened
    totals["cost"] += record["cost"]
    totals["quiet_cost"] += record["cost"] if quiet else 0.0
    totals["idle_cost"] += record["cost"] if idle else 0.0
    totals["silent_cost"] += record["cost"] if silent else 0.0
    totals["check_cost"] += record.get("check", 0.0)
    if record.get("sank") is not None:
        totals["finder"] = 1.0
        totals["no_sink"] += not record["sank"]
        totals["no_sink_check"] += 0.0 if record["sank"] else record["check"]
    totals["summarises"] = float(rule.summarises)


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else django_package()
    step = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    files = list(discover([str(target)], target.parent))[::step]
    checker = Checker(Settings(root=str(target.parent), isolate=False, jobs=1))
    checker.check_path(files[0])  # loads every rule module, so that each state class exists to be wrapped
    tracker = Tracker()
    instrument(tracker)
    for path in files:
        checker.check_path(path)
    print(f"{len(files)} files")
    print(f"{'rule':6} {'summ?':5} {'funcs':>6} {'cost s':>7} {'held':>6} {'src':>6} {'untr':>6} {'rep':>5} {'summ':>6} "
          f"{'quiet':>6} {'share':>6} {'noUnt':>6} {'share':>6} {'silent':>6} {'share':>6} {'check':>6} {'noSink':>6} "
          f"{'share':>6}")
    rows = sorted(tracker.totals.items(), key=lambda item: -item[1]["cost"])
    for code, row in rows:
        cost = row["cost"] or 1e-9
        print(f"{code:6} {'yes' if row['summarises'] else 'no':5} {int(row['functions']):6} {row['cost']:7.2f} "
              f"{int(row['held']):6} {int(row['source']):6} {int(row['untrusted']):6} {int(row['reported']):5} "
              f"{int(row['summary']):6} {int(row['quiet']):6} {row['quiet_cost'] / cost:6.1%} {int(row['idle']):6} "
              f"{row['idle_cost'] / cost:6.1%} {int(row['silent']):6} {row['silent_cost'] / cost:6.1%} "
              f"{row['check_cost'] / cost:6.1%} " + (
                  f"{int(row['no_sink']):6} {row['no_sink_check'] / (row['check_cost'] or 1e-9):6.1%}"
                  if row["finder"] else f"{'-':>6} {'-':>6}"))
    total = sum(row["cost"] for _, row in rows) or 1e-9
    print(f"all lanes {total:.2f} s: quiet {sum(row['quiet_cost'] for _, row in rows) / total:.1%}, "
          f"no untrusted kind and no report {sum(row['idle_cost'] for _, row in rows) / total:.1%}, "
          f"silent {sum(row['silent_cost'] for _, row in rows) / total:.1%}")


if __name__ == "__main__":
    main()
