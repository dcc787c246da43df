"""A resident server for one environment: vibecheck, libcst, bandit and the rule packs imported once, a child forked
per command (`vibecheck.entry` is the other side).

Only imports and tables that depend on the installed code are made ahead: each child reads its settings, cache
and files as a command of its own would, so a command's output is the same with or without a server. The server
stamps every module file it imported and the folders of `sys.path` (where installing or removing a package shows);
a command arriving after any of them changed is declined (it runs in its own process) and the server exits, so
an upgrade, a new rule pack or an edit of an editable install never meets old code. The server also exits after
`idle` seconds without a command, on `vibecheck server stop`, or when its socket is taken over.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import struct
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from typing import Any

from vibecheck import gc_tuning, server_socket

DEFAULT_IDLE = 30 * 60  # seconds without a command before the server exits
LOG = "server.log"
REQUEST_TIMEOUT = 10.0  # seconds a connected command has to send its request
_PEER_CREDENTIALS = struct.Struct("3i")
RAN, ANSWERED, EXIT = "ran", "answered", "exit"  # what serving one connection came to  # Linux `SO_PEERCRED`: pid, uid, gid


def preload() -> None:
    """Import what every command needs: the command line, libcst and the engine, every rule pack, bandit's checks."""
    import vibecheck.cli  # noqa: F401 -- click, rich, the commands and the reporters
    import vibecheck.engine  # noqa: F401 -- libcst
    from vibecheck.analyzers import analyzers
    from vibecheck.manifest import manifest_text
    from vibecheck.registry import load_registry

    registry = load_registry()
    _ = registry.rules
    for analyzer in analyzers():
        analyzer.load()
    manifest_text(registry)  # what each command compares with its project's saved manifest


def code_stamps() -> dict[str, tuple[int, int]]:
    """The files the server's code came from, their folders (a module added to a pack shows there) and the folders
    of `sys.path` (a package installed or removed), with their modification time and size."""
    files = {path for module in list(sys.modules.values()) if isinstance(path := getattr(module, "__file__", None), str)}
    paths = files | {os.path.dirname(path) for path in files} | {folder for folder in sys.path if folder}
    stamps = {}
    for path in paths:
        with contextlib.suppress(OSError):
            info = os.stat(path)
            stamps[path] = (info.st_mtime_ns, info.st_size)
    return stamps


def changed(stamps: dict[str, tuple[int, int]]) -> bool:
    for path, stamp in stamps.items():
        try:
            info = os.stat(path)
        except OSError:
            return True
        if (info.st_mtime_ns, info.st_size) != stamp:
            return True
    return False


def serve(path: str, idle: float = DEFAULT_IDLE) -> None:
    """Listen at `path` until idle, stopped or stale; each command runs in a forked child."""
    from vibecheck.gc_tuning import tune_gc

    preload()
    tune_gc()
    stamps = code_stamps()
    with _listening(path) as (listener, inode):
        _log(f"server {os.getpid()} listening at {path}")
        deadline = time.monotonic() + idle
        while True:
            _reap()
            ready, _, _ = select.select([listener], [], [], max(0.0, min(1.0, deadline - time.monotonic())))
            if not ready:
                if time.monotonic() >= deadline or not _still_ours(path, inode):
                    return
                continue
            try:
                connection, _ = listener.accept()
            except (BlockingIOError, ConnectionAbortedError):  # the command went away before it was accepted
                continue
            with connection:
                outcome = _answer(connection, listener, stamps)
            if outcome == EXIT:
                return
            if outcome == RAN:  # a control request (`status`) does not keep the server alive
                deadline = time.monotonic() + idle


@contextlib.contextmanager
def _listening(path: str) -> Iterator[tuple[socket.socket, int]]:
    """A socket bound under a temporary name and renamed to `path` once listening (a command never connects to a
    half-made one), with the inode of its name; removed at the end if it is still ours."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    temporary = f"{path}.new"
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)
    listener.bind(temporary)
    listener.listen(16)
    os.rename(temporary, path)
    listener.setblocking(False)
    mine = os.stat(path).st_ino
    try:
        yield listener, mine
    finally:
        listener.close()
        with contextlib.suppress(OSError):
            if os.stat(path).st_ino == mine:
                os.unlink(path)


def _log(line: str) -> None:
    """A line in the server's log (its standard output, `server.log` beside the socket)."""
    sys.stdout.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {line}\n")
    sys.stdout.flush()


def _still_ours(path: str, inode: int) -> bool:
    """False once the socket's name is gone or another server's (the folder was cleaned, or a second `start` raced)."""
    try:
        return os.stat(path).st_ino == inode
    except OSError:
        return False


def _reap() -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def _answer(connection: socket.socket, listener: socket.socket, stamps: dict[str, tuple[int, int]]) -> str:
    """Serve one connection: `RAN` a command, `ANSWERED` (or ignored) a request, or `EXIT` (stopped, stale)."""
    connection.setblocking(True)
    connection.settimeout(REQUEST_TIMEOUT)
    if not _same_user(connection):
        return ANSWERED
    try:
        request, fds = server_socket.receive_message(connection, 3)
    except (OSError, ValueError):
        return ANSWERED
    try:
        if not isinstance(request, dict):
            return ANSWERED
        if request.get("stop"):
            _reply(connection, f"stopping {os.getpid()}")
            return EXIT
        if request.get("status"):
            _reply(connection, f"running {os.getpid()}")
            return ANSWERED
        if len(fds) != 3:
            _reply(connection, "declined streams")
            return ANSWERED
        if changed(stamps):
            _reply(connection, "declined stale")
            return EXIT
        try:
            child = os.fork()
        except OSError as exc:  # no process to spare (a process limit): the command runs in its own
            _reply(connection, "declined fork")
            _log(f"could not fork for a command: {exc}")
            return ANSWERED
        if child == 0:
            _run_child(connection, listener, request, fds)
        _log(f"process {child} runs a command")
        return RAN
    finally:
        for fd in fds:
            with contextlib.suppress(OSError):
                os.close(fd)


def _same_user(connection: socket.socket) -> bool:
    """On Linux, the peer's user must be ours (the folder's mode already keeps others out elsewhere)."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True
    with contextlib.suppress(OSError):
        _, uid, _ = _PEER_CREDENTIALS.unpack(connection.getsockopt(socket.SOL_SOCKET, option, _PEER_CREDENTIALS.size))
        return uid == os.getuid()
    return False


def _reply(connection: socket.socket, line: str) -> None:
    with contextlib.suppress(OSError):
        connection.sendall(line.encode() + b"\n")


def _run_child(connection: socket.socket, listener: socket.socket, request: dict[str, Any], fds: list[int]) -> None:
    """In the forked child: become the command's process, run the command line, send its exit code. Never returns."""
    code = 2
    try:
        listener.close()
        connection.settimeout(None)
        _become(request, fds)
        gc_tuning.end_at_once()
        _reply(connection, f"started {os.getpid()}")
        code = _run_command(request["argv"])
    except BaseException:  # the command exits 2, with the failure on its stderr if that can still be written
        with contextlib.suppress(OSError, ValueError):
            traceback.print_exc()
    finally:
        with contextlib.suppress(OSError, ValueError):  # a closed or broken stream of the command's
            sys.stdout.flush()
            sys.stderr.flush()
        _reply(connection, f"exit {code}")
        os._exit(code)


def _become(request: dict[str, Any], fds: list[int]) -> None:
    """Take the command's streams, folder, environment, `sys.path` and umask."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update({str(k): str(v) for k, v in request["env"].items()})
    sys.path[:] = [str(folder) for folder in request["path"]]
    os.umask(int(request["umask"]))
    streams = request.get("streams", {})
    for fd, (name, mode) in enumerate((("stdin", "r"), ("stdout", "w"), ("stderr", "w"))):
        encoding, errors = streams.get(name) or (None, None)
        line_buffered = mode == "w" and (name == "stderr" or os.isatty(fd))  # as Python sets up its own streams
        stream = open(fd, mode, buffering=1 if line_buffered else -1, encoding=encoding, errors=errors,  # noqa: SIM115 -- the process's own stream, open until it exits
                      closefd=False)
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)


def _run_command(argv: list[str]) -> int:
    from vibecheck.cli import main

    sys.argv = ["vibecheck", *argv]
    try:
        main(argv)
    except SystemExit as exit_:
        return _exit_code(exit_.code)
    return 0


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")  # `sys.exit("message")` prints the message and exits 1
    return 1


def log_path(path: str) -> str:
    """The server's own log, beside its socket: a line per command."""
    return os.path.join(os.path.dirname(path), LOG)


def start_for_later_commands() -> None:
    """Start this environment's server in the background without waiting for it, for the commands that come after
    this one (`vibecheck hook` runs after every edit an agent makes); nothing when it cannot be started here."""
    path = server_socket.socket_path(sys.path, create=True)
    if path is not None and server_socket.fits(path):
        with contextlib.suppress(OSError):
            start_detached(path, DEFAULT_IDLE, log_path(path))


def start_detached(path: str, idle: float, log: str) -> subprocess.Popen[bytes]:
    """Start a server in a new session, detached from this terminal."""
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    command = [sys.executable, "-c", "import sys; from vibecheck.server import main; main(sys.argv[1:])", path, str(idle)]
    with open(log, "wb") as output:  # each server's own log: a line per command
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=output, stderr=output, cwd="/",
                                start_new_session=True, env=environment, close_fds=True)


def main(arguments: list[str]) -> None:
    """`python -c ... PATH IDLE`: the detached server's own entry."""
    path, idle = arguments
    serve(path, float(idle))


def ask(path: str, request: dict[str, Any], timeout: float = 5.0) -> str | None:
    """Send a control request (`stop`, `status`) and return the server's answer line; None when none answers."""
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connection.settimeout(timeout)
    try:
        with connection:
            connection.connect(path)
            server_socket.send_message(connection, request)
            return connection.makefile("rb").readline().decode("ascii", "replace").strip() or None
    except OSError:
        return None


def wait_until(check: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return check()
