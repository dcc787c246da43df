"""A worker forked as a command with few files to check starts (`vibecheck hook`, a pre-commit run on its staged files,
most checks of a folder that a cache holds).

Such a run checks its files in a worker that loads the checker itself: libcst, bandit and the rule packs, about
0.4 s of imports (`vibecheck.runner.iter_results`). Forked only when this process had found its first file that
the cache does not hold, that worker began those imports a third of a second into the run, after this process had
imported its command line, read its config and looked the cache up. Forked here instead, before any of that, it
imports while this process does that work on the other core; the run's pool then takes it as its first worker
(`vibecheck.workers.WorkerPool`) and sends it what it checks with, which a worker forked later would have inherited.
A run that needs no such worker (every file's result is cached; many files, so this process loads the checker
and forks its workers from itself) ends it unused, at once.

The worker starts a session of its own (`os.setsid`). On Linux with autogroup scheduling (the default of most
desktop kernels) a session's processes share one CPU share: on a busy machine, a worker in the command's session
halves the command's own share while it imports (a warm run on Django that ends it unused: 2.78 -> 2.01 s wall,
median of 15, interleaved, load 12 on 2 cores). In its own session it takes its share from the machine, as any
other process would. It still dies with the command (`vibecheck.workers`) and ignores Ctrl-C, which is the command's.

Linux only, as the pool's siblings (`vibecheck.workers.SIBLINGS`): forking is safe here, before any thread starts.
"""

from __future__ import annotations

import atexit
import os
import signal
import socket
import sys

from vibecheck import CACHE_DIR

# Commands that always check a file no cache holds: the file an agent has just edited.
PRELOADING_COMMANDS = frozenset({"hook"})
CHECK_COMMAND = "check"  # the default command: `vibecheck FILE...` is `vibecheck check FILE...`
# The command line's other commands (`vibecheck.cli`): a word naming one is not a folder to check.
OTHER_COMMANDS = frozenset({"baseline", "clean", "docs", "fix", "hook", "init", "merge", "rule", "rules", "server"})
NO_CACHE_OPTION, NO_CACHE_ENV = "--no-cache", "VIBECHECK_NO_CACHE"
JOBS_OPTIONS = frozenset({"--jobs", "-j"})
PROJECT_MARKERS = ("pyproject.toml", "vibecheck.toml", ".git")  # a folder holding one is a project's root
# Up to this many files per worker, each worker loads the checker itself (its imports, ~0.4 s, overlap this
# process's index work); beyond, this process loads it once before forking (`vibecheck.runner.iter_results`; 10
# changed files on Django: 1.30 -> 1.19 s median of 5, interleaved, chrt).
FILES_PER_WORKER_LOADING_ITSELF = 8

_preloaded: tuple[int, socket.socket] | None = None  # the worker's pid and this end of its socket, until taken


def wanted(arguments: list[str]) -> bool:
    """Whether the command line names a run that checks files no cache holds: a preloading command, a check whose
    path arguments are a few files (pre-commit passes the staged files), or a check of folders that a cache already
    holds (see `_speculates`)."""
    if arguments[:1] and arguments[0] in PRELOADING_COMMANDS:
        return True
    words = [word for word in arguments if not word.startswith("-")]
    if words[:1] == [CHECK_COMMAND]:
        words = words[1:]
    elif words[:1] and words[0] in OTHER_COMMANDS:
        return False
    folders = [word for word in words if os.path.isdir(word)]
    if folders or not words:
        return _speculates(arguments, folders or [os.curdir])
    return 0 < sum(os.path.isfile(word) for word in words) <= FILES_PER_WORKER_LOADING_ITSELF * (os.cpu_count() or 1)


def _speculates(arguments: list[str], folders: list[str]) -> bool:
    """Whether a check of folders preloads a worker on the chance that a few files changed since the cache was
    filled: the usual run after an edit. If none did, the worker is killed unused; its imports cost CPU on a core
    this process does not use, and no wall time. Not without a cache (every file is checked, and this process loads
    the checker for its workers), nor on one CPU or with `--jobs 1`, where that core is the run's own."""
    if (os.cpu_count() or 1) < 2 or NO_CACHE_OPTION in arguments or cache_turned_off_by_environment() \
            or _one_job(arguments):
        return False
    return any(_holds_a_cache(folder) for folder in folders)


def _one_job(arguments: list[str]) -> bool:
    """`--jobs 1`, `-j 1`, `--jobs=1` or `-j1` on the command line."""
    for index, argument in enumerate(arguments):
        if argument in JOBS_OPTIONS:
            value = arguments[index + 1] if index + 1 < len(arguments) else ""
        elif argument.startswith("--jobs="):
            value = argument.partition("=")[2]
        elif argument.startswith("-j"):
            value = argument[2:]
        else:
            continue
        if value.strip() == "1":
            return True
    return False


def cache_turned_off_by_environment() -> bool:
    """`VIBECHECK_NO_CACHE` set to anything but empty, `0` or `false`."""
    return os.environ.get(NO_CACHE_ENV, "") not in ("", "0", "false")


def _holds_a_cache(start: str) -> bool:
    """Whether a cache folder sits in `start` or above it, up to the project's root (the first folder with a config
    file or `.git`): where the run's cache is (`vibecheck.config.cache_root`), found without reading the config."""
    folder = os.path.abspath(start)
    while not os.path.isdir(os.path.join(folder, CACHE_DIR)):
        parent = os.path.dirname(folder)
        if parent == folder or any(os.path.exists(os.path.join(folder, marker)) for marker in PROJECT_MARKERS):
            return False
        folder = parent
    return True


def start(arguments: list[str]) -> None:
    """Fork the worker that preloads the checker, if this command wants one (see `wanted`)."""
    global _preloaded
    if _preloaded is not None or not sys.platform.startswith("linux") or not wanted(arguments):
        return
    try:
        here, there = socket.socketpair()
        pid = os.fork()
    except OSError:
        return
    if pid == 0:  # the worker: it never returns to the command line's code
        try:
            here.close()
            os.setsid()  # a scheduling group of its own (see above); a forked child is never a group leader
            from vibecheck.workers import serve_preloaded

            serve_preloaded(there.detach(), os.getppid(), load_checker_modules)
        finally:
            os._exit(1)
    there.close()
    _preloaded = (pid, here)
    atexit.register(discard)


def load_checker_modules() -> None:
    """What `vibecheck.pipeline.Pipeline.load` imports, without the settings it is built with: the engine and
    libcst, the analyzers' tools, and every installed rule pack."""
    import importlib

    from vibecheck.analyzers import analyzers
    from vibecheck.registry import load_registry

    importlib.import_module("vibecheck.engine")
    for analyzer in analyzers():
        analyzer.load()
    load_registry()


def take() -> tuple[int, socket.socket] | None:
    """The preloaded worker's pid and socket, once; None when there is none (or it was taken)."""
    global _preloaded
    preloaded, _preloaded = _preloaded, None
    return preloaded


def discard() -> None:
    """End the preloaded worker if no pool took it (it may still be importing: it is killed, not asked)."""
    preloaded = take()
    if preloaded is None:
        return
    pid, connection = preloaded
    connection.close()
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:  # it ended already
        pass
