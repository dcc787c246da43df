"""What each per-file rule costs in the engine's walk: CPU seconds per rule, without a profiler's distortion.

Parses a sample of files once, then for each rule walks every parsed module with that rule alone (its
construction, file hints and handlers, as the engine runs them) and subtracts a walk with no rule. The
fact collector and the project rules' collectors are measured the same way. cProfile and per-call timers
inflate code that makes many small calls several times over; this measures whole walks with
`time.process_time`, the minimum of several rounds. Rules measured alone each pay the per-file caches the
flow rules share, so their sum overstates a run: join codes with `+` to measure rules together.

    nice python benchmarks/profile_rules.py [PATH] [STEP] [CODES] [ROUNDS]

PATH defaults to Django 5.2's `django/` (also when given as `""`: before, `""` measured the current folder), STEP
(every STEP-th file) to 6, CODES (comma-separated; `VC405+VC409` walks both together; `facts` is the fact
collector, a collector by its function name, and both join a `+` too) to every default rule and collector, ROUNDS
to 2. Not a test; run it with `nice`.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import libcst as cst

sys.path.insert(0, str(Path(__file__).parent))

from speed import django_package  # noqa: E402 -- the benchmark folder is not a package

from vibecheck import engine  # noqa: E402
from vibecheck.config import Settings  # noqa: E402
from vibecheck.discovery import discover  # noqa: E402
from vibecheck.facts import fact_collector  # noqa: E402
from vibecheck.imports import ImportTable  # noqa: E402
from vibecheck.rule import RuleContext  # noqa: E402
from vibecheck.runner import Checker  # noqa: E402
from vibecheck.source import SourceUnit  # noqa: E402

# One walker: a label, and what builds its instances for a file's context (empty list: the bare walk).
Walker = tuple[str, Callable[[RuleContext, list[Any]], list[Any]]]


def parsed_sample(target: Path, step: int) -> list[tuple[SourceUnit, cst.Module]]:
    units = []
    for source_file in list(discover([str(target)], target.parent))[::step]:
        unit = SourceUnit(source_file.path, Path(source_file.path).read_bytes(), False)
        if unit.text is None:
            continue
        try:
            units.append((unit, cst.parse_module(unit.text)))
        except cst.ParserSyntaxError:
            continue
    return units


def collected_by(collector: Callable[..., Any], options: Any) -> Callable[[RuleContext, list[Any]], list[Any]]:
    """A project rule's fact collector as a walker (a named function: mypy cannot type a lambda's default arguments)."""
    return lambda context, errors: [collector(context, options)]


def walkers(checker: Checker, relative: str, wanted: list[str] | None) -> list[Walker]:
    rules = {rule.code: (rule, options) for rule, options in checker.file_rules_for(checker.selection.enabled_for(relative))}
    others: dict[str, Callable[[RuleContext, list[Any]], list[Any]]] = {
        "facts": lambda context, errors: [fact_collector(context)]}
    for collector, options in checker.fact_collectors:
        others[getattr(collector, "__name__", "collector")] = collected_by(collector, options)

    def rules_of(codes: list[str]) -> Callable[[RuleContext, list[Any]], list[Any]]:
        named = [others[code] for code in codes if code in others]
        chosen = [rules[code] for code in codes if code not in others]
        return lambda context, errors: [*engine._instantiate(chosen, context, errors),
                                         *(build(context, errors)[0] for build in named)]

    found: list[Walker] = []
    for label in wanted or [*rules, *others]:
        codes = label.split("+")
        found.append((label, others[label] if label in others else rules_of(codes)))
    return found


def walk_all(units: list[tuple[SourceUnit, cst.Module]], build: Callable[[RuleContext, list[Any]], list[Any]]) -> float:
    start = time.process_time()
    for unit, module in units:
        context = RuleContext(path=unit.path, source=unit.text or "", module=module,
                              imports=ImportTable.from_module(module), ast_provider=unit.python_ast)
        errors: list[Any] = []
        engine._walk(module, build(context, errors), context, errors)
    return time.process_time() - start


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else django_package()  # "": the default
    step = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    wanted = sys.argv[3].split(",") if len(sys.argv) > 3 and sys.argv[3] else None
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    checker = Checker(Settings(root=str(target.parent), isolate=False, jobs=1, no_bandit=True))
    units = parsed_sample(target, step)
    measured = walkers(checker, f"{target.name}/x.py", wanted)
    gc.collect()
    gc.freeze()  # the parsed sample is never collected; cyclic GC would charge its scans to whichever rule runs
    seconds: dict[str, float] = {}
    for _ in range(rounds):
        bare = walk_all(units, lambda context, errors: [])
        seconds["(bare walk)"] = min(seconds.get("(bare walk)", bare), bare)
        for label, build in measured:
            cost = walk_all(units, build) - bare
            seconds[label] = min(seconds.get(label, cost), cost)
    total = sum(cost for label, cost in seconds.items() if label != "(bare walk)")
    print(f"{len(units)} files; bare walk {seconds['(bare walk)']:.3f} CPU s; walkers {total:.3f} CPU s above it "
          f"(min of {rounds} rounds)")
    for label, cost in sorted(seconds.items(), key=lambda item: -item[1]):
        print(f"  {label:32} {cost:7.3f} {cost / total:6.1%}")


if __name__ == "__main__":
    main()
