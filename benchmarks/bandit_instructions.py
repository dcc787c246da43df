"""Instructions, or CPU seconds, of the bandit stage alone (`run_bandit` on every file), as the pipeline calls it.

The bandit stage is a few percent of a cold run, so its changes are lost in a whole run's noise; measured alone
under callgrind its instructions repeat to well under 1 % from run to run, also on a loaded machine. Each file's
text, bytes, words (`SourceUnit.hints`) and `ast` are made before the count starts, as the pipeline has them when
it calls the stage; the count is of `run_bandit` on every STEP-th file, one pass, nothing else. Under callgrind, with
instrumentation off at the start (the imports, the reading and the parsing are not counted):

    nice valgrind --tool=callgrind --instr-atstart=no python benchmarks/bandit_instructions.py [PATH] [STEP]

Without valgrind (`--cpu`, anywhere among the arguments) it prints the minimum `process_time` of five passes
instead, each on freshly parsed trees (bandit caches line ranges on the nodes). PATH defaults to Django 5.2's
`django/` (also as `""`), STEP to 1: every file, some 40 s under callgrind. Compare two branches by running it
in each one's venv. Not a test.
"""

from __future__ import annotations

import ast
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from speed import django_package  # noqa: E402 -- the benchmark folder is not a package
from walk_instructions import _control, _dumped_totals  # noqa: E402

from vibecheck.discovery import discover  # noqa: E402
from vibecheck.integrations.bandit import BanditOptions, run_bandit  # noqa: E402
from vibecheck.source import SourceUnit  # noqa: E402

CPU_PASSES = 5


def _units(target: Path, step: int) -> list[SourceUnit]:
    units = []
    for source_file in list(discover([str(target)], target.parent))[::step]:
        unit = SourceUnit(source_file.path, Path(source_file.path).read_bytes(), False)
        if unit.text is not None and unit.python_ast() is not None:
            unit.hints()
            units.append(unit)
    return units


def _one_pass(units: list[SourceUnit], trees: list[ast.Module]) -> tuple[int, int]:
    """(findings, engine errors) of `run_bandit` on each unit with its tree."""
    options = BanditOptions()
    findings = errors = 0
    for unit, tree in zip(units, trees, strict=True):
        found, failed = run_bandit(unit.path, unit.text or "", options, is_test_file=unit.is_test_file, tree=tree,
                                   data=unit.data, hints=unit.hints())
        findings += len(found)
        errors += len(failed)
    return findings, errors


def main() -> None:
    cpu = "--cpu" in sys.argv
    arguments = [argument for argument in sys.argv[1:] if argument != "--cpu"]
    target = Path(arguments[0]) if arguments and arguments[0] else django_package()
    step = int(arguments[1]) if len(arguments) > 1 else 1
    units = _units(target, step)
    _one_pass(units[:20], [ast.parse(unit.text or "") for unit in units[:20]])  # the warm-up: bandit's tables
    if cpu:
        times = []
        for _ in range(CPU_PASSES):
            trees = [ast.parse(unit.text or "") for unit in units]
            gc.collect()
            start = time.process_time()
            counts = _one_pass(units, trees)
            times.append(time.process_time() - start)
        print(f"{len(units)} files, {counts[0]} findings, {counts[1]} errors")
        print(f"  run_bandit CPU s: min {min(times):.3f}; all {' '.join(f'{t:.3f}' for t in times)}")
        return
    trees = [ast.parse(unit.text or "") for unit in units]
    gc.collect()
    _control("--zero")
    _control("--instr=on")
    counts = _one_pass(units, trees)
    _control("--instr=off")
    _control("--dump=bandit")
    print(f"{len(units)} files, {counts[0]} findings, {counts[1]} errors")
    print(f"  run_bandit {_dumped_totals()['bandit']:,} instructions")


if __name__ == "__main__":
    main()
