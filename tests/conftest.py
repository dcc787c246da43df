"""Shared fixtures: the repository root and the loaded rule registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from vibecheck.registry import Registry, load_registry

REPO_ROOT = Path(__file__).resolve().parent.parent
RULES_DIR = REPO_ROOT / "rules"


@pytest.fixture(scope="session")
def registry() -> Registry:
    loaded = load_registry()
    assert not loaded.errors, loaded.errors
    return loaded
