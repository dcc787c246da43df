"""Instructions, not seconds, of the rules' walk: a measure that holds on a loaded machine.

On the shared two-core machine `process_time` minimums of the same walk differ by 10 % and more between runs, more
than most speed changes save. Callgrind counts instructions, the same to 0.2 % from run to run. This script parses
every STEP-th file once, then walks them twice without rules and twice with CODES (joined by `+`, as
`profile_rules.py` takes them), and has callgrind count only the second walk of each (`callgrind_control`), so the
parsing, the imports and the warm-up cost nothing. Run it under callgrind with instrumentation off at the start:

    nice valgrind --tool=callgrind --instr-atstart=no python benchmarks/walk_instructions.py [PATH] [STEP] [CODES]

(without `--callgrind-out-file`: the script reads its dumps as `callgrind.out.<pid>.*` in the current folder)

PATH defaults to Django 5.2's `django/` (also as `""`), STEP to 24, CODES to every flow rule walked together (their
shared memos make a rule measured alone pay for what the others would collect), also named `flow`; `nonflow` is every
other default rule with the fact collector and the project rules' collectors (`facts` and a collector's function name
join a `+` too); several labels separated by commas are measured one after the other. It prints the instructions of the
bare walk and of the walk with the rules above it; compare two branches by running it in each one's venv. Callgrind
runs Python some 50 times slower: every 24th Django file takes minutes. Not a test.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from profile_rules import parsed_sample, walk_all, walkers  # noqa: E402 -- the benchmark folder is not a package
from speed import django_package  # noqa: E402

from vibecheck.analysis.flow import FlowRule  # noqa: E402
from vibecheck.config import Settings  # noqa: E402
from vibecheck.gc_tuning import THRESHOLDS  # noqa: E402
from vibecheck.runner import Checker  # noqa: E402


def _control(*arguments: str) -> None:
    control = shutil.which("callgrind_control")
    if control is None:
        raise SystemExit("callgrind_control not found: run this script under valgrind --tool=callgrind")
    subprocess.run([control, *arguments, str(os.getpid())], stdout=subprocess.DEVNULL, check=True)


def _dumped_totals() -> dict[str, int]:
    """The totals of this process's dumps, by the label each was dumped with."""
    totals: dict[str, int] = {}
    for dump in Path.cwd().glob(f"callgrind.out.{os.getpid()}.*"):
        label, total = "", 0
        for line in dump.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("desc: Trigger: dump "):
                label = line.removeprefix("desc: Trigger: dump ")
            elif line.startswith("totals:"):
                total = int(line.split()[1])
        totals[label] = total
    if not totals:
        raise SystemExit(
            f"no callgrind.out.{os.getpid()}.* in {Path.cwd()}: run without --callgrind-out-file, "
            "from the folder callgrind may write into"
        )
    return totals


def _expanded(label: str, rules: dict[str, Any], checker: Checker) -> str:
    """A label of CODES with `flow` and `nonflow` spelled out as the codes they stand for."""
    if label not in ("flow", "nonflow"):
        return label
    flow = label == "flow"
    chosen = [code for code, rule in rules.items() if issubclass(rule, FlowRule) == flow]
    collectors = [getattr(collector, "__name__", "collector") for collector, _ in checker.fact_collectors]
    return "+".join(chosen if flow else [*chosen, "facts", *collectors])


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else django_package()
    step = int(sys.argv[2]) if len(sys.argv) > 2 else 24
    checker = Checker(Settings(root=str(target.parent), isolate=False, jobs=1, no_bandit=True))
    relative = f"{target.name}/x.py"
    rules = {rule.code: rule for rule, _ in checker.file_rules_for(checker.selection.enabled_for(relative))}
    labels = (sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else "flow").split(",")
    units = parsed_sample(target, step)
    built = walkers(checker, relative, [_expanded(label, rules, checker) for label in labels])
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    for index, (_, walker) in enumerate([("bare", lambda context, errors: []), *built]):
        walk_all(units, walker)  # the warm-up: imports and lazy tables, not counted
        _control("--zero")
        _control("--instr=on")
        walk_all(units, walker)
        _control("--instr=off")
        _control(f"--dump=walk{index}")
    totals = _dumped_totals()
    print(f"{len(units)} files; bare walk {totals['walk0']:,} instructions")
    for index, label in enumerate(labels, start=1):
        print(f"  {label:24} {totals[f'walk{index}'] - totals['walk0']:>16,} above it")


if __name__ == "__main__":
    main()
