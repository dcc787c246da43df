"""The bytes of the project's files that the cache keys read, each file read once per run.

A warm run computes every file's cache key in the main process, and several key readers read the same file: the
modules it imports (`imported_modules`, its first bytes), the model modules it names (`SiblingModelsInputs`), the
Connexion modules of its folder (`openapi_inputs`). Each read resolved the path and checked it was a regular file
(`read_regular_file`), which cost more than the read: Django's 883 files were read about 2,000 times. Here a file is
read once and kept for the others. A run starts by forgetting them (`vibecheck.run_start`), so a long-lived
process never sees an old text; within a run the tree is read as one snapshot.
"""

from __future__ import annotations

import os
from collections import OrderedDict

from vibecheck.run_start import forget_at_run_start
from vibecheck.safe_files import NotRegularFileError, read_regular_file

# Bytes kept at once, all files together: past this the files read longest ago are dropped, and read again if asked
# for, so a huge tree costs reads, never unbounded memory (Django's django/ is 8 MB of Python).
BYTES_KEPT = 64 * 1024 * 1024


class _Kept:
    """The files read this run, oldest first, and how many bytes they hold."""

    def __init__(self) -> None:
        self.texts: OrderedDict[str, bytes] = OrderedDict()
        self.size = 0


_KEPT = _Kept()


def file_bytes(path: str, limit: int | None = None) -> bytes:
    """`read_regular_file(path, limit)`, read once per run: a file beyond `limit` bytes raises as it would."""
    key = os.path.abspath(path)
    data = _KEPT.texts.get(key)
    if data is None:
        data = read_regular_file(path, limit)  # whole: a read within the limit is the file, the same for any limit
        _keep(key, data)
    elif limit is not None and len(data) > limit:
        raise NotRegularFileError(path, f"it is larger than {limit} bytes")
    return data


def kept_head(path: str, size: int) -> bytes | None:
    """The first `size` bytes of the file when a reader of this run read it already, else None (the caller reads
    just those bytes itself: a whole file is read only for a reader that needs it)."""
    data = _KEPT.texts.get(os.path.abspath(path))
    return None if data is None else data[:size]


def _keep(key: str, data: bytes) -> None:
    _KEPT.texts[key] = data
    _KEPT.size += len(data)
    while _KEPT.size > BYTES_KEPT and _KEPT.texts:
        _KEPT.size -= len(_KEPT.texts.popitem(last=False)[1])


@forget_at_run_start
def forget() -> None:
    """Drop every file kept: the next reader reads it again."""
    _KEPT.texts.clear()
    _KEPT.size = 0
