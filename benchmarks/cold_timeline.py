"""Where a cold run's wall time goes beyond its CPU over two cores: a timeline of one run, per process.

Usage: python benchmarks/cold_timeline.py [--runs N] [--nice] [--python PY [--python PY2]] [--account [--set M.N=V]] [PATH]
       [-- vibecheck options]
(default PATH: Django 5.2's `django/` under $VIBECHECK_BENCH_DIR, as `benchmarks/speed.py` lays it out; the options
default to the cold case's `--no-cache --quiet --exit-zero --format json`)

The run is the command line as speed.py runs it, in a subprocess, with marks added (by wrapping a few functions)
at: the command line's start, discovery, the checker's load, each worker's fork, each task a worker runs (its
file and size, its wall and CPU seconds), each result the parent receives, the project phase and its rules, the
report. Each mark holds the process's monotonic clock, its CPU clock, and the time its main thread waited on a run
queue for a CPU (`/proc/self/schedstat`): that part is the machine's load, not the run's, so the summary splits
every process's wall time into CPU, waiting for a CPU (load) and sleeping (waiting on another process: the run's
own loss). With `--nice`, the run gets a session of its own whose scheduling group is niced to -20 (root), so that
up to a dozen other busy processes barely slow it.

Printed: the parent's milestones, each worker's first start and last end, its CPU, run-queue wait and sleep, the
tail (one worker idle while the other finishes), and `lost = wall - CPU/2` with its parts; with two interpreters (an
A/B: main's venv and a branch's), their runs interleaved and each one's medians and bests. Not part of the test run.

What it showed on Django 5.2's `django/` (2 cores, load 15-35, `--nice`): wall 17-24 s, lost 1.4-2.0 s, of which
start-up 0.17-0.27 s (0.33-0.53 s on one core: interpreter, the imports the forked workers share, discovery), a tail
under 0.01 s (the 1,935 indexed test files, in shrinking batches after the checked files, even the workers out),
0.8-1.3 s while both workers run (it follows the run-queue waits of 2.5-3.8 s: the load's share, not the run's; the
workers' CPU between tasks is 0.35 s in all), and 0.3-0.5 s after the last task (the project phase, 0.7-0.9 s wall,
is the verification rules' shared index in this process, while the forked copy ends the other rules in 0.2 s). A
worker's blocked sends (0.07-0.16 s) are the parent's wake-up preempting it, not a full socket: a 4 MiB send
buffer changed nothing (django/db, 2 interleaved pairs).
With VC301's referenced definitions computed in the forked copy of the phase (`ProjectRule.forked_ahead`), 10
interleaved pairs at load 27-38 (`--nice`): lost after the last task 0.41 -> 0.30 s median in the first 5 and
0.34 -> 0.23 s in the next 5 (its wall 0.97 -> 1.00 and 0.82 -> 0.76 s; the reach rule's time in this process
0.73 -> 0.50 and 0.70 -> 0.41 s), the copy now computing for a third of a second what it idled through.

With `--account`, the run is marked otherwise (`ACCOUNT`): every process splits its CPU clock between labelled stages
(the interpreter's start-up, imports, discovery, each per-file stage, pickling and the pipes, gc by the stage it
interrupts, each project rule, the report), each moment to the innermost label, so the stages sum to the process's CPU;
a worker appends its account after each task (a worker replaced for its growth is killed), and the table sets their
sum beside the rusage of the run's processes (what is left: exits, a killed worker's unfinished task). `--set
MODULE.NAME=JSON` sets a module's constant once imported, to try a change without editing it. The wrappers cost about
2 us a call (in the labels that call them) and the appends about 0.4 s, shown as their own row.
What it showed on Django 5.2's `django/`, `--jobs 1`, load 10-20 (CPU 49 s there, 31 s on a quiet machine): the walk
with the rules 55 %, libcst's parse 16 %, `ast` parses 7 % (half of them the 1,945 test files indexed for VC301),
reading those test files' references 3.6 %, bandit 3.2 %, the rules' construction (file hints included) and the fact
collectors 2.1 % each, gc 1.2 %, VC301 in the phase 1.4 %, positions, dispatch tables, reads, chain screen, pickling
and unpickling 0.4-0.6 % each; imports 0.3 s, discovery 0.09 s, the report 0.04 s. Replacing workers for their growth
(`RECYCLE_GROWTH`: two per run) costs their forks and one file checked twice, not a cold cache: 150 files after 300
others in a fork cost what they cost in a fresh fork (3 interleaved pairs, within noise). The parent's CPU while the
workers run (0.6 s) went to unpickling (0.15 s), gc (0.1 s) and, per result, multiprocessing's `wait`, a second poll
and a buffered read of /proc statm (0.2 s): one `select.poll` and `os.read` made that 0.13 s. The timeline then
(`--nice`, load 17): wall 20.25 s, lost 1.80 s: start-up 0.27 (this process alone for 0.45 s: interpreter and
imports 0.16, command line, config and registry 0.11, the discovery walk 0.14, the forks 0.04), both busy 1.26 (run-
queue waits 3.4 s in all: the load; the workers slept 0.3 s between tasks), the tail 0.004, after the last task 0.27
(this process's VC301, 0.56 s, against the copy's 0.16 s of other rules).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from speed import django_package  # noqa: E402 -- the benchmark folder is not a package

COLD = ["--no-cache", "--quiet", "--exit-zero", "--format", "json"]

# Runs in the measured process: marks at the points named in the docstring, then the command line as usual.
LAUNCH = r'''
import os, sys, time
OUT = os.open(sys.argv.pop(1), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

def mark(label, extra=""):
    with open("/proc/thread-self/schedstat", "rb") as stat:
        queued = int(stat.read().split()[1])
    os.write(OUT, f"{os.getpid()}\t{time.monotonic():.6f}\t{time.process_time():.6f}\t{queued / 1e9:.6f}\t{label}\t{extra}\n"
             .encode())

mark("interpreter up")
if sys.path and os.path.realpath(sys.path[0] or ".") == os.path.realpath("."):
    del sys.path[0]
import functools

def wrap(owner, name, label, extra=lambda *a, **k: ""):
    original = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        mark(label + " begin", extra(*args, **kwargs))
        try:
            return original(*args, **kwargs)
        finally:
            mark(label + " end")
    setattr(owner, name, wrapper)

def task_name(check, task, *rest):
    tasks = getattr(task, "tasks", (task,))
    size = 0
    for one in tasks:
        try:
            size += os.path.getsize(getattr(one, "path", ""))
        except OSError:
            pass
    return f"{type(task).__name__}\t{len(tasks)}\t{size}\t{task.display}"

from vibecheck import workers, runner, api, pipeline, project_rules_forked, project, cli, discovery
wrap(workers, "_run", "task", task_name)
wrap(workers, "_loop", "worker loop")
wrap(workers.WorkerPool, "_start", "fork worker")
wrap(workers.WorkerPool, "_start_sibling", "fork sibling")
wrap(workers.WorkerPool, "_collect", "wait for results")
wrap(pipeline.Pipeline, "load", "checker load")
wrap(runner, "_project_phase", "project phase")
wrap(runner, "collect", "collect")
wrap(runner, "plan_index", "plan index")
wrap(api, "discover", "discover")
wrap(project_rules_forked, "run_project_rules", "project rule",
     lambda p, rules, parts: rules[0][0].__name__ if len(rules) == 1 else "")
wrap(runner, "conditional_findings", "conditional findings")
wrap(project_rules_forked, "run_each_rule", "project rules")
wrap(runner, "split_projects", "split projects")
wrap(cli, "_emit", "report")
wrap(cli, "filtered_report", "filtered report")
import atexit
atexit.register(mark, "exit handlers")
mark("imports done")
from vibecheck.entry import main
main()
'''


# Runs in the measured process for `--account`: each process's CPU seconds, split exclusively between labelled stages.
ACCOUNT = r'''
import gc, inspect, json, os, sys, time
OUT = sys.argv.pop(1)
if sys.path and os.path.realpath(sys.path[0] or ".") == os.path.realpath("."):
    del sys.path[0]
clock = time.process_time
spent, calls = {"interpreter start-up": clock()}, {}
stack, last = ["unlabelled"], clock()

def enter(label):
    global last
    now = clock()
    spent[stack[-1]] = spent.get(stack[-1], 0.0) + now - last
    last = now
    stack.append(label)
    calls[label] = calls.get(label, 0) + 1

def leave():
    global last
    now = clock()
    spent[stack[-1]] = spent.get(stack[-1], 0.0) + now - last
    last = now
    if len(stack) > 1:
        stack.pop()

def flush(how):
    """Append this process's account so far (the summary keeps each process's last: a worker replaced for its growth
    is killed, and loses only what it did since its last task)."""
    enter("accounting (its own writes)")
    line = json.dumps({"pid": os.getpid(), "how": how, "total": clock(), "spent": spent, "calls": calls})
    with open(OUT, "a") as out:
        out.write(line + "\n")
    leave()

def flushed(function):
    def run(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        finally:
            flush("task")
    return run

def forked():
    global last
    spent.clear(), calls.clear()
    spent["fork (before the first mark)"] = clock()
    last = clock()
    stack.append("worker: between stages")

os.register_at_fork(after_in_child=forked)
real_exit = os._exit
def quick_exit(code):
    flush("os._exit")
    real_exit(code)
os._exit = quick_exit
import atexit
atexit.register(flush, "exit")
gc.callbacks.append(lambda phase, info: enter("cyclic gc during " + stack[-1]) if phase == "start" else leave())

def timed(function, label):
    name = label if callable(label) else None
    def wrapper(*args, **kwargs):
        enter(label(*args) if callable(label) else label)
        try:
            result = function(*args, **kwargs)
        finally:
            leave()
        if inspect.isgenerator(result):
            return stepped(result, name or label)
        return result
    wrapper.__dict__.update(getattr(function, "__dict__", {}))
    wrapper.__wrapped__ = function
    return wrapper

def stepped(generator, label):
    while True:
        enter(label)
        try:
            item = next(generator)
        except StopIteration:
            return
        finally:
            leave()
        yield item

# module: [(owner attribute path or "", attribute, label)]; patched when the module has been imported
PATCHES = {
    "vibecheck.cli": [("", "_emit", "report"), ("", "filtered_report", "filter stage")],
    "vibecheck.config": [("", "read_config", "settings"), ("", "settings_from_table", "settings")],
    "vibecheck.registry": [("", "load_registry", "registry")],
    "vibecheck.api": [("", "discover", "discovery")],
    "vibecheck.runner": [("", "plan_index", "plan index"), ("", "content_digest", "content digest"),
                         ("", "_project_phase", "project phase: other"), ("", "split_projects", "project phase: split"),
                         ("", "conditional_findings", "project phase: conditional findings"),
                         ("", "collect", "collect (parent's own)")],
    "vibecheck.indexing": [("IndexJob", "read", "index a test file (facts)")],
    "vibecheck.pipeline": [("Pipeline", "load", "checker load (not imports)"),
                           ("Pipeline", "check_bytes", "check_bytes (own)"), ("", "path_in_project", "project path"),
                           ("Pipeline", "filter", "filter stage"),
                           ("", "parse_suppressions", "suppression comments"),
                           ("", "has_candidates", "suppression comments")],
    "vibecheck.safe_files": [("", "read_regular_file", "read file")],
    "vibecheck.source": [("", "decode_source", "decode"), ("SourceUnit", "python_ast", "ast parse"),
                         ("SourceUnit", "too_long_chain", "chain check"),
                         ("SourceUnit", "too_deeply_nested", "ast parse")],
    "vibecheck.imports": [],
    "vibecheck.facts": [("SourceFactCollector", "leave_Module", "fact collection"),
                        ("TestFactCollector", "leave_Module", "fact collection")],
    "vibecheck.engine": [("", "parse_module", "libcst parse"), ("", "_instantiate", "rule instances"),
                         ("", "_walk", "engine walk + rules"), ("", "_dispatch_tables", "dispatch tables"),
                         ("", "_to_findings", "positions"), ("", "_vetted", "vetting"),
                         ("", "check_unit", "engine: other")],
    "vibecheck.integrations.bandit": [("", "check_unit", "bandit stage"), ("", "run_bandit", "bandit stage")],
    "vibecheck.workers": [("", "_loop", "worker: loop"), ("", "_limit_memory", "worker: memory limit"),
                          ("", "_has_grown", "parent: worker growth check"), ("WorkerPool", "_start", "parent: fork worker"),
                          ("WorkerPool", "_collect", "parent: collect results (own)")],
    "vibecheck.project_rules_forked": [("", "run_project_rules", lambda p, rules, parts: "project rule: " + (
        rules[0][0].__name__ if len(rules) == 1 else "several"))],
    "multiprocessing.connection": [("Connection", "_send_bytes", "pipe write"),
                                   ("Connection", "_recv_bytes", "pipe read"), ("", "wait", "wait for a worker")],
    "multiprocessing.reduction": [("ForkingPickler", "dumps", "pickle a message")],
}

SETTINGS = json.loads(os.environ.get("VIBECHECK_TIMELINE_SET", "{}"))  # `--set`: module -> {constant: value}

def patch(module):
    for constant, value in SETTINGS.get(module.__name__, {}).items():
        setattr(module, constant, value)
    for owner_path, attribute, label in PATCHES.get(module.__name__, ()):
        owner = getattr(module, owner_path) if owner_path else module
        original = inspect.getattr_static(owner, attribute)
        if isinstance(original, classmethod):
            setattr(owner, attribute, classmethod(timed(original.__func__, label)))
        elif isinstance(original, staticmethod):
            setattr(owner, attribute, staticmethod(timed(original.__func__, label)))
        else:
            setattr(owner, attribute, timed(original, label))
    if module.__name__ == "vibecheck.workers":
        module._run = flushed(module._run)
    if module.__name__ == "multiprocessing.reduction":
        import pickle
        module.ForkingPickler.loads = timed(pickle.loads, "unpickle a message")
    if module.__name__ == "vibecheck.imports":
        table = module.ImportTable
        table.from_module = classmethod(timed(table.from_module.__func__, "import table"))

import importlib._bootstrap as bootstrap
find_and_load = bootstrap._find_and_load
def find_and_load_timed(name, import_):
    enter("imports")
    try:
        module = find_and_load(name, import_)
    finally:
        leave()
    patch(module)
    return module
bootstrap._find_and_load = find_and_load_timed  # what `import` calls for a module not imported yet
for name in {*PATCHES, *SETTINGS}:
    if name in sys.modules:
        patch(sys.modules[name])
from vibecheck.entry import main
main()
'''


@dataclass
class Mark:
    pid: int
    wall: float
    cpu: float
    queued: float
    label: str
    extra: str


def run_once(target: Path, options: list[str], nice: bool, python: str, launch: str = LAUNCH,
             settings: dict[str, dict[str, Any]] | None = None) -> tuple[str, float, float]:
    """One marked run: what it wrote (`launch` says what), and the wall clock when it was started and when it ended."""
    with tempfile.NamedTemporaryFile("r", suffix=".marks", delete=False) as out:
        marks_file = out.name
    command = [python, "-c", launch, marks_file, *options, str(target)]
    if nice:
        command = ["setsid", "sh", "-c", 'echo -20 > /proc/self/autogroup && exec nice -n -20 "$@"', "sh", *command]
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["VIBECHECK_NO_SERVER"] = "1"
    env["VIBECHECK_TIMELINE_SET"] = json.dumps(settings or {})
    started = time.monotonic()
    subprocess.run(command, cwd=target.parent, env=env, stdout=subprocess.DEVNULL, check=True)
    ended = time.monotonic()
    with open(marks_file, encoding="utf-8") as lines:
        written = lines.read()
    os.unlink(marks_file)
    return written, started, ended


def parsed_marks(written: str) -> list[Mark]:
    return [Mark(int(p), float(w), float(c), float(q), label, extra)
            for p, w, c, q, label, extra in (line.split("\t", 5) for line in written.splitlines())]


def account(target: Path, options: list[str], nice: bool, python: str, settings: dict[str, dict[str, Any]]
            ) -> dict[str, float]:
    """One run under `ACCOUNT`: print each stage's CPU seconds over every process that flushed its account, beside the
    CPU the run's processes used (their rusage); return the stages' seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    written, started, ended = run_once(target, options, nice, python, ACCOUNT, settings)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    last = {process["pid"]: process for process in map(json.loads, written.splitlines())}
    processes = list(last.values())
    parent = next((p["pid"] for p in processes if "interpreter start-up" in p["spent"]), 0)
    rows: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0, 0.0])
    for process in processes:
        for label, seconds in process["spent"].items():
            rows[label][0 if process["pid"] == parent else 1] += seconds
        for label, count in process["calls"].items():
            rows[label][2] += count
    accounted = sum(p["total"] for p in processes)
    print(f"wall {ended - started:.2f} s; {len(processes)} processes wrote their account; CPU (rusage of the run's "
          f"processes) {used:.2f} s, accounted {accounted:.2f} s")
    print(f"  {'stage':44} {'parent':>7} {'others':>7} {'total':>7} {'share':>6} {'calls':>8}")
    for label, (here, others, count) in sorted(rows.items(), key=lambda item: -(item[1][0] + item[1][1])):
        print(f"  {label:44} {here:7.2f} {others:7.2f} {here + others:7.2f} {(here + others) / used:6.1%} {int(count):8}")
    print(f"  {'not accounted: exits, a killed worker: last task':44} {'':7} {'':7} {used - accounted:7.2f} "
          f"{(used - accounted) / used:6.1%}")
    for process in processes:
        walks = process["calls"].get("engine walk + rules", 0)
        busiest = sorted(process["spent"].items(), key=lambda item: -item[1])[:3]
        indexed = process["calls"].get("index a test file (facts)", 0)
        print(f"  pid {process['pid']}: cpu {process['total']:6.2f} s, {walks} files walked, {indexed} indexed; "
              + ", ".join(f"{label} {seconds:.2f}" for label, seconds in busiest))
    return {label: here + others for label, (here, others, _) in rows.items()} | {"rusage": used}


def interpolated_cpu(marks: list[Mark], moment: float) -> float:
    """A process's CPU clock at `moment`, read between its marks (0 before its first mark)."""
    before = None
    for mark in marks:
        if mark.wall >= moment:
            if before is None:
                return 0.0 if mark.wall > moment else mark.cpu
            share = (moment - before.wall) / (mark.wall - before.wall) if mark.wall > before.wall else 1.0
            return before.cpu + share * (mark.cpu - before.cpu)
        before = mark
    return marks[-1].cpu


def task_spans(marks: list[Mark]) -> list[tuple[Mark, Mark]]:
    """Each task's begin and end marks (other marks may fall between them: the checker's load)."""
    spans, begin = [], None
    for mark in marks:
        if mark.label == "task begin":
            begin = mark
        elif mark.label == "task end" and begin is not None:
            spans.append((begin, mark))
            begin = None
    return spans


def summarise(marks: list[Mark], started: float, ended: float, verbose: bool) -> dict[str, float]:
    """Print the timeline's summary; return its numbers."""
    by_pid: dict[int, list[Mark]] = collections.defaultdict(list)
    for mark in marks:
        by_pid[mark.pid].append(mark)
    parent = marks[0].pid
    at = lambda t: t - started  # noqa: E731
    spans = {pid: task_spans(ms) for pid, ms in by_pid.items()}
    workers = {pid: ms for pid, ms in by_pid.items() if spans[pid]}
    wall = ended - started
    print(f"wall {wall:.2f} s; parent pid {parent}")
    seen = set()
    for m in by_pid[parent]:
        if m.label not in seen and not m.label.startswith(("project rule", "wait for results", "task", "checker load")):
            seen.add(m.label)
            print(f"  {at(m.wall):7.3f} s  parent cpu {m.cpu:6.3f} queued {m.queued:6.3f}  {m.label}")
    parent_last = by_pid[parent][-1]
    waits = [m for m in by_pid[parent] if m.label.startswith("wait for results")]
    waited = sum(end.wall - begin.wall for begin, end in zip(waits[::2], waits[1::2], strict=False))
    print(f"  parent: cpu {parent_last.cpu:.2f} s, run-queue wait {parent_last.queued:.2f} s, "
          f"blocked on workers' results {waited:.2f} s")
    for pid, ms in sorted(workers.items(), key=lambda item: item[1][0].wall):
        tasks = spans[pid]
        busy_cpu = sum(e.cpu - b.cpu for b, e in tasks)
        checked = [(b, e) for b, e in tasks if b.extra.split("\t")[0] == "SourceFile"]
        gaps = sum(b2.wall - e1.wall for (_, e1), (b2, _) in zip(tasks, tasks[1:], strict=False))
        gaps_cpu = sum(b2.cpu - e1.cpu for (_, e1), (b2, _) in zip(tasks, tasks[1:], strict=False))
        print(f"  worker {pid}: up {at(ms[0].wall):.3f}, first task {at(tasks[0][0].wall):.3f}, last task end "
              f"{at(tasks[-1][1].wall):.3f}, loop end {at(ms[-1].wall):.3f}; {len(checked)} files + "
              f"{len(tasks) - len(checked)} index tasks; cpu {ms[-1].cpu:.2f} (in tasks {busy_cpu:.2f}), run-queue wait "
              f"{ms[-1].queued - ms[0].queued:.2f}, between tasks {gaps:.3f} s wall, {gaps_cpu:.3f} s cpu")
        if verbose and checked:
            last = checked[-3:]
            print("    last files: " + ", ".join(f"{b.extra.split(chr(9))[-1]} {e.cpu - b.cpu:.2f}s@{at(b.wall):.2f}"
                                                 for b, e in last))
    for pid, ms in by_pid.items():
        if pid != parent and pid not in workers:
            print(f"  other {pid}: {at(ms[0].wall):.3f}-{at(ms[-1].wall):.3f} s, cpu {ms[-1].cpu - ms[0].cpu:.2f} s "
                  f"({ms[0].label} .. {ms[-1].label})")
    # busy workers over time: +1 at a task's begin, -1 at its end; both_last: when the tail (one worker busy) began
    edges = sorted([(b.wall, 1) for ts in spans.values() for b, _ in ts]
                   + [(e.wall, -1) for ts in spans.values() for _, e in ts])
    busy, both_first, both_last, idle, idle_before_tail = 0, None, edges[-1][0], 0.0, 0.0
    previous = edges[0][0]
    for moment, step in edges:
        if both_first is not None and busy < 2:
            idle += (2 - busy) * (moment - previous)
        busy += step
        previous = moment
        if busy >= 2:
            both_first = moment if both_first is None else both_first
            both_last, idle_before_tail = edges[-1][0], idle
        elif both_first is not None and both_last == edges[-1][0]:
            both_last = moment
    both_first = edges[0][0] if both_first is None else both_first
    first_task = edges[0][0]
    last_end = edges[-1][0]
    checked_end = max(e.wall for ts in spans.values() for b, e in ts if b.extra.split("\t")[0] == "SourceFile")
    phase = [m for m in by_pid[parent] if m.label.startswith("project phase")]
    bounds = [("start-up (to the first task)", started, first_task),
              ("one worker (to the second's first task)", first_task, both_first),
              ("both busy", both_first, both_last), ("tail (one worker)", both_last, last_end),
              ("after the last task", last_end, ended)]
    numbers: dict[str, float] = {"wall": wall}
    total_cpu = 0.0
    print(f"  checked files done at {at(checked_end):.3f} s; worker-seconds without a task before the tail "
          f"{idle_before_tail:.3f}")
    for name, low, high in bounds:
        cpu = sum(interpolated_cpu(ms, high) - interpolated_cpu(ms, low) for ms in by_pid.values())
        total_cpu += cpu
        lost = (high - low) - cpu / 2
        numbers[name] = lost
        print(f"  {name:42} {at(low):7.3f}-{at(high):7.3f} s: wall {high - low:6.3f}, cpu {cpu:6.3f}, lost {lost:6.3f}")
    if phase:
        rules = [m for m in by_pid[parent] if m.label.startswith("project rule")]
        rule_spans = sorted(((e.wall - b.wall, b.extra) for b, e in zip(rules[::2], rules[1::2], strict=False)), reverse=True)
        print(f"  project phase {at(phase[0].wall):.3f}-{at(phase[-1].wall):.3f} s; rules here: "
              + ", ".join(f"{name} {seconds:.3f}" for seconds, name in rule_spans[:4]))
    reported = [m for m in by_pid[parent] if m.label == "report end"]
    if reported:
        numbers["after the report"] = ended - reported[-1].wall
        print(f"  from the report's end to the run's: {numbers['after the report']:.3f} s")
    queued = sum(ms[-1].queued - ms[0].queued for ms in by_pid.values())
    numbers["cpu"] = total_cpu
    numbers["lost"] = wall - total_cpu / 2
    numbers["queued"] = queued
    print(f"  CPU {total_cpu:.2f} s; lost (wall - CPU/2) {numbers['lost']:.2f} s; run-queue waits (load) {queued:.2f} s")
    return numbers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, help="default: Django 5.2's django/, as speed.py lays it out")
    parser.add_argument("--runs", type=int, default=1, help="runs of each interpreter, interleaved")
    parser.add_argument("--nice", action="store_true", help="own session, autogroup and process niced to -20 (root)")
    parser.add_argument("--python", action="append", help="an interpreter whose vibecheck runs (again for an A/B: "
                        "--python A --python B); default: this one")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--account", action="store_true", help="CPU seconds per stage, over all processes (`ACCOUNT`)")
    parser.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=JSON",
                        help="with --account: a module's constant set to a value once it is imported (what if)")
    parser.add_argument("options", nargs="*", default=COLD)
    args = parser.parse_args()
    target = args.path or django_package()
    pythons = args.python or [sys.executable]
    settings: dict[str, dict[str, Any]] = collections.defaultdict(dict)
    for assignment in args.set:
        name, value = assignment.split("=", 1)
        module, constant = name.rsplit(".", 1)
        settings[module][constant] = json.loads(value)
    results: dict[str, list[dict[str, float]]] = {python: [] for python in pythons}
    for _ in range(args.runs):
        for python in pythons:
            print(f"== {python}; {target}; load {os.getloadavg()[0]:.1f}")
            if args.account:
                results[python].append(account(target, args.options, args.nice, python, settings))
                continue
            written, started, ended = run_once(target, args.options, args.nice, python)
            results[python].append(summarise(parsed_marks(written), started, ended, verbose=args.verbose))
    if args.runs > 1 or len(pythons) > 1:
        for python, runs in results.items():
            print(f"\n{python}: {len(runs)} runs")
            for key in runs[0]:
                values = [run.get(key, 0.0) for run in runs]
                print(f"  {key:42} median {statistics.median(values):7.3f}  best {min(values):7.3f}")


if __name__ == "__main__":
    main()
