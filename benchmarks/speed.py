"""What vibecheck costs next to `bandit -r` and a bare libcst parse, on Django 5.2's `django/` package: cold,
warm (nothing changed), the pre-commit case (10 changed files: in the folder's run, and named as pre-commit names
them), `vibecheck hook` on one edited file, and the folder's pre-commit case, warm and the hook again through a
resident server (`vibecheck server start`).

Usage: python benchmarks/speed.py [--rounds N] [PATH]
(default PATH: the Django 5.2 sdist, fetched with `pip download` into /tmp; default 3 rounds)

Every case is a command run as a subprocess; the cases run interleaved, round after round, so that a busy
machine (2 cores shared with other work) slows them alike, and the medians are printed with their ratios.
Measured per run:
- wall seconds; CPU seconds of the command and every process it waited for (`os.wait4`'s rusage);
- peak memory of the whole process tree, polled from /proc every 20 ms: the sum of RSS (pages shared by
  forked workers count once per process, so it overstates) and the sum of PSS (shared pages split between
  the processes that map them: the honest total); a spike shorter than the polling interval can be missed;
- the largest single process's peak RSS (`ru_maxrss` from `os.wait4`, exact but per process, not a sum).
A server case's CPU and memory are the command's own process only (the server's child that runs it is the
server's, not the command's); its wall time is the whole. Every other case runs with `VIBECHECK_NO_SERVER`; the
server is stopped at the end.
Python runs as an installed package runs, writing its bytecode (`PYTHONDONTWRITEBYTECODE` is dropped from the
cases' environment, and one untimed run of each tool compiles it first), so no case pays for compiling modules.
Not part of the test run. To add a case, append a `Case` to `CASES` (with `prepare` for setup that must not
be timed, e.g. a warm cache) and, if it has a target, a line to `RATIOS` or `SECONDS`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

WORK = Path(os.environ.get("VIBECHECK_BENCH_DIR", Path(tempfile.gettempdir()) / "vibecheck-bench"))
DJANGO = "django==5.2"
POLL_SECONDS = 0.02
PAGE = os.sysconf("SC_PAGE_SIZE")
PYTHON = sys.executable
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
ALONE_ENV = {**ENV, "VIBECHECK_NO_SERVER": "1"}  # the cases that measure a command run on its own

# A bare libcst parse of every file, in one process: the floor of any libcst-based checker.
PARSE_ALL = """
import sys, pathlib, libcst
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.py")):
    try:
        libcst.parse_module(path.read_bytes())
    except libcst.ParserSyntaxError:
        pass
"""
# vibecheck's engine with no rule and no fact collector, in one process: decoding, the parse and the engine's own
# walk of every node, the floor vibecheck's per-file work is measured against (its overhead over them).
PARSE_AND_WALK = """
import sys, pathlib
from vibecheck.engine import check_unit
from vibecheck.source import SourceUnit
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.py")):
    check_unit(SourceUnit(str(path), path.read_bytes()), [], collect_facts=False)
"""


@dataclass(frozen=True)
class Case:
    """One command to time; `prepare` runs before each timed run, untimed (e.g. to warm a cache)."""

    name: str
    command: Callable[[Path], list[str]]
    prepare: Callable[[Path], None] | None = None
    stdin: Callable[[Path], bytes] | None = None  # what the command reads on stdin (a hook's payload)
    exit_codes: tuple[int, ...] = (0, 1)  # the exits that mean it ran (`vibecheck hook` exits 2 on findings)
    served: bool = False  # run by a resident server (started, untimed, before the first run)


def vibecheck(*options: str) -> Callable[[Path], list[str]]:
    return lambda target: [PYTHON, "-m", "vibecheck", *options, "--quiet", "--exit-zero", "--format", "json", str(target)]


EDIT_MARK = b"# vibecheck benchmark edit "


def warm_cache(target: Path) -> None:
    """Bring the result cache (at the folder the cases run in) up to date, untimed: a cache left by another version
    of vibecheck, or by the previous case's edits, is refilled here rather than in the timed run."""
    subprocess.run(vibecheck()(target), cwd=target.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   env=ALONE_ENV)


def edit(path: Path, *, new_function: bool = False) -> None:
    """Change a file as an edit does, with a new last comment line (replacing the previous such edit); with
    `new_function`, also a new function after it, which changes what the project rules read of the file (an edit
    of a comment alone leaves their phase cached)."""
    data = path.read_bytes()
    kept = data[: data.index(EDIT_MARK)] if EDIT_MARK in data else data
    stamp = str(time.time_ns()).encode()
    added = b"def edited_%s(value):\n    return value\n" % stamp if new_function else b""
    path.write_bytes(kept + EDIT_MARK + stamp + b"\n" + added)


def ten_files(target: Path) -> list[Path]:
    """10 files spread over the tree: the ones the pre-commit case changes."""
    files = sorted(target.rglob("*.py"))
    return files[:: max(1, len(files) // 10)][:10]


def edit_ten_files(target: Path) -> None:
    """The pre-commit case: a warm cache, then 10 files spread over the tree changed."""
    warm_cache(target)
    for path in ten_files(target):
        edit(path)


def staged_files(target: Path) -> list[str]:
    """The command pre-commit runs (`.pre-commit-hooks.yaml`): vibecheck on the changed files it names."""
    return [PYTHON, "-m", "vibecheck", "--force-exclude", "--quiet", "--exit-zero", "--format", "json",
            *map(str, ten_files(target))]


def stage_ten_files(target: Path) -> None:
    """`edit_ten_files` for the named files' run: the previous commit's run went first, as it does in a repository
    where the hook runs at every commit. (Named files make the project rules index the rest of the project, the sdist's
    tests too; the first such run reads them all, a one-time cost this case does not measure.)"""
    warm_cache(target)
    subprocess.run(staged_files(target), cwd=target.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=ALONE_ENV, check=False)
    for path in ten_files(target):
        edit(path)


HOOK_FILE = "utils/text.py"  # a mid-sized module of the package, as an agent's edit would touch


def edit_hook_file(target: Path) -> None:
    """The agent's loop: a warm cache, the hook run after the previous edit, then the one file it is told about changed.
    (The first hook run after a whole-project run alone also indexes the project for the hook's own project phase:
    a one-time cost, not the per-edit one this case measures.) The first edit drops what an earlier case added to the
    file (a function), so that the warm-up sees the file as the timed edit leaves it, but for the comment."""
    edit(target / HOOK_FILE)
    warm_cache(target)
    subprocess.run([PYTHON, "-m", "vibecheck", "hook"], input=hook_payload(target), cwd=target.parent,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ALONE_ENV, check=False)
    edit(target / HOOK_FILE)


def add_hook_function(target: Path) -> None:
    """`edit_hook_file`, with an edit that adds a function: the project phase's key changes, and the phase is judged
    from what the hook run before kept (`vibecheck.project_delta`: a function nobody names is reached by no test)."""
    edit_hook_file(target)
    edit(target / HOOK_FILE, new_function=True)


def hook_payload(target: Path) -> bytes:
    """Claude Code's PostToolUse payload for a write of HOOK_FILE."""
    path = target / HOOK_FILE
    return json.dumps({"hook_event_name": "PostToolUse", "tool_name": "Write", "cwd": str(target.parent),
                       "tool_input": {"file_path": str(path), "content": path.read_text(encoding="utf-8")}}).encode()


CASES: list[Case] = [
    Case("vibecheck cold", vibecheck("--no-cache")),
    Case("vibecheck warm", vibecheck(), prepare=warm_cache),
    Case("vibecheck 10 changed", vibecheck(), prepare=edit_ten_files),
    Case("vibecheck 10 staged (named)", staged_files, prepare=stage_ten_files),
    Case("vibecheck hook (1 file)", lambda target: [PYTHON, "-m", "vibecheck", "hook"], prepare=edit_hook_file,
         stdin=hook_payload, exit_codes=(0, 2)),
    Case("vibecheck hook (new function)", lambda target: [PYTHON, "-m", "vibecheck", "hook"], prepare=add_hook_function,
         stdin=hook_payload, exit_codes=(0, 2)),
    Case("vibecheck warm (server)", vibecheck(), prepare=warm_cache, served=True),
    Case("vibecheck 10 changed (server)", vibecheck(), prepare=edit_ten_files, served=True),
    Case("vibecheck hook (server)", lambda target: [PYTHON, "-m", "vibecheck", "hook"], prepare=edit_hook_file,
         stdin=hook_payload, exit_codes=(0, 2), served=True),
    Case("vibecheck hook (new function) (server)", lambda target: [PYTHON, "-m", "vibecheck", "hook"],
         prepare=add_hook_function, stdin=hook_payload, exit_codes=(0, 2), served=True),
    Case("vibecheck --no-bandit", vibecheck("--no-cache", "--no-bandit")),
    Case("vibecheck --jobs 1", vibecheck("--no-cache", "--jobs", "1")),
    Case("bandit -r", lambda target: [PYTHON, "-m", "bandit", "-r", "-q", "-f", "json", str(target)]),
    Case("libcst parse (1 process)", lambda target: [PYTHON, "-c", PARSE_ALL, str(target)]),
    Case("parse + bare walk (1 process)", lambda target: [PYTHON, "-c", PARSE_AND_WALK, str(target)]),
]
# (label, case, reference case, target ratio or None): printed as median wall(case) / median wall(reference).
RATIOS: list[tuple[str, str, str, float | None]] = [
    ("cold / bandit -r (wall)", "vibecheck cold", "bandit -r", 1.5),
    ("warm, nothing changed / bandit -r (wall)", "vibecheck warm", "bandit -r", 0.05),
    ("warm, resident server / bandit -r (wall)", "vibecheck warm (server)", "bandit -r", 0.05),
    ("--no-bandit / bandit -r (wall)", "vibecheck --no-bandit", "bandit -r", None),
    ("--jobs 1 / libcst parse (wall, 1 process each)", "vibecheck --jobs 1", "libcst parse (1 process)", None),
    ("--jobs 1 / parse + bare walk (overhead, 1 process)", "vibecheck --jobs 1", "parse + bare walk (1 process)", 1.3),
]
# (label, case, target wall seconds): absolute targets, printed with the case's median wall.
SECONDS: list[tuple[str, str, float]] = [
    ("pre-commit case, 10 changed files (wall s)", "vibecheck 10 changed", 1.0),
    # as pre-commit runs it: the changed files named on the command line (the case above checks the folder)
    ("pre-commit case, the 10 files named (wall s)", "vibecheck 10 staged (named)", 1.0),
    ("vibecheck hook on one file, VIBECHECK_NO_SERVER (wall s)", "vibecheck hook (1 file)", 0.5),
    ("pre-commit case, resident server (wall s)", "vibecheck 10 changed (server)", 1.0),
    # as an agent's hooks run by default: the first hook of a session starts the server (`vibecheck.entry`)
    ("vibecheck hook on one file, as run (server) (wall s)", "vibecheck hook (server)", 0.5),
    # an edit that adds a function: the project phase is judged again (the cases above edit a comment, which keeps it
    # cached)
    ("hook, edit adding a function, VIBECHECK_NO_SERVER (wall s)", "vibecheck hook (new function)", 0.5),
    ("hook, edit adding a function, as run (server) (wall s)", "vibecheck hook (new function) (server)", 0.5),
]
PSS_TARGET_MIB = 300  # peak PSS of the process tree, for every vibecheck case


@dataclass
class Run:
    wall: float
    cpu: float
    tree_rss: float  # MiB
    tree_pss: float  # MiB
    largest_rss: float  # MiB


@dataclass
class Results:
    runs: dict[str, list[Run]] = field(default_factory=dict)

    def median(self, case: str, attribute: str) -> float:
        return statistics.median(getattr(run, attribute) for run in self.runs[case])

    def peak(self, case: str, attribute: str) -> float:
        return max(getattr(run, attribute) for run in self.runs[case])


def django_package() -> Path:
    target = WORK / "Django-5.2" / "django"
    if target.is_dir():
        return target
    WORK.mkdir(parents=True, exist_ok=True)
    archives = sorted(WORK.glob("[Dd]jango-5.2.tar.gz"))
    if not archives:
        subprocess.run([PYTHON, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:", DJANGO,
                        "-d", str(WORK)], check=True)
        archives = sorted(WORK.glob("[Dd]jango-5.2.tar.gz"))
    with tarfile.open(archives[0]) as archive:
        archive.extractall(WORK, filter="data")
    return target


def _descendants(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending.extend(int(child) for child in children.read().split())
        except OSError:
            continue
    return found


def _tree_memory(pid: int) -> tuple[int, int]:
    """(sum of RSS, sum of PSS) in bytes of `pid` and its descendants right now."""
    rss = pss = 0
    for member in _descendants(pid):
        try:
            with open(f"/proc/{member}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
        except (OSError, ValueError):
            continue
    return rss, pss


def measure(command: list[str], cwd: Path, stdin: bytes | None = None, exit_codes: tuple[int, ...] = (0, 1),
            env: dict[str, str] = ALONE_ENV) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                               stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE)
    if process.stdin is not None:
        process.stdin.write(stdin or b"")  # a hook payload: far below a pipe's buffer
        process.stdin.close()
    peaks = [0, 0]
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            rss, pss = _tree_memory(process.pid)
            peaks[0], peaks[1] = max(peaks[0], rss), max(peaks[1], pss)
            done.wait(POLL_SECONDS)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    # until the command closes it (its workers may keep it open a little longer)
    stderr = process.stderr.read() if process.stderr is not None else b""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    done.set()
    poller.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in exit_codes:
        raise SystemExit(f"{command[:4]} failed ({process.returncode}): {stderr.decode(errors='replace')[-2000:]}")
    mib = 1024 * 1024
    return Run(elapsed, usage.ru_utime + usage.ru_stime, peaks[0] / mib, peaks[1] / mib, usage.ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cases", help="comma-separated case names to run (default: all)")
    args = parser.parse_args()
    target = args.path or django_package()
    files = sorted(target.rglob("*.py"))
    lines = sum(p.read_bytes().count(b"\n") for p in files)
    chosen = [c for c in CASES if not args.cases or c.name in args.cases.split(",")]
    print(f"target: {target} ({len(files)} files, {lines:,} lines); {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; "
          f"{args.rounds} interleaved rounds")
    for compile_first in (vibecheck("--no-cache")(files[0]), [PYTHON, "-m", "bandit", "-q", "--exit-zero", str(files[0])]):
        subprocess.run(compile_first, cwd=target.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ALONE_ENV,
                       check=True)
    if any(case.served for case in chosen):
        subprocess.run([PYTHON, "-m", "vibecheck", "server", "start"], env=ENV, check=True)
    try:
        results = run_rounds(chosen, target, args.rounds)
    finally:
        subprocess.run([PYTHON, "-m", "vibecheck", "server", "stop"], env=ENV, stderr=subprocess.DEVNULL, check=False)
    report(chosen, results, args.rounds)


def run_rounds(chosen: list[Case], target: Path, rounds: int) -> Results:
    results = Results()
    for round_number in range(rounds):
        for case in chosen:
            if case.prepare is not None:
                case.prepare(target)
            payload = case.stdin(target) if case.stdin is not None else None
            run = measure(case.command(target), target.parent, payload, case.exit_codes, ENV if case.served else ALONE_ENV)
            results.runs.setdefault(case.name, []).append(run)
            print(f"  round {round_number + 1}: {case.name:28} {run.wall:7.2f} s wall {run.cpu:7.2f} s CPU "
                  f"{run.tree_pss:6.0f} MiB tree PSS", flush=True)
    return results


def report(chosen: list[Case], results: Results, rounds: int) -> None:
    print(f"\n{'median of ' + str(rounds):28} {'wall s':>8} {'CPU s':>8} {'tree RSS':>9} {'tree PSS':>9} {'largest':>8}"
          "   (MiB: peak over the rounds)")
    for case in chosen:
        name = case.name
        print(f"{name:28} {results.median(name, 'wall'):8.2f} {results.median(name, 'cpu'):8.2f} "
              f"{results.peak(name, 'tree_rss'):9.0f} {results.peak(name, 'tree_pss'):9.0f} "
              f"{results.peak(name, 'largest_rss'):8.0f}")
    print()
    for label, case_name, reference, target_ratio in RATIOS:
        if case_name in results.runs and reference in results.runs:
            ratio = results.median(case_name, "wall") / results.median(reference, "wall")
            cpu_ratio = results.median(case_name, "cpu") / results.median(reference, "cpu")
            goal = f"   (target <= {target_ratio:g})" if target_ratio is not None else ""
            print(f"{label:48} {ratio:5.2f}   CPU {cpu_ratio:5.2f}{goal}")
    for label, case_name, seconds in SECONDS:
        if case_name in results.runs:
            print(f"{label:48} {results.median(case_name, 'wall'):5.2f}   (target < {seconds:g})")
    measured = [case.name for case in chosen if case.name.startswith("vibecheck") and not case.served]
    if measured:
        peak = max(results.peak(name, "tree_pss") for name in measured)
        print(f"{'peak PSS of a vibecheck process tree (MiB)':48} {peak:5.0f}   (target <= {PSS_TARGET_MIB})")


if __name__ == "__main__":
    main()
