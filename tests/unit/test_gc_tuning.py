"""The collector around a load: paused and frozen after only in vibecheck's own processes."""

from __future__ import annotations

import gc

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
