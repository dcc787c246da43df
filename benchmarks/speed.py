"""Wall time of `vibecheck` (2 jobs) next to `bandit -r` and a bare libcst parse, on Django 5.2's `django/` package.

Usage: python benchmarks/speed.py [PATH]   (default: the Django 5.2 sdist, fetched with `pip download` into /tmp)
Prints the three wall times and the ratios; not part of the test run.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import libcst as cst

WORK = Path(os.environ.get("VIBECHECK_BENCH_DIR", "/tmp/vibecheck-bench"))
DJANGO = "django==5.2"


def django_package() -> Path:
    target = WORK / "Django-5.2" / "django"
    if target.is_dir():
        return target
    WORK.mkdir(parents=True, exist_ok=True)
    archives = sorted(WORK.glob("[Dd]jango-5.2.tar.gz"))
    if not archives:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:", DJANGO,
                        "-d", str(WORK)], check=True)
        archives = sorted(WORK.glob("[Dd]jango-5.2.tar.gz"))
    with tarfile.open(archives[0]) as archive:
        archive.extractall(WORK, filter="data")
    return target


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 1):
        raise SystemExit(f"{command[:3]} failed ({completed.returncode}): {completed.stderr[-2000:]}")
    return elapsed, completed.returncode


def parse_all(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        try:
            cst.parse_module(path.read_bytes())
        except cst.ParserSyntaxError:
            pass
    return time.perf_counter() - start


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else django_package()
    files = sorted(target.rglob("*.py"))
    lines = sum(p.read_bytes().count(b"\n") for p in files)
    print(f"target: {target} ({len(files)} files, {lines:,} lines); {os.cpu_count()} CPUs")
    vibecheck, _ = timed([sys.executable, "-m", "vibecheck", "--jobs", "2", "--quiet", "--exit-zero", "--format", "json",
                          str(target)], target.parent)
    vibecheck_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    bandit, _ = timed([sys.executable, "-m", "bandit", "-r", "-q", "-f", "json", str(target)], target.parent)
    parse = parse_all(files)
    print(f"vibecheck --jobs 2 : {vibecheck:7.2f} s wall (largest process so far {vibecheck_rss:.0f} MiB)")
    print(f"bandit -r          : {bandit:7.2f} s wall")
    print(f"libcst parse (1 p) : {parse:7.2f} s wall")
    print(f"ratio vibecheck / bandit       : {vibecheck / bandit:.2f}")
    print(f"ratio vibecheck / libcst parse : {vibecheck / parse:.2f}")


if __name__ == "__main__":
    main()
