"""Cyclic garbage collection tuned for a checker: many short-lived, acyclic trees and a large, long-lived core.

With Python's default thresholds the collector scans the young generation every 700 allocations, and the
libcst trees, `ast` trees and rule objects of each file allocate millions: about a tenth of a run's CPU went
to collections that found almost nothing (libcst and `ast` nodes hold no parent pointers, so a file's trees
are freed by reference counting). A larger first threshold cuts that; `gc.freeze()` moves what is alive after
start-up (modules, rules, bandit's tables) out of every later collection, and keeps it out of the pages a
forked worker copies when the collector would touch it.
"""

from __future__ import annotations

import gc

THRESHOLDS = (100_000, 50, 100)


def tune_gc() -> None:
    """Call once start-up is done (in the command-line process and in each worker before its first file)."""
    gc.set_threshold(*THRESHOLDS)
    gc.freeze()
