"""The resident server's parts: its messages, its code stamps, and one server answering control requests."""

from __future__ import annotations

import multiprocessing
import os
import socket
import sys
import tempfile
from pathlib import Path

import pytest

from vibecheck import entry, server, server_socket

pytestmark = pytest.mark.skipif(not server_socket.supported(), reason="resident servers need fork and Unix sockets")


def test_a_message_and_its_descriptors_arrive_whole() -> None:
    left, right = socket.socketpair()
    reader, writer = os.pipe()
    with left, right:
        message = {"argv": ["check", "x" * 200_000], "env": {"A": "1"}}  # larger than one read
        server_socket.send_message(left, message, (writer,))
        received, fds = server_socket.receive_message(right, 3)
    assert received == message
    assert len(fds) == 1
    os.write(fds[0], b"through")
    assert os.read(reader, 7) == b"through"
    for fd in (reader, writer, *fds):
        os.close(fd)


def test_an_oversized_or_cut_message_is_refused_and_its_descriptors_closed() -> None:
    left, right = socket.socketpair()
    reader, writer = os.pipe()
    with left, right:
        socket.send_fds(left, [(server_socket.MESSAGE_LIMIT + 1).to_bytes(4, "big")], [writer])
        with pytest.raises(ValueError, match="bytes"):
            server_socket.receive_message(right, 3)
    os.close(writer)
    assert os.read(reader, 1) == b""  # every copy of the write end is closed: the received one too
    os.close(reader)
    left, right = socket.socketpair()
    with right:
        left.sendall((100).to_bytes(4, "big") + b"{}")
        left.close()
        with pytest.raises(ValueError, match="cut short"):
            server_socket.receive_message(right)


def test_a_changed_file_or_folder_makes_the_stamps_stale(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text("x = 1\n", encoding="utf-8")
    info = module.stat()
    stamps = {str(module): (info.st_mtime_ns, info.st_size)}
    assert not server.changed(stamps)
    module.write_text("x = 22\n", encoding="utf-8")
    assert server.changed(stamps)
    module.unlink()
    assert server.changed(stamps)


def test_the_stamps_hold_the_loaded_modules_their_folders_and_the_path() -> None:
    stamps = server.code_stamps()
    assert server.__file__ in stamps
    assert os.path.dirname(server.__file__) in stamps
    assert any(folder in stamps for folder in sys.path if folder)
    assert not server.changed(stamps)


def test_a_server_answers_status_and_stops_on_request() -> None:
    folder = tempfile.mkdtemp(prefix="vc-", dir="/tmp")
    path = os.path.join(folder, "test.sock")
    process = multiprocessing.get_context("fork").Process(target=server.serve, args=(path, 30.0))
    process.start()
    try:
        assert server.wait_until(lambda: server.ask(path, {"status": True}) is not None, 60)
        assert server.ask(path, {"status": True}) == f"running {process.pid}"
        assert server.ask(path, {"stop": True}) == f"stopping {process.pid}"
        process.join(10)
        assert process.exitcode == 0
        assert not os.path.exists(path)
    finally:
        if process.is_alive():
            process.kill()
        os.rmdir(folder)


@pytest.mark.parametrize(("arguments", "terminal", "here"), [
    (["check", "-"], True, True),
    (["--stdin-filename=app.py"], True, True),
    (["check", "--stdin-filename", "app.py"], True, True),
    (["hook"], True, True),
    (["check", "src"], True, False),
    (["check", "-"], False, False),
])
def test_a_command_that_may_read_a_terminal_runs_in_its_own_process(monkeypatch: pytest.MonkeyPatch, arguments: list[str],
                                                                    terminal: bool, here: bool) -> None:
    monkeypatch.setattr(entry.os, "isatty", lambda fd: terminal and fd == 0)
    assert entry._reads_terminal(arguments) is here
