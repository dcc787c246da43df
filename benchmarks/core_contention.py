"""How much a process's CPU seconds grow when both cores are busy: the machine's share of what two workers cost over one.

A cold run with two workers spends more CPU seconds than `--jobs 1` doing the same work. Part of that is the run's
own (forks, the phase's forked copy, pickling) and part is the machine: two busy cores share the last-level cache,
the memory bus and, on a VM, perhaps one physical core (hyperthreads), and a core may run slower while its sibling
is busy, so the same instructions take more CPU time. This measures that part with no vibecheck code: the same
work done by one process (twice over) and by two processes at once (once each), forked from one parent, CPU from
`os.wait4`. Two workloads: a small pure-Python loop (the interpreter, little memory) and a libcst parse and visit of
files (a worker's kind of heap: many small objects, much memory traffic).

Usage: nice python benchmarks/core_contention.py [--rounds N] [PATH]
(default PATH: Django 5.2's `django/db`, as speed.py lays it out). Run it on a quiet machine: the 1-minute load
average is printed with every round, and with other work on the second core the one-process case is not alone,
so the ratio comes out near 1 whatever the machine does.
What it showed (2 vCPUs, AMD EPYC, load 0.4-1.7): the loop 1.01-1.03; under load 3-5 a loop over 200,000-tuple lists
1.00-1.03; under load 23-25 the libcst workload 0.94-1.07 (noise: the second core is busy either way).
Not part of the test run.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from speed import django_package  # noqa: E402 -- the benchmark folder is not a package

FILES = 60  # files of the libcst workload: ~1.5 CPU s a pass
LOOP = 6_000_000  # iterations of the loop workload: ~0.55 CPU s a pass


def loop_work(passes: int) -> None:
    table: dict[int, list[int]] = {}
    total = 0
    for i in range(LOOP * passes):
        total += i * i % 7
        table[i & 1023] = [i, total]


def libcst_work(files: list[Path]) -> Callable[[int], None]:
    import libcst  # loaded before the forks, as a run's parent loads the checker before forking its workers

    def work(passes: int) -> None:
        for _ in range(passes):
            for path in files:
                with contextlib.suppress(libcst.ParserSyntaxError):
                    libcst.parse_module(path.read_bytes()).visit(libcst.CSTVisitor())
    return work


def timed(work: Callable[[int], None], processes: int, passes: int) -> tuple[float, float]:
    """Wall and CPU seconds of `processes` children forked at once, each doing `passes` of `work`."""
    started = time.perf_counter()
    children = []
    for _ in range(processes):
        pid = os.fork()
        if pid == 0:
            try:
                work(passes)
            finally:
                os._exit(0)
        children.append(pid)
    cpu = 0.0
    for pid in children:
        _, _, usage = os.wait4(pid, 0)
        cpu += usage.ru_utime + usage.ru_stime
    return time.perf_counter() - started, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("path", nargs="?", type=Path)
    arguments = parser.parse_args()
    folder = arguments.path or django_package() / "db"
    workloads = {"loop": loop_work, "libcst": libcst_work(sorted(folder.rglob("*.py"))[:FILES])}
    for round_number in range(1, arguments.rounds + 1):
        for name, work in workloads.items():
            load = os.getloadavg()[0]
            one_wall, one_cpu = timed(work, 1, 2)
            two_wall, two_cpu = timed(work, 2, 1)
            print(f"round {round_number} {name:6} load {load:5.2f}: one process {one_cpu:6.2f} CPU s ({one_wall:6.2f} wall), "
                  f"two at once {two_cpu:6.2f} CPU s ({two_wall:6.2f} wall): x{two_cpu / one_cpu:.3f}", flush=True)


if __name__ == "__main__":
    main()
