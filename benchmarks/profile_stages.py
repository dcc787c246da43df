"""Where one process spends a cold run: cProfile over the per-file pipeline, grouped into stages.

Usage: python benchmarks/profile_stages.py [PATH] [N]   (default: the first 150 files of Django 5.2's `django/`)
Checks N files in this process (no workers, `--jobs 1`), as a worker does, with every default rule and bandit,
and prints the seconds of each stage (cumulative time of the functions that make it) and the share of the
total. Cyclic garbage collection is timed with `gc.callbacks` (cProfile does not see it). Not a test.
"""

from __future__ import annotations

import cProfile
import gc
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from speed import django_package  # noqa: E402 -- the benchmark folder is not a package

from vibecheck.config import Settings  # noqa: E402
from vibecheck.discovery import discover  # noqa: E402
from vibecheck.runner import Checker  # noqa: E402

# (stage, module file suffix, function name): the cumulative time of that function is the stage's.
STAGES = (
    ("libcst parse", "libcst/_parser/entrypoints.py", "parse_module"),
    ("ast parse (shared)", "vibecheck/source.py", "python_ast"),
    ("positions", "vibecheck/engine.py", "_to_findings"),
    ("engine walk + rules", "vibecheck/engine.py", "_walk"),
    ("bandit stage", "vibecheck/integrations/bandit.py", "run_bandit"),
    ("suppression comments", "vibecheck/suppression.py", "parse_suppressions"),
    ("project facts", "vibecheck/facts.py", "leave_Module"),
)


class GcTimer:
    def __init__(self) -> None:
        self.total = 0.0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.total += time.process_time() - self._start


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else django_package()  # "": the default
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    settings = Settings(root=str(target.parent), isolate=False, jobs=1)
    files = list(discover([str(target)], target.parent))[:count]
    checker = Checker(settings)
    gc_timer = GcTimer()
    gc.callbacks.append(gc_timer)
    profile = cProfile.Profile(time.process_time)  # CPU seconds: the machine is shared
    start = time.process_time()
    profile.enable()
    findings = sum(len(checker.check_path(f).findings) for f in files)
    profile.disable()
    total = time.process_time() - start
    gc.callbacks.remove(gc_timer)
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    print(f"{len(files)} files, {findings} findings, {total:.2f} CPU s under cProfile (one process)")
    print(f"{'stage':28} {'seconds':>8} {'share':>6}")
    for label, suffix, function in STAGES:
        seconds = sum(row[3] for (filename, _, name), row in stats.items() if name == function and filename.endswith(suffix))
        print(f"{label:28} {seconds:8.2f} {seconds / total:6.1%}")
    print(f"{'cyclic gc (gc.callbacks)':28} {gc_timer.total:8.2f} {gc_timer.total / total:6.1%}")
    by_module: dict[str, float] = {}
    for (filename, _, _), row in stats.items():
        if "/vibecheck/rules/" in filename or "/vibecheck/analysis/" in filename:
            module = filename.split("/vibecheck/", 1)[1]
            by_module[module] = by_module.get(module, 0.0) + row[2]
    print("own time of the busiest rule and analysis modules:")
    for module, seconds in sorted(by_module.items(), key=lambda item: -item[1])[:8]:
        print(f"  {module:50} {seconds:6.2f} {seconds / total:6.1%}")
    calls = sum(row[1] for (filename, _, name), row in stats.items() if name == "__instancecheck__")
    print(f"ABC __instancecheck__ calls: {calls:,}")


if __name__ == "__main__":
    main()
