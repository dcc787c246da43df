"""The `vibecheck` command's entry: run by a resident server (`vibecheck server start`) when one is running for
this environment, else in this process.

A server has imported vibecheck, libcst, bandit and the rule packs once; for each command it forks a child that
runs the command line exactly as this process would (same arguments, folder, environment, `sys.path`, umask and
standard streams, passed as descriptors), so the command skips about half a second of imports. This process waits
for the child's exit code and exits with it; Ctrl-C is passed on to the child. With no server (or
`VIBECHECK_NO_SERVER` set, or a server that declines: it found its code changed on disk), the command runs here;
`vibecheck hook` then starts a server for the hook runs that follow it (`SERVER_STARTING_COMMANDS`).
"""

from __future__ import annotations

import os
import signal
import socket
import sys

from vibecheck import dataclass_code, gc_tuning, preload, server_socket

TYPE_CHECKING = False  # `typing` is not imported for every command (mypy reads this name as true)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import IO

LOCAL_COMMANDS = frozenset({"server"})  # commands that manage the server run here, never in it
# Commands run again and again in one session (a coding agent's hook, after every edit): run here because no server
# took them, they start one in the background for the next runs, as Gradle's first build starts its daemon.
SERVER_STARTING_COMMANDS = frozenset({"hook"})
# Commands whose process ends without freeing its objects (`_end_at_once`): they write only their standard streams and
# files they close. A check of a large project holds every file's facts and the project model at its end: freeing
# them one by one, on one core after the report was out, kept a cold run on Django's django/ going 22 ms longer (the
# report's end to the run's: 39 -> 17 ms, medians of 5 interleaved runs).
QUICK_EXIT_COMMANDS = frozenset({"hook", preload.CHECK_COMMAND, "fix"})
_exit_code: list[int] = []  # the exit code the command line ended with, once it ended with one
STDIN_ARGUMENTS = frozenset({"-", "--stdin-filename", "hook"})  # what makes a command read its stdin
START_TIMEOUT = 10.0  # seconds for a server to take the command (it answers at once unless it is stopped)


def drop_script_folder() -> None:
    """The `vibecheck` command starts with its own folder (the environment's `bin/`) first on `sys.path`, where
    `python -m vibecheck` has none (`vibecheck.__main__`). The import rules' answers, and so the cache key, read
    `sys.path`: without that folder, which holds no module, both ways of running share one cache (and one server)."""
    script = sys.argv[0] if sys.argv else ""
    if sys.path and script and os.path.isfile(script) \
            and os.path.realpath(sys.path[0] or ".") == os.path.dirname(os.path.realpath(script)):
        del sys.path[0]


def main() -> None:
    drop_script_folder()
    arguments = sys.argv[1:]
    serving = server_socket.supported() and not os.environ.get(server_socket.NO_SERVER_ENV)
    if serving and not LOCAL_COMMANDS.intersection(arguments[:1]) and not _reads_terminal(arguments):
        code = run_in_server(arguments)
        if code is not None:
            sys.exit(code)
    if _command(arguments) in QUICK_EXIT_COMMANDS:
        import atexit

        atexit.register(_end_at_once)  # registered first, so it runs after every other exit handler
        gc_tuning.end_at_once()
    gc_tuning.tune_gc()  # before the command line's imports: at Python's thresholds they ran 55 collections, for nothing
    dataclass_code.install()  # before the first dataclass, and before the fork below, which inherits it
    preload.start(arguments)  # before the command line's imports, which the preloading worker overlaps
    from vibecheck.cli import main as run_here

    if not (serving and SERVER_STARTING_COMMANDS.intersection(arguments[:1])):
        _run_noting_exit_code(run_here)
        return
    try:
        _run_noting_exit_code(run_here)
    finally:  # once this command's answer is out, so that the server's imports do not slow it down
        preload.discard()
        from vibecheck.server import start_for_later_commands

        start_for_later_commands()


def _command(arguments: list[str]) -> str:
    """The command the arguments name: their first word when it names one, else `check` (`vibecheck PATH...`, as the
    command line reads them)."""
    first = arguments[0] if arguments else ""
    return first if first in preload.OTHER_COMMANDS else preload.CHECK_COMMAND


def _run_noting_exit_code(command: Callable[[], object]) -> None:
    """Run the command line, noting the exit code it ends with for `_end_at_once`."""
    try:
        command()
    except SystemExit as exc:
        _exit_code[:] = [_code_of(exc.code)]
        raise
    _exit_code[:] = [0]


def _code_of(code: object) -> int:
    """The process's exit code for `sys.exit(code)`, as Python sets it (a message, printed already, exits 1)."""
    if code is None:
        return 0
    return code if isinstance(code, int) else 1


def _end_at_once() -> None:
    """The last exit handler of a quick-exit command (`QUICK_EXIT_COMMANDS`) that ended with an exit code: flush the
    standard streams and end the process, instead of the interpreter freeing every object one by one first (7 ms of a
    hook on Django, whose run holds the project's facts). Python has printed the exit's message or an error's
    traceback and joined the other threads before the exit handlers; an interrupted or crashed command (no code
    noted) ends as usual."""
    if not _exit_code:
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed or broken stream: nothing more can be written to it anyway
            pass
    os._exit(_exit_code[0])


def _reads_terminal(arguments: list[str]) -> bool:
    """A command that may read a terminal on its stdin runs here: the server's child is not in the terminal's
    foreground process group, and reading it would stop the child."""
    if not os.isatty(0):
        return False
    return any(argument in STDIN_ARGUMENTS or argument.startswith("--stdin-filename=") for argument in arguments)


def run_in_server(arguments: list[str]) -> int | None:
    """The command's exit code from the server's child; None when no server took the command (run it here)."""
    path = server_socket.socket_path(sys.path)
    if path is None:
        return None
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connection.settimeout(START_TIMEOUT)
    try:
        connection.connect(path)
        umask = os.umask(0o077)
        os.umask(umask)
        streams = {name: [stream.encoding, stream.errors] for name, stream in
                   (("stdin", sys.stdin), ("stdout", sys.stdout), ("stderr", sys.stderr)) if stream is not None}
        request = {"argv": arguments, "cwd": os.getcwd(), "env": dict(os.environ), "path": sys.path, "umask": umask,
                   "streams": streams}
        server_socket.send_message(connection, request, (0, 1, 2))
        replies = connection.makefile("rb")
        first = replies.readline().split()
        child = int(first[1]) if len(first) == 2 and first[0] == b"started" else None
    except (OSError, ValueError):
        child = None  # no server, or one that went away (or declined) before it took the command
    if child is None:
        connection.close()
        return None
    connection.settimeout(None)
    with connection, replies:
        return _wait(replies, child)


def _wait(replies: IO[bytes], child: int) -> int:
    """Wait for the child's exit line; Ctrl-C here is sent on to the child, which stops as a local run would."""
    while True:
        try:
            line = replies.readline()
        except KeyboardInterrupt:
            try:
                os.kill(child, signal.SIGINT)
            except OSError:
                return 130
            continue
        except OSError:
            line = b""
        words = line.split()
        if len(words) == 2 and words[0] == b"exit":
            return int(words[1])
        if not line:
            sys.stderr.write("vibecheck: error: the resident server's process running this command died; run it "
                             f"again with {server_socket.NO_SERVER_ENV}=1, or `vibecheck server stop`\n")
            return 2
