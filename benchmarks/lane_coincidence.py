"""Per pair of flow lanes: how often the same expression, asked in the same statement, gets the same taint.

The measurement behind the design of lanes that share state (issue 18): the flow rules walk a function together,
lane by lane at each statement, and each lane asks its own state `taint_of` of the expressions it binds or checks.
Checks every STEP-th file of a folder in this process (`--jobs 1`, every default rule) and records each lane's
outermost `taint_of` answers in function walks, keyed by the statement being walked and the expression asked
(the module-level walks, one rule at a time, are left out). Prints, per lane, the questions it asked (of a plain
name, of anything else), their CPU seconds (the wrappers add their own cost, the source finder's most: read the
shares) and the share answered the same by another lane; per pair of lanes that asked the same questions, the share
of equal answers; and over all questions asked by several lanes (and by several summarising lanes), how many
distinct answers they had (the work a shared state could skip) and, where the answers differ, why: a lane's source
finder answered, or one lane's answer is clean and another's not (a sanitiser, a check or a binding of its own), or
both are tainted differently. Not a test.

    nice python benchmarks/lane_coincidence.py [PATH] [STEP]   (default: every 6th file of Django 5.2's `django/`)
"""

from __future__ import annotations

import itertools
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from speed import django_package  # noqa: E402 -- the benchmark folder is not a package

from vibecheck.analysis import flow  # noqa: E402
from vibecheck.config import Settings  # noqa: E402
from vibecheck.discovery import discover  # noqa: E402
from vibecheck.runner import Checker  # noqa: E402

clock = time.process_time
Answer = tuple[flow.Taint | None, bool]  # the taint, and whether the lane's source finder answered on the way


class Recorder:
    """The answers of the walk in progress, keyed by (statement step, expression), and the totals so far."""

    def __init__(self) -> None:
        self.step = 0
        self.in_function_walk = False
        self.depth = 0
        self.codes: dict[int, str] = {}  # id(state) -> the lane's rule
        self.answered: dict[int, bool] = {}  # id(state) -> its source finder answered in the current question
        self.answers: dict[tuple[int, int], dict[str, Answer]] = {}
        self.asked: Counter[tuple[str, bool]] = Counter()
        self.seconds: dict[str, float] = defaultdict(float)
        self.shared: Counter[str] = Counter()
        self.events: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.pairs_same: Counter[tuple[str, str]] = Counter()
        self.groups: Counter[str] = Counter()
        self.summarising: set[str] = set()  # the rules whose lanes record summaries (seeded with PARAMETER taints)
        self.summarising_groups: Counter[str] = Counter()

    def flush(self) -> None:
        """Fold the answers recorded so far into the totals."""
        for answers in self.answers.values():
            codes = sorted(answers)
            taints = [answers[code][0] for code in codes]
            for code, taint in zip(codes, taints, strict=True):
                self.events[code] += 1
                self.shared[code] += taints.count(taint) > 1
            for first, second in itertools.combinations(codes, 2):
                self.pairs[(first, second)] += 1
                self.pairs_same[(first, second)] += answers[first][0] == answers[second][0]
            _tally(self.groups, answers)
            _tally(self.summarising_groups, {code: answers[code] for code in codes if code in self.summarising})
        self.answers.clear()


def _tally(groups: Counter[str], answers: dict[str, Answer]) -> None:
    """Count a question asked by several lanes: its answers, the distinct ones, and why they differ."""
    if len(answers) < 2:
        return
    distinct = {repr(taint) for taint, _ in answers.values()}
    groups["answers"] += len(answers)
    groups["distinct"] += len(distinct)
    groups["questions"] += 1
    if len(distinct) > 1:
        groups[_why_different(answers)] += 1


def _why_different(answers: dict[str, Answer]) -> str:
    if any(source for _, source in answers.values()):
        return "a source finder answered"
    if any(taint is None for taint, _ in answers.values()):
        return "clean in one lane, tainted in another (no source answered)"
    return "tainted differently (no source answered)"


def instrument(recorder: Recorder) -> None:
    walk_statement, each = flow._walk_statement, flow._each

    def stepped_walk(statement: Any, lanes: list[flow.Lane]) -> None:
        recorder.step += 1
        walk_statement(statement, lanes)

    def stepped_each(lanes: list[flow.Lane], step: Callable[[flow.FlowState], Any]) -> list[Any]:
        recorder.step += 1
        return each(lanes, step)

    flow._walk_statement = stepped_walk
    flow._each = stepped_each
    begin, visit_module = flow.FlowRule.begin_function, flow.FlowRule.visit_Module

    def begin_function(rule: flow.FlowRule, node: Any) -> flow.Lane:
        recorder.in_function_walk = True
        recorder.step += 1
        lane = begin(rule, node)
        state = lane.state
        recorder.codes[id(state)] = rule.code
        if rule.summarises:
            recorder.summarising.add(rule.code)
        finder = state.source

        def source(expression: Any, current: flow.FlowState) -> flow.Taint | None:
            found = finder(expression, current)
            if found is not None:
                recorder.answered[id(current)] = True
            return found

        state.source = source
        return lane

    def module_walk(rule: flow.FlowRule, node: Any) -> None:
        recorder.in_function_walk = False
        visit_module(rule, node)

    flow.FlowRule.begin_function = begin_function  # type: ignore[method-assign]
    flow.FlowRule.visit_Module = module_walk  # type: ignore[method-assign]
    taint_of = flow.FlowState.taint_of

    def recorded_taint_of(state: flow.FlowState, node: Any) -> flow.Taint | None:
        code = recorder.codes.get(id(state))
        if recorder.depth or not recorder.in_function_walk or node is None or code is None:
            return taint_of(state, node)
        recorder.depth += 1
        recorder.answered[id(state)] = False
        start = clock()
        try:
            found = taint_of(state, node)
        finally:
            recorder.seconds[code] += clock() - start
            recorder.depth -= 1
        recorder.asked[(code, type(node) is flow.cst.Name)] += 1
        recorder.answers.setdefault((recorder.step, id(node)), {}).setdefault(code, (found, recorder.answered[id(state)]))
        return found

    flow.FlowState.taint_of = recorded_taint_of  # type: ignore[method-assign]


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else django_package()
    step = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    files = list(discover([str(target)], target.parent))[::step]
    checker = Checker(Settings(root=str(target.parent), isolate=False, jobs=1))
    checker.check_path(files[0])  # loads every rule module before the walk is wrapped
    recorder = Recorder()
    instrument(recorder)
    start = time.process_time()
    for path in files:
        checker.check_path(path)
        recorder.flush()
    total = time.process_time() - start
    print(f"{len(files)} files, {total:.2f} CPU s; outermost taint_of questions in function walks: "
          f"{sum(recorder.seconds.values()):.2f} s")
    print(f"{'rule':6} {'names':>7} {'other':>7} {'cpu s':>6} {'same as another lane':>21}")
    for code in sorted(recorder.events, key=lambda c: -recorder.seconds[c]):
        print(f"{code:6} {recorder.asked[(code, True)]:7} {recorder.asked[(code, False)]:7} "
              f"{recorder.seconds[code]:6.2f} {recorder.shared[code] / recorder.events[code]:21.1%}")
    print("pairs (questions both asked, same answer), most questions first:")
    for pair, count in recorder.pairs.most_common(40):
        print(f"  {pair[0]}-{pair[1]}: {count:7} {recorder.pairs_same[pair] / count:6.1%}")
    _print_groups("asked by several lanes", recorder.groups)
    _print_groups(f"asked by several summarising lanes ({', '.join(sorted(recorder.summarising))})",
                  recorder.summarising_groups)


def _print_groups(title: str, groups: Counter[str]) -> None:
    questions = groups["questions"] or 1
    print(f"{title}: {groups['questions']} questions, {groups['answers']} answers, {groups['distinct']} distinct "
          f"({1 - groups['distinct'] / (groups['answers'] or 1):.1%} repeated)")
    for reason in ("a source finder answered", "clean in one lane, tainted in another (no source answered)",
                   "tainted differently (no source answered)"):
        print(f"  answers differ, {reason}: {groups[reason]} ({groups[reason] / questions:.1%} of questions)")


if __name__ == "__main__":
    main()
