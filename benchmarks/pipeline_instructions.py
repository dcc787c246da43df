"""Instructions of the whole per-file pipeline (`Checker.check_path`, bandit included), as a worker runs it.

`walk_instructions.py` counts the rules' walk and `bandit_instructions.py` the bandit stage; what a worker spends
around them (reading, decoding, parsing, building the rules and their dispatch tables, positions, suppressions)
shows only in a count of the whole pipeline. This script checks every STEP-th file once with instrumentation off
(the warm-up: imports, lazy tables and expressions, over the files just after them, so that no per-content memo
is warm for the counted ones, nor a cache keyed by the rules a file's hints let in: Django's 883 files have 504
distinct sets, so a per-set cache mostly misses in a real run, though a warm-up on the counted files would hit it),
then counts one pass over them, with the garbage collector tuned as in a worker (`gc_tuning.tune_gc`):

    nice valgrind --tool=callgrind --instr-atstart=no python benchmarks/pipeline_instructions.py [PATH] [STEP]

PATH defaults to Django 5.2's `django/` (also as `""`), STEP to 12 (74 files, some minutes under callgrind). It prints
the instructions and the findings (which a speed change must keep); compare two branches by running it in each one's
venv. Not a test.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from speed import django_package  # noqa: E402 -- the benchmark folder is not a package
from walk_instructions import _control, _dumped_totals  # noqa: E402

from vibecheck.config import Settings  # noqa: E402
from vibecheck.discovery import discover  # noqa: E402
from vibecheck.gc_tuning import tune_gc  # noqa: E402
from vibecheck.runner import Checker  # noqa: E402


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else django_package()
    step = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    files = list(discover([str(target)], target.parent))
    tune_gc()
    checker = Checker(Settings(root=str(target.parent), isolate=False, jobs=1))
    for source_file in files[1::step]:
        checker.check_path(source_file)
    counted = files[::step]
    _control("--zero")
    _control("--instr=on")
    findings = sum(len(checker.check_path(source_file).findings) for source_file in counted)
    _control("--instr=off")
    _control("--dump=pipeline")
    print(f"{len(counted)} files, {findings} findings")
    print(f"  check_path {_dumped_totals()['pipeline']:,} instructions")


if __name__ == "__main__":
    main()
