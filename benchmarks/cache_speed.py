"""Wall time of a cold and a warm (cached) `vibecheck` run next to `bandit -r`, on Django 5.2's `django/` package.

Usage: python benchmarks/cache_speed.py [PATH] [ROUNDS]   (default: the Django 5.2 sdist, as benchmarks/speed.py
fetches it). Run it with `nice` on a shared machine; not part of the test run. Per round, interleaved: cold
(cache removed first), warm (nothing changed), pre-commit-like (10 files touched with a new comment, the
cache warm), and `bandit -r`; it prints medians and the ratios to bandit, and restores the touched files.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import django_package  # noqa: E402 - the benchmarks folder is not a package

CACHE = ".vibecheck_cache"


def timed(command: list[str], cwd: Path, before: Callable[[], None] = lambda: None) -> float:
    before()
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 1):
        raise SystemExit(f"{command[:4]} failed ({completed.returncode}): {completed.stderr[-2000:]}")
    return elapsed


def main() -> None:
    target = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else django_package()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    root = target.parent
    files = sorted(target.rglob("*.py"))
    changed = files[:: max(1, len(files) // 10)][:10]
    originals = {path: path.read_bytes() for path in changed}
    vibecheck = [sys.executable, "-m", "vibecheck", "--quiet", "--exit-zero", "--format", "json", str(target)]
    bandit = [sys.executable, "-m", "bandit", "-r", "-q", "-f", "json", str(target)]

    def cold() -> None:
        shutil.rmtree(root / CACHE, ignore_errors=True)

    def touch(round_number: int) -> Callable[[], None]:
        def edit() -> None:
            for path, data in originals.items():
                path.write_bytes(data + f"# edited in round {round_number}\n".encode())
        return edit

    times: dict[str, list[float]] = {"cold": [], "warm": [], "10 changed": [], "bandit -r": []}
    print(f"target: {target} ({len(files)} files); {rounds} rounds", flush=True)
    try:
        for number in range(rounds):
            times["cold"].append(timed(vibecheck, root, cold))
            times["warm"].append(timed(vibecheck, root))
            times["10 changed"].append(timed(vibecheck, root, touch(number)))
            times["bandit -r"].append(timed(bandit, root))
            print(f"round {number + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in times.items()), flush=True)
    finally:
        for path, data in originals.items():
            path.write_bytes(data)
    medians = {label: statistics.median(values) for label, values in times.items()}
    for label, value in medians.items():
        print(f"{label:12} {value:8.2f} s   {value / medians['bandit -r']:6.3f} x bandit -r")


if __name__ == "__main__":
    main()
