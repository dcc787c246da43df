"""Worker processes that check one file at a time, each file under a time and a memory limit, each worker watched.

One file must never sink the run. A worker that dies (a native parser's segfault, a rule calling
`os._exit`) or overruns the per-file time limit (a looping plugin rule) costs only the file it was
checking: that file gets an `EngineError` (so the run exits 2, never 0), the worker is replaced, and the
other files go on. Before each file, a worker caps its address space at its current size plus the
per-file memory limit (`RLIMIT_AS`, on Linux): a rule or parse that allocates without bound gets a
`MemoryError` (the file is reported, the worker goes on) or, in native code, aborts its worker (the file
is reported, the worker replaced), instead of taking the machine down. A worker that has grown by more than
`RECYCLE_GROWTH` since it started (the allocator keeps what a large file needed, and libcst's and `ast`'s many
small objects fragment its heap) is replaced by a fresh one after its file (and the one sent ahead to it), so
memory stays flat however many files a run checks. Workers die with the run: on Linux the kernel kills them when
the parent dies (`PR_SET_PDEATHSIG`), and everywhere a watchdog thread ends a worker whose parent is gone, so a
killed run leaves no orphans behind.

A pool whose first worker loads the checker itself (a run with a few files: this process has not loaded it) forks
the other workers from that one once it has loaded, on Linux: each is a copy that starts at once, where a worker
forked from here would load the checker again on the other core (`SIBLINGS`).
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import pickle  # vibecheck: ignore[B403] -- to test what the pool pickles for its own workers, never to load
import select
import signal
import stat
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn, Protocol, cast

try:
    import resource
except ImportError:  # Windows: no memory limit
    resource = None  # type: ignore[assignment]

from vibecheck import dataclass_code
from vibecheck.gc_tuning import loading, tune_gc
from vibecheck.model import EngineError, FileResult

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

START_TIMEOUT = 120.0  # seconds for a new worker to say it is ready
WATCHDOG_INTERVAL = 1.0
_PR_SET_PDEATHSIG = 1
_MIB = 1024 * 1024
_STATM_SIZE, _STATM_RESIDENT = 0, 1  # fields of /proc/PID/statm, in pages
_STATM_READ = 256  # bytes: its seven numbers fit
# Bytes of resident memory a worker may gain before it is replaced. Lower costs more replacements (each a fork and its
# copy-on-write faults, 0.07-0.09 CPU s measured on django/db's 122 files with a replacement after every file, load 30)
# for a lower peak: on Django's django/ (one cold run each, load 23-30) 32 MiB made 20 replacements for 226 MiB of peak
# tree PSS, 48 MiB 10 for 239, 64 MiB 4 for 246; the peak is under its 300 MiB target, the CPU goes to the ratio.
RECYCLE_GROWTH = 64 * _MIB
_PR_SET_CHILD_SUBREAPER = 36
_FORK_SIBLING = "fork a sibling"  # a message to a pool's first worker: fork a worker for the socket sent after it
ADOPTION_TIMEOUT = 5.0  # seconds a sibling waits to be adopted by the run before it gives up



class Task(Protocol):
    """What a worker is given: a file to check (`SourceFile`) or to read facts of (`vibecheck.indexing.IndexJob`)."""

    @property
    def display(self) -> str: ...


CheckPath = Callable[[Any], FileResult]
BATCH_SHARE = 4  # a batch holds at most 1/(workers * BATCH_SHARE) of the tasks left, so that batches shrink at the end
MAX_BATCH = 32  # tasks in one batch


@dataclass(frozen=True)
class Batch:
    """Small tasks sent to a worker as one: one message each way, where each task alone cost its worker a round trip
    with this process (the 1,900 test files a run on Django reads for their facts: 0.5 s of the two workers' time
    went to waiting between them, 0.25 s in batches). Each task still runs under its own memory limit; if its worker
    dies or overruns the time limit (the batch's tasks' limits added up), the batch's tasks go back to the queue one
    by one, so that only the task that failed fails."""

    tasks: tuple[Task, ...]

    @property
    def display(self) -> str:
        return self.tasks[0].display


@dataclass
class BatchResult:
    """A batch's results, in the order of its tasks."""

    parts: list[FileResult]


def batched(tasks: Sequence[Task], workers: int) -> list[Task]:
    """`tasks` in batches that shrink as fewer tasks are left (guided self-scheduling), down to single tasks at the
    end, so that the workers finish together."""
    out: list[Task] = []
    start = 0
    while start < len(tasks):
        size = max(1, min(MAX_BATCH, (len(tasks) - start) // (workers * BATCH_SHARE)))
        chunk = tuple(tasks[start:start + size])
        out.append(chunk[0] if size == 1 else Batch(chunk))
        start += size
    return out


class PoolUnavailable(Exception):
    """No worker process could be started here; the caller checks in-process instead."""


def _die_with_parent(parent: int) -> None:
    """Make this worker end when the run ends, however it ends (SIGKILL included)."""
    if sys.platform.startswith("linux"):
        import ctypes  # local, as `multiprocessing` below: a run that every file's cache entry answers starts no worker

        with contextlib.suppress(OSError, AttributeError):  # else the watchdog below still covers it
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCHDOG_INTERVAL)
        os._exit(1)

    threading.Thread(target=watch, name="vibecheck-parent-watchdog", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the watch began
        os._exit(1)


def _serve(conn: Connection, make_checker: Callable[[], CheckPath], parent: int, memory_limit: int | None,
           warm_up: Callable[[], None] | None) -> None:
    """The worker's loop: one file in, one result out, until told to stop or the parent goes away. Once it said it
    is ready, `warm_up` loads what its first file needs, while the parent prepares that file; if it fails, the first
    file fails with its error, as that file's own load would have."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _serve_started(conn, make_checker, parent, memory_limit, warm_up)


def serve_preloaded(handle: int, parent: int, preload: Callable[[], None]) -> NoReturn:
    """A worker forked as the command started (`vibecheck.preload`): it imports what checking needs (`preload`),
    then waits for the pool to send what a worker forked later would inherit (its `make_checker`, memory limit and
    `warm_up`), then serves as `_serve`. Closing the socket (`handle`) before that ends it. If `preload` raises
    (a rule pack that fails to import), it ends too, silently: the pool then forks a worker, whose load fails
    again and is reported with its first file. Never returns."""
    try:
        _die_with_parent(parent)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        tune_gc()
        with loading():
            preload()
        from multiprocessing.connection import Connection

        conn = Connection(handle)
        try:
            spec = conn.recv()
        except (EOFError, OSError):  # closed first: the run needs no worker
            spec = None
        if spec is not None:
            make_checker, memory_limit, warm_up = spec
            _serve_started(conn, make_checker, parent, memory_limit, warm_up, ready=("ready", os.getpid()))
    finally:
        os._exit(0)


def _serve_started(conn: Connection, make_checker: Callable[[], CheckPath], parent: int, memory_limit: int | None,
                   warm_up: Callable[[], None] | None, ready: object = "ready") -> None:
    check = make_checker()
    tune_gc()
    conn.send(ready)
    warm_up_failure: BaseException | None = None
    if warm_up is not None:
        try:
            warm_up()
        except (Exception, SystemExit) as exc:  # raised again in the first file's check, below
            warm_up_failure = exc
    dataclass_code.save()  # what its imports compiled: a worker ends with `os._exit`, past the exit handler that saves
    _loop(conn, check, parent, memory_limit, warm_up_failure)


def _loop(conn: Connection, check: CheckPath, parent: int, memory_limit: int | None,
          warm_up_failure: BaseException | None = None) -> None:
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        if task == _FORK_SIBLING:
            _fork_sibling(conn, check, parent, memory_limit, loaded=warm_up_failure is None)
            continue
        parts = []
        for part in task.tasks if isinstance(task, Batch) else (task,):
            parts.append(_run(check, part, memory_limit, warm_up_failure))
            warm_up_failure = None
        result = BatchResult(parts) if isinstance(task, Batch) else parts[0]
        try:
            conn.send(result)
        except Exception as exc:  # a result that cannot be pickled: lose the file, not the worker
            conn.send(_unsent(task, parts, exc))


def _unsent(task: Task, parts: list[FileResult], error: Exception) -> FileResult | BatchResult:
    """What goes instead of a result that could not be sent (`error`): an error for its task; in a batch, for each
    task whose own result cannot be pickled."""
    if isinstance(task, Batch):
        return BatchResult([_sendable(part, one) for part, one in zip(task.tasks, parts, strict=True)])
    return _not_sent(task, error)


def _sendable(task: Task, result: FileResult) -> FileResult:
    """`result`, or an error for `task` if it cannot be pickled."""
    try:
        pickle.dumps(result)
    except Exception as exc:
        return _not_sent(task, exc)
    return result


def _not_sent(task: Task, error: Exception) -> FileResult:
    return crashed(task, f"internal error while sending this file's result: {type(error).__name__}: {error}")


def _run(check: CheckPath, task: Task, memory_limit: int | None, failure: BaseException | None = None) -> FileResult:
    """One task's result under the memory limit; `failure` (the warm-up's) is its error instead."""
    limited = _limit_memory(memory_limit)
    try:
        if failure is not None:
            raise failure
        return check(task)
    except MemoryError:
        return crashed(task, memory_message(memory_limit if limited else None))
    except (Exception, SystemExit) as exc:  # `sys.exit` outside a rule (an analyzer) is a crash of this file too
        return crashed(task, f"internal error while checking this file: {type(exc).__name__}: {exc}")


def _fork_sibling(conn: Connection, check: CheckPath, parent: int, memory_limit: int | None, *, loaded: bool) -> None:
    """Fork a copy of this loaded worker to serve the socket the parent sent after the request. The copy is forked
    twice, so that it is adopted by the parent (a child subreaper), which can then wait for it and read how it
    ended. A worker whose warm-up failed forks nothing: the parent sees the socket close and forks a worker itself."""
    from multiprocessing.reduction import recv_handle

    handle = recv_handle(conn)
    try:
        if loaded:
            _fork_twice(conn, handle, check, parent, memory_limit)
    except OSError:
        pass  # no process to spare: the parent sees the socket close, as above
    finally:
        os.close(handle)


def _fork_twice(conn: Connection, handle: int, check: CheckPath, parent: int, memory_limit: int | None) -> None:
    """Fork a middle process that forks the sibling and exits at once (the sibling is then the parent's to adopt)."""
    middle = os.fork()
    if middle == 0:
        try:
            if os.fork() == 0:
                conn.close()
                _serve_adopted(handle, check, parent, memory_limit)
        finally:
            os._exit(0)
    os.waitpid(middle, 0)


def _serve_adopted(handle: int, check: CheckPath, parent: int, memory_limit: int | None) -> None:
    """A sibling's life: wait to be adopted by the run, say so with its pid, then check files. Never returns."""
    from multiprocessing.connection import Connection

    _close_inherited_pipes()
    sibling = Connection(handle)
    deadline = time.monotonic() + ADOPTION_TIMEOUT
    while os.getppid() != parent and time.monotonic() < deadline:
        time.sleep(0.001)
    _die_with_parent(parent)
    sibling.send(("ready", os.getpid()))
    _loop(sibling, check, parent, memory_limit)
    os._exit(0)


def _close_inherited_pipes() -> None:
    """Close the pipes a sibling inherits from the first worker (beyond the standard streams): the write end of the
    pipe by which the parent sees the first worker end would otherwise stay open here, and the parent would wait for
    its end as long as the sibling lives (Linux: the descriptors are listed in /proc)."""
    with contextlib.suppress(OSError):
        for name in os.listdir("/proc/self/fd"):
            descriptor = int(name)
            with contextlib.suppress(OSError):
                if descriptor > 2 and stat.S_ISFIFO(os.fstat(descriptor).st_mode):
                    os.close(descriptor)


def crashed(task: Task, message: str) -> FileResult:
    return FileResult(task.display, errors=[EngineError(task.display, message)])


def check_in_process(check: CheckPath, task: Task) -> FileResult:
    """`check(task)` in this process, without the isolation: running out of memory still costs one file."""
    try:
        return check(task)
    except MemoryError:
        return crashed(task, memory_message(None))


def memory_message(limit: int | None) -> str:
    if limit is None:
        return "checking this file ran out of memory; it was stopped and not checked"
    return (f"checking this file needed more memory than the per-file memory limit ({limit:,} MiB); it was stopped and "
            "not checked (raise `per-file-memory` if the file is just large)")


def _limit_memory(limit: int | None) -> bool:
    """Let the next file grow this process's address space by `limit` MiB at most; False where that cannot be done."""
    if limit is None or resource is None:
        return False
    size = _statm_bytes("self", _STATM_SIZE)  # Linux; elsewhere RLIMIT_AS is not enforced anyway
    if size is None:
        return False
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = size + limit * _MIB if hard == resource.RLIM_INFINITY else min(size + limit * _MIB, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (OSError, ValueError, IndexError):
        return False
    return True


@dataclass
class _Worker:
    process: Any
    conn: Connection
    task: Task | None = None  # the task it is running
    queued: Task | None = None  # the task sent after it, which the worker starts as soon as it sends its result
    deadline: float | None = None
    started_at: int | None = None  # its resident bytes when it said it was ready (None: not measurable here)
    ready: bool = True  # False for a sibling not forked yet: its task's time limit starts when it says it is ready
    retiring: bool = False  # it has grown too much (`_has_grown`): replaced once the task sent ahead to it is done


class _Adopted:
    """A worker this process did not fork with `multiprocessing`, as a process handle (what `_Worker.process` needs
    of `multiprocessing.Process`): a sibling forked by the pool's first worker, adopted by this process (a child
    subreaper), or the worker forked as the command started (`vibecheck.preload`). This process waits for it and
    reads its exit status. A sibling's pid is known once it says it is ready; it has no sentinel (its socket closes
    as it ends)."""

    sentinel = None

    def __init__(self, pid: int | None = None) -> None:
        self.pid = pid
        self.exitcode: int | None = None

    def is_alive(self) -> bool:
        if self.pid is None or self.exitcode is not None:
            return False
        try:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            return False
        if pid == 0:
            return True
        self.exitcode = os.waitstatus_to_exitcode(status)
        return False

    def join(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout if timeout is not None else START_TIMEOUT)
        if self.is_alive():
            _wait_for_exit(self.pid, deadline - time.monotonic())  # type: ignore[arg-type]  # alive: its pid is known
        while self.is_alive() and time.monotonic() < deadline:
            time.sleep(0.005)

    def kill(self) -> None:
        if self.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)  # type: ignore[arg-type]  # alive: its pid is known


def _wait_for_exit(pid: int, seconds: float) -> None:
    """Return when the process has ended or `seconds` have passed, without polling where Linux says when (a pidfd):
    a hook's run waits for its worker to end after the one result, and a 5 ms poll cost it 4 ms of wall time."""
    try:
        descriptor = os.pidfd_open(pid)
    except (AttributeError, OSError):  # not Linux 5.3+, or it ended and was reaped: the caller polls
        return
    try:
        select.select([descriptor], [], [], max(0.0, seconds))
    except (OSError, ValueError):
        pass
    finally:
        os.close(descriptor)


class WorkerPool:
    """`jobs` worker processes, each running one task (one file) at a time with `make_checker()`'s function.

    While many tasks wait, each busy worker is also sent its next one, so that it starts it without waiting for
    this process to read its result and answer (for two thousand small tasks, that wait kept a worker idle for
    3% of a run). A task sent ahead that its worker never ran (the worker died or overran) goes back to the front of
    the queue; a worker to be replaced for its growth runs the task sent ahead to it first (`_retire`).

    With the fork start method, `make_checker` runs in the forked child and may close over the parent's
    objects (a registry built in this process); with spawn it must be picklable.
    """

    def __init__(self, jobs: int, make_checker: Callable[[], CheckPath], timeout: float | None,
                 memory_limit: int | None = None, warm_up: Callable[[], None] | None = None,
                 siblings: bool = False, preloaded: bool = False, close_later: bool = False) -> None:
        self.jobs = jobs
        self.make_checker = make_checker
        self.warm_up = warm_up
        self.timeout = timeout
        self.memory_limit = memory_limit  # MiB a file may add to its worker's address space
        import multiprocessing

        self.context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        self.workers: list[_Worker] = []
        # the worker the others are forked from (`SIBLINGS`), while it lives; None: they are forked from here
        self.first: _Worker | None = None
        self.siblings = siblings and jobs > 1 and self.context.get_start_method() == "fork"
        self.preloaded = preloaded  # the first worker may be the one forked as the command started
        # `check` only tells the workers to end (`stop`); the caller waits for them with `close`, later
        self.close_later = close_later

    def _start(self) -> _Worker:
        if self.preloaded:
            self.preloaded = False
            worker = self._take_preloaded()
            if worker is not None:
                return worker
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(target=_serve, daemon=True, name="vibecheck-worker",
                                       args=(child_end, self.make_checker, os.getpid(), self.memory_limit, self.warm_up))
        try:
            process.start()
        except (OSError, ValueError, RuntimeError) as exc:
            raise PoolUnavailable(str(exc)) from exc
        child_end.close()
        if not parent_end.poll(START_TIMEOUT):
            process.kill()
            raise PoolUnavailable("a worker process did not start in time")
        try:
            parent_end.recv()
        except (EOFError, OSError) as exc:
            raise PoolUnavailable(f"a worker process died while starting (exit code {process.exitcode})") from exc
        return _Worker(process, parent_end, started_at=None if process.pid is None else resident_bytes(process.pid))

    def _take_preloaded(self) -> _Worker | None:
        """The worker forked as the command started (`vibecheck.preload`), sent what it checks with; None when
        there is none or that cannot be sent (it died, or `make_checker` does not pickle): the caller forks one.
        Like a sibling, it is ready (its task's time limit starts) when it says so, with its imports done; if it
        ends before that, its task goes to a worker forked here (`_collect`)."""
        from vibecheck import preload

        taken = preload.take()
        if taken is None:
            return None
        from multiprocessing.connection import Connection

        pid, endpoint = taken
        conn, process = Connection(endpoint.detach()), _Adopted(pid)
        try:
            conn.send((self.make_checker, self.memory_limit, self.warm_up))
        except (OSError, TypeError, AttributeError, pickle.PicklingError):  # it ended, or a checker that does not
            # pickle: the caller forks a worker
            process.kill()
            process.join(2)
            conn.close()
            return None
        return _Worker(process, conn, ready=False)

    def _start_sibling(self) -> _Worker:
        """A worker forked from the first one (see `SIBLINGS`), else from here."""
        first = self.first
        if first is None or not first.process.is_alive() or not _adopts_orphans():
            return self._start()
        from multiprocessing.reduction import send_handle

        parent_end, child_end = self.context.Pipe()
        try:
            first.conn.send(_FORK_SIBLING)
            send_handle(first.conn, child_end.fileno(), first.process.pid)
        except (OSError, ValueError):  # the first worker is gone: its sentinel reports it
            parent_end.close()
            return self._start()
        finally:
            child_end.close()
        return _Worker(_Adopted(), parent_end, ready=False)

    def check(self, tasks: Sequence[Task], more: Callable[[], Sequence[Task]] | None = None,
              idle: Callable[[], None] | None = None) -> Iterator[tuple[Task, FileResult]]:
        """Each task with its result, in completion order; a task whose worker died or overran gets an `EngineError`.

        `more` gives tasks to run after `tasks`; it is called once the workers have their first tasks, so that
        what it computes overlaps their work (and more workers start if its tasks need them). `idle` is called once,
        when every task is handed out and the pool first waits for a result, for the same reason. Done, it closes the
        pool, or with `close_later` tells the workers to end and leaves the wait for them to `close`."""
        pending = deque(tasks)
        try:
            if not self.workers:
                self.start_early()
            while len(self.workers) < max(1, min(self.jobs, len(tasks))):
                self.workers.append(self._start_sibling())
            while pending or more is not None or any(w.task is not None for w in self.workers):
                for worker in self.workers:
                    if worker.task is None and pending:
                        self._assign(worker, pending.popleft())
                if more is not None:
                    pending.extend(more())
                    more = None
                    self._add_workers(len(pending))
                    continue
                self._send_ahead(pending)
                if idle is not None and not pending:
                    idle()
                    idle = None
                yield from self._collect(pending)
        finally:
            if self.close_later:
                self.stop()
            else:
                self.close()

    def start_early(self) -> None:
        """Start the first worker before the tasks are known (its `warm_up` then overlaps this process's work
        until `check`); raises `PoolUnavailable`."""
        if not self.workers:
            self.workers.append(self._start())
            if self.siblings:
                self.first = self.workers[0]

    def _send_ahead(self, pending: deque[Task]) -> None:
        """Give each busy worker its next task while at least one task per worker waits (at the end of the queue,
        a task sent ahead could wait behind a long file while another worker idles)."""
        for worker in self.workers:
            if len(pending) < len(self.workers):
                return
            if worker.task is not None and worker.queued is None and not worker.retiring:
                worker.queued = pending.popleft()
                with contextlib.suppress(OSError, ValueError):  # a dead worker: its sentinel reports it in `_collect`
                    worker.conn.send(worker.queued)

    def _add_workers(self, waiting: int) -> None:
        """Start workers for `waiting` tasks, up to `jobs` in all."""
        busy = sum(worker.task is not None for worker in self.workers)
        while len(self.workers) < min(self.jobs, busy + waiting):
            self.workers.append(self._start_sibling())

    def _assign(self, worker: _Worker, task: Task) -> None:
        self._begin(worker, task)
        with contextlib.suppress(OSError, ValueError):  # a dead worker: its sentinel reports it in `_collect`
            worker.conn.send(task)

    def _begin(self, worker: _Worker, task: Task | None) -> None:
        """The worker runs `task` from now (its time limit starts)."""
        worker.task = task
        worker.deadline = time.monotonic() + self.timeout * _size(task) if self.timeout and task is not None and worker.ready \
            else None

    def _collect(self, pending: deque[Task]) -> Iterator[tuple[Task, FileResult]]:
        busy = [w for w in self.workers if w.task is not None]
        deadlines = [w.deadline for w in busy if w.deadline is not None]
        wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        ready = _readable([w.conn for w in busy] + [w.process.sentinel for w in busy if w.process.sentinel is not None],
                          wait_for)
        for index, worker in enumerate(self.workers):
            task = worker.task
            if task is None:
                continue
            if worker.conn in ready or worker.process.sentinel in ready:
                try:
                    result = worker.conn.recv() if worker.conn in ready or worker.conn.poll() else None
                except (EOFError, OSError):
                    result = None
                if not worker.ready:
                    if type(result) is tuple and result[0] == "ready":
                        self._adopt(worker, result[1])
                    else:  # no sibling was forked (the first worker died, or its warm-up failed), or the
                        # preloaded worker ended before it was ready: a worker forked from here
                        self._stop(worker, pending)
                        self.workers[index] = self._start()
                    continue
                if isinstance(result, (FileResult, BatchResult)):
                    self._begin(worker, worker.queued)
                    worker.queued = None
                    if worker.retiring or _has_grown(worker):
                        self._retire(index, pending)
                    if isinstance(result, BatchResult):
                        yield from zip(cast(Batch, task).tasks, result.parts, strict=True)  # only a batch's worker sends one
                    else:
                        yield task, result
                    continue
                worker.process.join(1)
                if isinstance(task, Batch):  # one of its tasks killed the worker: each again alone
                    pending.extendleft(reversed(task.tasks))
                else:
                    yield task, crashed(task, f"the worker process checking this file died "
                                        f"({_how(worker.process.exitcode, self.memory_limit)}); the file was not checked")
            elif worker.deadline is not None and time.monotonic() >= worker.deadline:
                if isinstance(task, Batch):  # one of its tasks overran: each again alone, under its own limit
                    pending.extendleft(reversed(task.tasks))
                else:
                    yield task, crashed(task, f"checking this file took longer than the per-file timeout ({self.timeout:g} s); "
                                        "it was stopped and not checked (raise `per-file-timeout` if the file is just large)")
            else:
                continue
            worker.task = None  # it has its result: the crash
            self._stop(worker, pending)
            self.workers[index] = self._start()

    def _adopt(self, worker: _Worker, pid: int) -> None:
        """A sibling said it is ready: its pid is known, and its task's time limit starts."""
        worker.process.pid = pid
        worker.ready = True
        worker.started_at = resident_bytes(pid)
        if self.timeout and worker.task is not None:
            worker.deadline = time.monotonic() + self.timeout * _size(worker.task)

    def _retire(self, index: int, pending: deque[Task]) -> None:
        """Replace a worker that has grown too much once it is idle, if a task waits for it. One that already runs the
        task sent ahead to it finishes that first and is sent no other: killed at once, it would lose what it had done
        of that task, which went back to the queue and was checked again from its start. Once no task waits, it is
        left as it is (it ends with the pool): a fresh one would be forked for nothing."""
        worker = self.workers[index]
        if worker.task is not None or not pending:
            worker.retiring = True
            return
        try:
            fresh = self._start()
        except PoolUnavailable:  # no new one starts: the old one stays, and is sent tasks ahead again
            worker.retiring = False
            return
        self._stop(worker, pending)
        self.workers[index] = fresh

    def _stop(self, worker: _Worker, pending: deque[Task]) -> None:
        """Kill the worker; the task it was sent ahead, and the one it was running unless that has its result,
        go back to the front of the queue."""
        pending.extendleft(task for task in (worker.queued, worker.task) if task is not None)
        worker.task = worker.queued = None
        if worker is self.first:
            self.first = None
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()

    def stop(self) -> None:
        """Tell every worker to end, without waiting for it (`close` does): a worker's exit, which frees its memory (4 ms
        of a hook on Django), then overlaps this process's work, such as the project phase."""
        for worker in self.workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)

    def close(self) -> None:
        self.stop()
        for worker in self.workers:
            worker.process.join(2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(2)
            worker.conn.close()
        self.workers = []
        self.first = None


def _readable(objects: list[Any], timeout: float | None) -> set[Any]:
    """Those of `objects` (connections, process sentinels) that are readable or closed, after waiting up to `timeout`
    seconds (None: without end) for one: `multiprocessing.connection.wait`, with one `select.poll` for its selector and
    the selector's keys. The pool waits once per result (1,900 times on Django), and that wait's objects cost more
    than the kernel's answer."""
    if not hasattr(select, "poll"):
        from multiprocessing.connection import wait

        return set(wait(objects, timeout))
    poller = select.poll()
    by_handle = {}
    for obj in objects:
        handle = obj if isinstance(obj, int) else obj.fileno()
        by_handle[handle] = obj
        poller.register(handle, select.POLLIN)
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        events = poller.poll(None if timeout is None else math.ceil(max(timeout, 0.0) * 1000))
        if events:
            return {by_handle[handle] for handle, _ in events}
        if deadline is not None:
            timeout = deadline - time.monotonic()
            if timeout <= 0:
                return set()


def _size(task: Task | None) -> int:
    """How many tasks `task` is: a batch's count, else 1."""
    return len(task.tasks) if isinstance(task, Batch) else 1


def _adopts_orphans() -> bool:
    """Make this process the child subreaper of its descendants (Linux), so that a sibling forked twice from the first
    worker becomes its child; False where that cannot be done (the siblings are then forked from here)."""
    pid = os.getpid()
    if pid not in _ADOPTING:  # per process: a forked child (a resident server's command) is no subreaper
        _ADOPTING[pid] = False
        if sys.platform.startswith("linux"):
            import ctypes

            with contextlib.suppress(OSError, AttributeError):
                _ADOPTING[pid] = ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, 1) == 0
    return _ADOPTING[pid]


_ADOPTING: dict[int, bool] = {}


def resident_bytes(pid: int) -> int | None:
    """The resident memory of a process; None where it cannot be read."""
    return _statm_bytes(pid, _STATM_RESIDENT)


def _statm_bytes(pid: int | str, field: int) -> int | None:
    """One field of `/proc/PID/statm` (Linux), in bytes; None where it cannot be read. Read with `os.read`, not a
    buffered file: a worker reads its own before each task (1,900 index tasks on Django) and the parent a worker's
    after each result, and the file object cost more than the kernel's answer."""
    try:
        handle = os.open(f"/proc/{pid}/statm", os.O_RDONLY)
    except OSError:
        return None
    try:
        return int(os.read(handle, _STATM_READ).split()[field]) * _page_size()
    except (OSError, ValueError, IndexError):
        return None
    finally:
        os.close(handle)


@functools.cache
def _page_size() -> int:
    return os.sysconf("SC_PAGE_SIZE")


def _has_grown(worker: _Worker) -> bool:
    if worker.started_at is None:
        return False
    now = resident_bytes(worker.process.pid)
    return now is not None and now - worker.started_at > RECYCLE_GROWTH


def _how(exitcode: int | None, memory_limit: int | None = None) -> str:
    if exitcode is None:
        return "it stopped answering"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            return f"killed by signal {-exitcode}"
        if name == "SIGABRT" and memory_limit is not None and resource is not None:
            return (f"killed by SIGABRT: native code aborts so when it reaches the per-file memory limit of "
                    f"{memory_limit:,} MiB; raise `per-file-memory` if the file is just large")
        return f"killed by {name}"
    return f"it exited with code {exitcode} without a result"
