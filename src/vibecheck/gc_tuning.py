"""Cyclic garbage collection tuned for a checker: many short-lived, acyclic trees and a large, long-lived core.

With Python's default thresholds the collector scans the young generation every 700 allocations, and the
libcst trees, `ast` trees and rule objects of each file allocate millions: about a tenth of a run's CPU went
to collections that found almost nothing (libcst and `ast` nodes hold no parent pointers, so a file's trees
are freed by reference counting). A larger first threshold cuts that; `gc.freeze()` moves what is alive after
start-up (modules, rules, bandit's tables) out of every later collection, and keeps it out of the pages a
forked worker copies when the collector would touch it. The rules, libcst and bandit are imported later, when
the first file is checked (`loading`): the collector is off while they load (one collection of what the imports
allocated cost a one-file hook run 30 ms, for nothing to free), and what they made is frozen too.
At exit, everything is frozen as well: Python's shutdown runs a full collection, which in the command-line process
went through every file's facts and the project model the run kept (a second of wall time at the end of a run on
Django, to free what the process was about to give back anyway). The workers end with `os._exit`, without one, and
so does a hook's process or a resident server's child (`end_at_once`), which keeps a run's large objects to the end
instead of freeing them one by one when the run returns (`leave_to_exit`).
"""

from __future__ import annotations

import atexit
import contextlib
import gc
from collections.abc import Iterator

THRESHOLDS = (100_000, 50, 100)
_tuned = False  # set by `tune_gc`: the process is vibecheck's own (the command line, a worker), not a library caller's
_left: list[object] | None = None  # set by `end_at_once`: what `leave_to_exit` keeps


def tune_gc() -> None:
    """Call once start-up is done (in the command-line process and in each worker before its first file)."""
    global _tuned
    if not _tuned:
        atexit.register(gc.freeze)
    _tuned = True
    gc.set_threshold(*THRESHOLDS)
    gc.freeze()


def end_at_once() -> None:
    """Say that this process ends with `os._exit` once its command is done (`vibecheck.entry`'s quick-exit commands, a
    resident server's child)."""
    global _left
    if _left is None:
        _left = []


def leave_to_exit(*objects: object) -> None:
    """Keep `objects` until the process ends, in a process that ends at once: freeing a run's cache, index and checker
    one object at a time as the run returns (3 ms of a hook on Django) is work that such an end makes needless.
    Elsewhere (a library caller), nothing is kept."""
    if _left is not None:
        _left.append(objects)


def keep_to_exit() -> None:
    """In a process that ends at once (`end_at_once`), when its project phase starts: freeze what it holds (the files'
    facts, which no collection would free and each would walk again) and collect no more. What is left (the phase and
    the report) makes little cyclic garbage, and the process ends soon; on Django the collections during the phase
    took 0.05 s of the parent's time after the workers ended, on the run's serial path. What it costs in memory, on a
    monorepo-like folder (the Django, flask, requests and SQLAlchemy sdists, 3,621 files, one run each at load 18): the
    parent's peak RSS in the phase 296 -> 321 MiB (from 204 MiB at its start), the process tree's peak PSS 424 -> 439 MiB."""
    if _left is not None and _tuned:
        gc.freeze()
        gc.disable()


@contextlib.contextmanager
def loading() -> Iterator[None]:
    """Around a long-lived load (modules, tables): no collection during it, and what it made frozen after it.
    Only in a process `tune_gc` tuned: freezing a library caller's heap would keep its garbage forever."""
    if not _tuned:
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
