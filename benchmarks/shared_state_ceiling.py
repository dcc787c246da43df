"""The most that flow lanes sharing state could save (issue 18), measured by pretending they already do.

The summarising lanes but VC402's (whose state binds differently) answer the same question in the same statement
alike 96-100 % of the time on Django (`lane_coincidence.py`). Three pretences, each timed against the unchanged
walk. `answers`: in each function the first of these lanes to ask a question of anything but a plain name computes
the answer and the others take it (what a memo of answers shared by lanes would save at best). `fused`: the same,
and only the first lane binds, stores and checks names (what one state shared by the lanes, the way a bitmask of
lanes per taint would share it, would save at best; a plain name's lookup costs less than a shared answer's).
`fused+hooks`: the same, but each other lane still asks its own source finder of every expression in a question
and its sanitisers of every call there (what such a state must still ask per lane to know where the lanes
differ). The pretences change findings; only their cost means anything (the wrappers add theirs: for instruction
counts run one mode under callgrind with `--mode MODE PATH STEP`). Each mode runs in its own process, alternating,
best of ROUNDS.

    nice python benchmarks/shared_state_ceiling.py [PATH] [STEP] [ROUNDS]   (default: every 24th file of Django's
    `django/`, 3 rounds)
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from speed import django_package  # noqa: E402 -- the benchmark folder is not a package

from vibecheck.analysis import flow  # noqa: E402
from vibecheck.config import Settings  # noqa: E402
from vibecheck.discovery import discover  # noqa: E402
from vibecheck.runner import Checker  # noqa: E402

MODES = ("unchanged", "answers", "fused", "fused+hooks")
OUTSIDE_THE_FAMILY = frozenset({"VC402"})
ANSWERS_KEPT = 100_000  # the shared answers are forgotten past this many (the step keys never repeat)


def pretend(mode: str) -> None:
    """Wrap the walk so that the lanes of one family share answers (`answers`) or the first one's state (`fused`)."""
    step = [0]
    family: set[int] = set()  # id(state) of the family's lanes
    followers: set[int] = set()  # id(state) of the lanes that take the first one's state (`fused`)
    first: dict[int, tuple[Any, flow.FlowState]] = {}  # id(function) -> (function, the first lane's state)
    answers: dict[tuple[int, int], flow.Taint | None] = {}
    walk_statement, each, begin = flow._walk_statement, flow._each, flow.FlowRule.begin_function

    def stepped_walk(statement: Any, lanes: list[flow.Lane]) -> None:
        step[0] += 1
        walk_statement(statement, lanes)

    def stepped_each(lanes: list[flow.Lane], work: Callable[[flow.FlowState], Any]) -> list[Any]:
        step[0] += 1
        return each(lanes, work)

    def begin_function(rule: flow.FlowRule, node: Any) -> flow.Lane:
        step[0] += 1
        lane = begin(rule, node)
        if rule.summarises and rule.code not in OUTSIDE_THE_FAMILY:
            family.add(id(lane.state))
            held = first.get(id(node))
            if held is not None and held[0] is node:  # (the entry keeps the node, so its id is not reused)
                if mode == "fused":
                    followers.add(id(lane.state))
            else:
                first[id(node)] = (node, lane.state)
        return lane

    taint_of = flow.FlowState.taint_of
    hooks = mode == "fused+hooks"

    def shared_taint_of(state: flow.FlowState, node: Any) -> flow.Taint | None:
        if state.query_memo is not None or id(state) not in family or type(node) is flow.cst.Name:
            return taint_of(state, node)
        key = (step[0], id(node))
        if key in answers:
            if hooks:
                _ask_own_hooks(state, node)
            return answers[key]
        if len(answers) > ANSWERS_KEPT:
            answers.clear()
        found = answers[key] = taint_of(state, node)
        return found

    flow._walk_statement = stepped_walk
    flow._each = stepped_each
    flow.FlowRule.begin_function = begin_function  # type: ignore[method-assign]
    flow.FlowState.taint_of = shared_taint_of  # type: ignore[method-assign]
    if mode.startswith("fused"):
        for name in ("bind", "store", "clear_checked"):
            setattr(flow.FlowState, name, _skipped_for(followers, getattr(flow.FlowState, name)))


def _ask_own_hooks(state: flow.FlowState, node: Any) -> None:
    """What a lane of a shared state must still ask itself of a question: its source finder of each expression in
    it, its sanitisers of each call (more than the walk asks, which stops at a source: an upper bound)."""
    source = state.source
    for inner in flow.iter_expressions(node):
        source(inner, state)
        if type(inner) is flow.cst.Call:
            state.is_sanitizer_call(inner)


def _skipped_for(followers: set[int], method: Callable[..., Any]) -> Callable[..., Any]:
    def skipped(state: flow.FlowState, *args: Any, **kwargs: Any) -> Any:
        return False if id(state) in followers else method(state, *args, **kwargs)

    return skipped


def run(mode: str, target: Path, step: int) -> float:
    """The CPU seconds of checking the files in this process, the walk wrapped for `mode`."""
    files = list(discover([str(target)], target.parent))[::step]
    checker = Checker(Settings(root=str(target.parent), isolate=False, jobs=1))
    checker.check_path(files[0])  # loads every rule module
    if mode != "unchanged":
        pretend(mode)
    start = time.process_time()
    for path in files:
        checker.check_path(path)
    return time.process_time() - start


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--mode":
        print(run(sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])))
        return
    target = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else django_package()
    step = int(sys.argv[2]) if len(sys.argv) > 2 else 24
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    best = dict.fromkeys(MODES, float("inf"))
    for _ in range(rounds):
        for mode in MODES:
            completed = subprocess.run([sys.executable, __file__, "--mode", mode, str(target), str(step)],
                                       capture_output=True, text=True, check=True)
            best[mode] = min(best[mode], float(completed.stdout.split()[-1]))
    for mode in MODES:
        print(f"{mode:10} {best[mode]:7.2f} CPU s  {best[mode] / best['unchanged'] - 1:+7.1%}")


if __name__ == "__main__":
    main()
