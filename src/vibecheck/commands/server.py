"""`vibecheck server start|stop|status`: a resident server that runs each command without paying for its imports.

For a coding agent's hook, a command is started after every edit; half of a one-file run is importing
vibecheck, libcst, bandit and the rule packs. A server started once (as `dmypy start` starts mypy's daemon) has
them imported, and every `vibecheck` command run in the same environment is run by a child forked from it
(`vibecheck.entry`, `vibecheck.server`). Exit codes: 0 done, 1 not supported here or not running (`status`,
`stop`), 2 the server could not be started.
"""

from __future__ import annotations

import sys

import click

from vibecheck import server, server_socket
from vibecheck.reporters.escaping import printable

START_WAIT = 60.0  # seconds for a new server to import everything and listen


@click.group("server")
def server_command() -> None:
    """A resident server for this environment: later `vibecheck` commands skip half a second of imports."""


@server_command.command("start")
@click.option("--idle-timeout", type=click.IntRange(min=1), default=server.DEFAULT_IDLE, show_default=True,
              help="Stop after this many seconds without a command.")
def start_command(idle_timeout: int) -> None:
    """Start the server in the background (nothing happens if one is running)."""
    path = _path(create=True)
    running = server.ask(path, {"status": True})
    if running is not None:
        click.echo(f"vibecheck server already {printable(running)} at {printable(path)}", err=True)
        sys.exit(0)
    log = server.log_path(path)
    process = server.start_detached(path, idle_timeout, log)
    listening = server.wait_until(lambda: process.poll() is not None or server.ask(path, {"status": True}) is not None,
                                  START_WAIT)
    if not listening or process.poll() is not None:
        click.echo(f"vibecheck: error: the server (process {process.pid}) did not start; see {printable(log)}", err=True)
        sys.exit(2)
    click.echo(f"vibecheck server running {process.pid} at {printable(path)}; it stops after {idle_timeout} s without a "
               "command, when vibecheck's code changes, or with `vibecheck server stop`", err=True)


@server_command.command("stop")
def stop_command() -> None:
    """Stop this environment's server."""
    answer = server.ask(_path(), {"stop": True})
    click.echo("vibecheck server stopped" if answer else "vibecheck server is not running", err=True)
    sys.exit(0 if answer else 1)


@server_command.command("status")
def status_command() -> None:
    """Say whether this environment's server is running (exit 0) or not (exit 1)."""
    path = _path()
    answer = server.ask(path, {"status": True})
    click.echo(f"vibecheck server {printable(answer)} at {printable(path)}" if answer else "vibecheck server is not running",
               err=True)
    sys.exit(0 if answer else 1)


def _path(*, create: bool = False) -> str:
    if not server_socket.supported():
        click.echo("vibecheck: error: a resident server needs fork and Unix sockets (Linux, macOS)", err=True)
        sys.exit(1)
    path = server_socket.socket_path(sys.path, create=create)
    if path is None and not create:
        click.echo("vibecheck server is not running", err=True)
        sys.exit(1)
    if path is None:
        folder = server_socket.folder_path()
        click.echo(f"vibecheck: error: no private folder for the server's socket ({printable(folder)} is missing, "
                   "or another user's, or open to others)", err=True)
        sys.exit(2)
    if create and not server_socket.fits(path):
        click.echo(f"vibecheck: error: the server's socket path {printable(path)} is too long for a Unix socket; set "
                   "XDG_RUNTIME_DIR to a shorter folder", err=True)
        sys.exit(2)
    return path
