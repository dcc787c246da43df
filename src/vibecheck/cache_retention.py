"""Folders of older runs' entries, removed when a new one starts, so upgrades do not pile entries up.

Each vibecheck version and configuration keeps its entries in `files/<run digest>/` (`vibecheck.cache`): an
upgrade or a config edit starts a new folder and leaves the last one behind. When a run creates its folder, the
folders no run has written to for `RETENTION_DAYS` are removed, and so are the loose `files/*.json` entries of the
layout before folders per run. A folder still in use by another configuration is written to whenever one of its
files changes, so it stays; one only read for that long costs one cold run if it is removed. Failures are ignored:
a folder another run removes at the same moment, or one that cannot be removed, is no error.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from pathlib import Path

RETENTION_DAYS = 30


def remove_stale_runs(entries: Path, now: float | None = None) -> list[str]:
    """Remove the siblings of `entries` (this run's folder) unwritten for `RETENTION_DAYS`; the names removed."""
    oldest = (time.time() if now is None else now) - RETENTION_DAYS * 86400
    removed: list[str] = []
    with contextlib.suppress(OSError), os.scandir(entries.parent) as listing:
        for item in listing:
            if item.name == entries.name or item.is_symlink():
                continue
            with contextlib.suppress(OSError):
                if item.is_file() and item.name.endswith(".json"):
                    os.unlink(item.path)
                    removed.append(item.name)
                elif item.is_dir() and item.stat().st_mtime < oldest:
                    shutil.rmtree(item.path)
                    removed.append(item.name)
    return removed
