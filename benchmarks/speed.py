"""Wall time of `vibecheck` (2 jobs) next to `bandit -r` and a bare libcst parse, on Django 5.2's `django/` package.

Usage: python benchmarks/speed.py [PATH]   (default: the Django 5.2 sdist, fetched with `pip download` into /tmp)
Prints wall and CPU seconds and their ratios; not part of the test run. On a busy machine trust the CPU
seconds more than the wall times.
"""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import libcst as cst

WORK = Path(os.environ.get("VIBECHECK_BENCH_DIR", Path(tempfile.gettempdir()) / "vibecheck-bench"))
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


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (all processes) of one command."""
    cpu = children_cpu()
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 1):
        raise SystemExit(f"{command[:3]} failed ({completed.returncode}): {completed.stderr[-2000:]}")
    return elapsed, children_cpu() - cpu


def parse_all(files: list[Path]) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        with contextlib.suppress(cst.ParserSyntaxError):
            cst.parse_module(path.read_bytes())
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else django_package()
    files = sorted(target.rglob("*.py"))
    lines = sum(p.read_bytes().count(b"\n") for p in files)
    print(f"target: {target} ({len(files)} files, {lines:,} lines); {os.cpu_count()} CPUs")
    vibecheck = timed([sys.executable, "-m", "vibecheck", "--jobs", "2", "--quiet", "--exit-zero", "--format", "json",
                       str(target)], target.parent)
    vibecheck_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    bandit = timed([sys.executable, "-m", "bandit", "-r", "-q", "-f", "json", str(target)], target.parent)
    parse = parse_all(files)
    print(f"{'':24} {'wall s':>8} {'CPU s':>8}")
    for label, (wall, cpu) in (("vibecheck --jobs 2", vibecheck), ("bandit -r", bandit), ("libcst parse, 1 process", parse)):
        print(f"{label:24} {wall:8.2f} {cpu:8.2f}")
    print(f"largest process: {vibecheck_rss:.0f} MiB")
    print(f"wall ratio vibecheck / bandit       : {vibecheck[0] / bandit[0]:.2f}")
    print(f"wall ratio vibecheck / libcst parse : {vibecheck[0] / parse[0]:.2f}")
    print(f"CPU ratio vibecheck / bandit        : {vibecheck[1] / bandit[1]:.2f}")

if __name__ == "__main__":
    main()
