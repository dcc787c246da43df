"""The collector around a load: paused and frozen after only in vibecheck's own processes."""

from __future__ import annotations

import gc
import subprocess
import sys
import weakref

import pytest

from vibecheck import gc_tuning


def test_in_a_tuned_process_a_load_runs_without_collections_and_what_it_made_is_frozen(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gc_tuning, "_tuned", True)
    before = gc.get_freeze_count()
    try:
        with gc_tuning.loading():
            enabled_inside = gc.isenabled()
            made = [[i] for i in range(1000)]
        assert not enabled_inside and gc.isenabled()
        assert gc.get_freeze_count() >= before + len(made)
    finally:
        gc.unfreeze()
        gc.enable()


def test_in_a_library_caller_s_process_a_load_leaves_the_collector_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gc_tuning, "_tuned", False)
    before = gc.get_freeze_count()
    with gc_tuning.loading():
        enabled_inside = gc.isenabled()
        made = [[i] for i in range(1000)]
    assert enabled_inside and len(made) == 1000
    assert gc.get_freeze_count() == before


EXIT_PROBE = """
import gc, sys
from vibecheck import gc_tuning
if sys.argv[1] == "tuned":
    gc_tuning.tune_gc()
gc.disable()

class Cycle:
    def __del__(self):
        print("collected at exit")

loop = Cycle()
loop.me = loop
del loop
"""


@pytest.mark.parametrize(("mode", "collected"), [("tuned", False), ("library", True)])
def test_a_tuned_process_leaves_its_heap_to_the_exit_without_a_last_full_collection(mode: str, collected: bool) -> None:
    done = subprocess.run([sys.executable, "-c", EXIT_PROBE, mode], capture_output=True, text=True, check=True)
    assert ("collected at exit" in done.stdout) is collected


class _Held:
    """Something a run leaves to the end of the process (weak references need a class of its own)."""


def test_a_process_that_ends_at_once_keeps_what_it_leaves_to_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gc_tuning, "_left", None)
    held = _Held()
    watched = weakref.ref(held)
    gc_tuning.leave_to_exit(held)
    del held
    assert watched() is None  # a library caller's process: nothing is kept
    gc_tuning.end_at_once()
    held = _Held()
    watched = weakref.ref(held)
    gc_tuning.leave_to_exit(held)
    del held
    assert watched() is not None


@pytest.mark.parametrize(("tuned", "ends_at_once", "kept"), [(True, True, True), (True, False, False),
                                                               (False, True, False)])
def test_only_a_process_that_ends_at_once_freezes_its_facts_and_collects_no_more_for_its_project_phase(
        monkeypatch: pytest.MonkeyPatch, tuned: bool, ends_at_once: bool, kept: bool) -> None:
    monkeypatch.setattr(gc_tuning, "_tuned", tuned)
    monkeypatch.setattr(gc_tuning, "_left", [] if ends_at_once else None)
    facts = [[i] for i in range(1000)]
    before = gc.get_freeze_count()
    try:
        gc_tuning.keep_to_exit()
        assert (gc.get_freeze_count() >= before + len(facts)) is kept
        assert gc.isenabled() is not kept
    finally:
        gc.unfreeze()
        gc.enable()
