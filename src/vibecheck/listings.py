"""Each folder listed once per run.

Discovery, the search for project roots and the import rules' module names read the same folders: a warm run on
Django listed each of its 195 package folders three times and asked the disk for a dozen names in each. Here a
folder is listed once (`os.scandir`: each entry's type comes with the listing) and every reader asks the listing.
A run starts by forgetting them (`vibecheck.run_start`), so a long-lived process (the resident server, an editor)
sees the folders as they are now; within a run the tree is read as one snapshot.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from collections.abc import Iterable

from vibecheck.run_start import forget_at_run_start

# Entries held at once, all folders together (about 250 bytes each): past this the listings used longest ago are
# dropped, and listed again if asked for, so a huge tree costs time, never unbounded memory.
ENTRIES_KEPT = 200_000

class _Kept:
    """The listings of this run, oldest use first, and how many entries they hold."""

    def __init__(self) -> None:
        self.listings: OrderedDict[str, dict[str, os.DirEntry[str]]] = OrderedDict()
        self.entries = 0


_KEPT = _Kept()


def entries(folder: str) -> dict[str, os.DirEntry[str]]:
    """The folder's entries by name, in name order; none when it cannot be listed."""
    listing = _KEPT.listings.get(folder)
    if listing is not None:
        _KEPT.listings.move_to_end(folder)
        return listing
    try:
        with os.scandir(folder) as scan:
            listing = {entry.name: entry for entry in sorted(scan, key=lambda entry: entry.name)}
    except OSError:
        listing = {}
    _KEPT.listings[folder] = listing
    _KEPT.entries += len(listing)
    while _KEPT.entries > ENTRIES_KEPT and len(_KEPT.listings) > 1:
        _KEPT.entries -= len(_KEPT.listings.popitem(last=False)[1])
    return listing


def is_file(folder: str, name: str) -> bool:
    """Whether `folder` holds a file `name` (a link to a file counts, as for `os.path.isfile`)."""
    entry = entries(folder).get(name)
    try:
        return entry is not None and entry.is_file()
    except OSError:
        return False


def is_link(folder: str, name: str) -> bool:
    """Whether `folder`'s entry `name` is a symbolic link (known from the listing, with no `lstat`)."""
    entry = entries(folder).get(name)
    return entry is not None and entry.is_symlink()


def holds_folder(folder: str, name: str) -> bool:
    """Whether `folder` holds a folder `name` (a link to a folder counts, as for `os.path.isdir`)."""
    entry = entries(folder).get(name)
    return entry is not None and is_dir(entry)


def is_dir(entry: os.DirEntry[str]) -> bool:
    """Whether the entry is a folder (a link to a folder counts); False when it vanished."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def exists(folder: str, name: str) -> bool:
    """Whether `folder` holds `name` and, for a link, what it points to exists (as `os.path.exists`)."""
    entry = entries(folder).get(name)
    if entry is None:
        return False
    try:
        entry.stat()
    except OSError:
        return False
    return True


def modules_digest(folder: str, modules: Iterable[str]) -> str:
    """Name, size and modification time of the modules named `modules` in `folder` (`name.py` or `name/__init__.py`),
    for a rule's cache key: only the names the folder's listing holds are asked of the disk, and a module's `stat` is
    asked once per run (its listed entry keeps it: the files of a package import the same few modules)."""
    digest = hashlib.sha256()
    listed = entries(folder)
    for name in modules:
        for entry, relative in ((f"{name}.py", f"{name}.py"), (name, os.path.join(name, "__init__.py"))):
            found = listed.get(entry)
            if found is None:
                continue
            try:
                stat = found.stat() if entry == relative else os.stat(os.path.join(folder, relative))
            except OSError:
                continue
            digest.update(f"{relative}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def stat_digest(paths: Iterable[str]) -> str:
    """Path, size and modification time of each file in `paths` (one that cannot be asked is left out), for a rule's
    cache key: the files beyond the checked one that the rule reads."""
    digest = hashlib.sha256()
    for path in paths:
        try:
            stat = os.stat(path)
        except OSError:
            continue
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@forget_at_run_start
def forget() -> None:
    """Drop every listing: the next reader lists the folder again."""
    _KEPT.listings.clear()
    _KEPT.entries = 0
