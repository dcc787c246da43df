"""Read files from a tree that may be hostile: regular files only, never devices, FIFOs or `/proc`, with a cap.

A checked tree can plant `settings.py -> /proc/self/environ` (the environment, secrets included, would
become a snippet), a FIFO (the read would hang) or `-r /dev/zero` in a requirements file (the read would
never end). Every read of a file that came from the checked tree goes through `read_regular_file`.
"""

from __future__ import annotations

import ast
import functools
import os
import stat

from vibecheck.run_start import forget_at_run_start

# Pseudo-filesystems whose "regular" files are views of the running system (`/proc/self/environ`).
SYSTEM_TREES = ("/proc", "/sys", "/dev")
NOT_REGULAR = "it is not a regular file (a device, FIFO or socket)"


class NotRegularFileError(OSError):
    """The path is a device, a FIFO, a socket, a system view or too large; `strerror` says which."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(0, reason, os.fspath(path))


def is_inside(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> bool:
    """Whether the real path of `path` lies in the real path of `folder` (both resolved through symlinks)."""
    real, top = os.path.realpath(path), os.path.realpath(folder)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def system_view_reason(real: str) -> str | None:
    """Why the file at the real (resolved) path `real` must not be read: a view of the running system; else None."""
    if any(real == tree or real.startswith(tree + "/") for tree in SYSTEM_TREES):
        return f"it resolves to `{real}`, a view of the running system"
    return None


def special_file_reason(path: str | os.PathLike[str]) -> str | None:
    """Why `path` must not be read (a device, FIFO, socket or system view), or None for a regular file.

    A file that is no link lies in its folder's real path, resolved once per run (`real_folder`): resolving each file's
    whole path cost a warm run on Django more than reading the files. A link is resolved in full."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            real = os.path.realpath(path)
            reason = system_view_reason(real)
            info = os.stat(real) if reason is None else info
        else:
            folder, name = os.path.split(os.path.abspath(path))
            reason = system_view_reason(os.path.join(real_folder(folder), name))
    except OSError as exc:
        return exc.strerror or "it cannot be read"
    return reason or (None if stat.S_ISREG(info.st_mode) else NOT_REGULAR)


@functools.lru_cache(maxsize=4096)
def real_folder(folder: str) -> str:
    """The real path of `folder` (an absolute path), resolved once per run: the files of a folder share it."""
    return os.path.realpath(folder)


forget_at_run_start(real_folder.cache_clear)


@functools.lru_cache(maxsize=1)
def _system_devices() -> frozenset[int]:
    """The devices of the system trees that are mounts of their own (`/proc`, `/sys`, `/dev`): a file read from one of
    them is a view of the running system, wherever the path that opened it led."""
    try:
        top = os.stat("/").st_dev
    except OSError:
        return frozenset()
    devices = set()
    for tree in SYSTEM_TREES:
        try:
            device = os.stat(tree).st_dev
        except OSError:
            continue
        if device != top:
            devices.add(device)
    return frozenset(devices)


def read_regular_file(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a regular file; raise `NotRegularFileError` for anything else or beyond `limit` bytes.

    The file is opened without blocking (a FIFO would wait for a writer forever) and checked on the open
    descriptor (its type, and that it is on no system tree's device), so swapping the file or a folder of its path
    between a check and the read does not help.
    """
    reason = special_file_reason(path)
    if reason is not None:
        raise NotRegularFileError(path, reason)
    return _read_open(path, os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)), limit)[0]


def read_own_file(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a file vibecheck wrote itself (a cache entry): a regular file, never a link, so the path
    needs no resolving first (resolving each of a warm run's 900 entries cost a tenth of the run)."""
    return read_own_file_and_stat(path, limit)[0]


def read_own_file_and_stat(path: str | os.PathLike[str], limit: int | None = None) -> tuple[bytes, os.stat_result]:
    """`read_own_file`, with the file's `stat` taken before it was read."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    if not hasattr(os, "O_NOFOLLOW") and os.path.islink(path):
        raise NotRegularFileError(path, "it is a link")
    return _read_open(path, os.open(path, flags), limit)


def _read_open(path: str | os.PathLike[str], descriptor: int, limit: int | None) -> tuple[bytes, os.stat_result]:
    """Read what the descriptor's size says, plus one byte to notice a file that grew: `read(limit + 1)` made a
    buffer of the whole limit for every file (a warm run's 900 cache entries with a 64 MiB limit: 0.07 s).
    Returns the bytes and the `fstat` taken before the read."""
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(path, NOT_REGULAR)
        if info.st_dev in _system_devices():  # a folder swapped for a link since its real path was resolved
            raise NotRegularFileError(path, "it is a view of the running system")
        if limit is None:
            data = handle.read()
        else:
            data = handle.read(min(info.st_size, limit) + 1)
            if len(data) > info.st_size:  # it grew since `fstat`: read on, up to the limit
                data += handle.read(limit + 1 - len(data))
    if limit is not None and len(data) > limit:
        raise NotRegularFileError(path, f"it is larger than {limit} bytes")
    return data, info


def read_regular_text(path: str | os.PathLike[str], limit: int | None = None) -> str:
    """`read_regular_file` decoded as UTF-8, undecodable bytes replaced (for dependency and config files)."""
    return read_regular_file(path, limit).decode("utf-8", errors="replace")


def parsed_module(path: str | os.PathLike[str], limit: int | None = None) -> ast.Module | None:
    """The `ast` of a module beside the checked file that a rule reads (`read_regular_text`), or None when it cannot
    be read or parsed, also when it nests past the parser's limits."""
    try:
        return ast.parse(read_regular_text(path, limit))
    except (OSError, NotRegularFileError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None
