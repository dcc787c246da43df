"""What the inter-procedural summaries (issue 14) cost per file, as a ratio to libcst's parse of the same files.

Checks the files in this process with only the flow rules that write summaries (VC401, VC402, VC405, VC409,
VC411-VC413, VC416, VC419, VC421, VC422), once as they run and once with their summaries switched off (each
rule's `summarises` set to False: no parameter seeds, no call or return records), and prints the CPU seconds
of the parse alone, of the engine with no rule, of the flow rules with and without summaries, and the
difference as a ratio to the parse. Not a test; run it with `nice` on a quiet machine.

    nice python benchmarks/summary_cost.py [PATH] [N]   (default: Django 5.2's `django/`, every file)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import libcst as cst

sys.path.insert(0, str(Path(__file__).parent))

from speed import django_package  # noqa: E402 -- the benchmark folder is not a package

from vibecheck.analysis.flow import FlowRule  # noqa: E402
from vibecheck.engine import check_file  # noqa: E402
from vibecheck.registry import load_registry  # noqa: E402


def cpu(work: object) -> float:
    start = time.process_time()
    work()  # type: ignore[operator]
    return time.process_time() - start


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else django_package()  # "": the default
    files = sorted(target.rglob("*.py"))
    if len(sys.argv) > 2:
        files = files[: int(sys.argv[2])]
    sources = [(str(path), path.read_bytes()) for path in files]
    rules = [r for r in load_registry().file_rules if issubclass(r, FlowRule) and r.summarises]

    def parse() -> None:
        for _, data in sources:
            cst.parse_module(data.decode("utf-8", "replace"))

    def run(selected: list[type]) -> None:
        for path, data in sources:
            check_file(path, data, [(rule, None) for rule in selected], collect_facts=False)

    parse_seconds = cpu(parse)
    engine = cpu(lambda: run([]))
    with_summaries = cpu(lambda: run(rules))
    for rule in rules:
        rule.summarises = False  # type: ignore[misc]
    try:
        without = cpu(lambda: run(rules))
    finally:
        for rule in rules:
            rule.summarises = True  # type: ignore[misc]
    cost = with_summaries - without
    print(f"{len(sources)} files under {target}; summarising rules: {' '.join(r.code for r in rules)}")
    print(f"libcst parse alone              {parse_seconds:7.2f} CPU s")
    print(f"engine walk, no rule            {engine:7.2f} CPU s")
    print(f"flow rules, with summaries      {with_summaries - engine:7.2f} CPU s")
    print(f"flow rules, summaries off       {without - engine:7.2f} CPU s")
    print(f"summaries                       {cost:7.2f} CPU s = {cost / parse_seconds:.2f}x the parse "
          f"({1000 * cost / len(sources):.1f} ms per file)")


if __name__ == "__main__":
    main()
