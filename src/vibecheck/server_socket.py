"""Where a resident server (`vibecheck server`) listens, and how the command and the server talk.

A server answers only the commands that would run exactly its code: its socket is named by a digest of the
Python interpreter, its version and flags, `sys.path` (as the command sees it once its own script folder is dropped) and
vibecheck's folder. The socket lives in a folder that only the user can enter (`$XDG_RUNTIME_DIR`, else the temp
folder), which both sides check before use: another user's planted folder or link is never followed.

A message is a 4-byte length, then that many bytes of JSON; the command's request carries its standard streams
as file descriptors (`SCM_RIGHTS`). The server's answers are lines: `started PID`, then `exit CODE`, or
`declined REASON` (the command then runs in its own process, as with no server).

Only the standard library is imported here: this module runs before every command.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import stat
import struct
import sys

NO_SERVER_ENV = "VIBECHECK_NO_SERVER"  # set (to anything) to run every command in its own process
MESSAGE_LIMIT = 8 * 1024 * 1024  # bytes: a request carries the environment and `sys.path`, far below this
_LENGTH = struct.Struct("!I")
SOCKET_PATH_LIMIT = 100  # bytes, with room for the temporary name it is bound under (macOS allows 103, Linux 107)


def supported() -> bool:
    """Resident servers need `fork`, Unix sockets and descriptor passing (Linux, macOS; not Windows)."""
    return hasattr(os, "fork") and hasattr(socket, "AF_UNIX") and hasattr(socket, "send_fds") and hasattr(os, "getuid")


def folder_path() -> str:
    """The user's socket folder: in `$XDG_RUNTIME_DIR` (a per-user folder), else in the temp folder."""
    # a shared temp folder is safe here: `private_folder` uses the folder only if it is the user's own, mode 0700
    base = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("TMPDIR") or "/tmp"  # vibecheck: ignore[B108] -- see above
    return os.path.join(base, f"vibecheck-{os.getuid()}")


def private_folder(*, create: bool) -> str | None:
    """The user's socket folder, created (mode 0700) when asked; None when it is missing, or not a real folder of
    this user's that nobody else may enter."""
    folder = folder_path()
    if create:
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return None
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return folder


def identity(path: list[str]) -> str:
    """The digest that names the server for this interpreter, its flags (`-X utf8`, `-O`, ...) and this `sys.path`."""
    here = os.path.dirname(os.path.realpath(__file__))
    described = [os.path.realpath(sys.executable), sys.version, repr(sys.flags), path, here]
    return hashlib.sha256(json.dumps(described).encode()).hexdigest()[:16]


def socket_path(path: list[str], *, create: bool = False) -> str | None:
    """Where the server for `path` (a `sys.path`) listens; None when the private folder is not there."""
    folder = private_folder(create=create)
    return None if folder is None else os.path.join(folder, f"{identity(path)}.sock")


def fits(path: str) -> bool:
    """Whether a socket can be bound at `path`, with room for the temporary name it is bound under first."""
    return len(os.fsencode(path)) <= SOCKET_PATH_LIMIT


def send_message(connection: socket.socket, message: object, fds: tuple[int, ...] = ()) -> None:
    data = json.dumps(message).encode()
    framed = _LENGTH.pack(len(data)) + data
    sent = socket.send_fds(connection, [framed], list(fds)) if fds else 0
    connection.sendall(framed[sent:])


def receive_message(connection: socket.socket, max_fds: int = 0) -> tuple[object, list[int]]:
    """One message and the descriptors that came with it; `ValueError` for a malformed or oversized one (the
    descriptors are closed then), `OSError` when the peer goes away."""
    data, fds, _, _ = socket.recv_fds(connection, 65536, max_fds)
    try:
        if len(data) < _LENGTH.size:
            raise ValueError("a message shorter than its length")
        (length,) = _LENGTH.unpack_from(data)
        if length > MESSAGE_LIMIT:
            raise ValueError(f"a message of {length:,} bytes")
        body = bytearray(data[_LENGTH.size:])
        while len(body) < length:
            chunk = connection.recv(min(1 << 20, length - len(body)))
            if not chunk:
                raise ValueError("a message cut short")
            body += chunk
        return json.loads(bytes(body[:length])), fds
    except (ValueError, OSError):
        for fd in fds:
            os.close(fd)
        raise
