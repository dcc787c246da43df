"""Shared fixtures: the repository root and the loaded rule registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from vibecheck.registry import Registry, load_registry

REPO_ROOT = Path(__file__).resolve().parent.parent
RULES_DIR = REPO_ROOT / "rules"


class RegistryIncomplete(Exception):
    """A rule module or pack failed to load: raised while a test module that generates its tests from the registry
    is collected, so that the run fails whatever it selects."""


def complete_registry() -> Registry:
    """The process's registry, for the tests generated from it, if every rule loaded: a rule module that fails to
    import drops out of the registry, and with it out of those tests, so `-k VC218` would select nothing and pass."""
    loaded = load_registry()
    if loaded.errors:
        raise RegistryIncomplete("\n".join(loaded.errors))
    return loaded


@pytest.fixture(scope="session")
def registry() -> Registry:
    return complete_registry()
