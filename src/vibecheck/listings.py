"""Each folder listed once per run.

Discovery, the search for project roots and the import rules' module names read the same folders: a warm run on
Django listed each of its 195 package folders three times and asked the disk for a dozen names in each. Here a
folder is listed once (`os.scandir`: each entry's type comes with the listing) and every reader asks the listing.
A run starts with `forget()`, so a long-lived process (the resident server, an editor) sees the folders as they
are now; within a run the tree is read as one snapshot.
"""

from __future__ import annotations

import functools
import os

FOLDERS_KEPT = 4096  # listings held at once: a tree larger than this lists a folder again rather than grow memory


@functools.lru_cache(maxsize=FOLDERS_KEPT)
def entries(folder: str) -> dict[str, os.DirEntry[str]]:
    """The folder's entries by name, in name order; none when it cannot be listed."""
    try:
        with os.scandir(folder) as listing:
            return {entry.name: entry for entry in sorted(listing, key=lambda entry: entry.name)}
    except OSError:
        return {}


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


def forget() -> None:
    """Drop every listing: the next reader lists the folder again."""
    entries.cache_clear()
