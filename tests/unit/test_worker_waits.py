"""How the pool waits for its workers' results (`vibecheck.workers._readable`) and reads their memory."""

from __future__ import annotations

import multiprocessing
import os
import time

from vibecheck import workers


def test_a_connection_with_a_message_is_readable_and_an_idle_one_is_not() -> None:
    sent_out, sent_in = multiprocessing.Pipe()
    idle_out, idle_in = multiprocessing.Pipe()
    sent_in.send("result")
    assert workers._readable([sent_out, idle_out], None) == {sent_out}
    assert sent_out.recv() == "result"


def test_a_connection_whose_worker_closed_its_end_is_readable() -> None:
    out, end = multiprocessing.Pipe()
    end.close()
    assert workers._readable([out], 1.0) == {out}


def test_a_handle_given_as_a_number_comes_back_as_given() -> None:
    read, write = os.pipe()
    try:
        os.write(write, b"x")
        assert workers._readable([read], 0.0) == {read}
    finally:
        os.close(read)
        os.close(write)


def test_nothing_is_readable_once_the_timeout_passes() -> None:
    out, _end = multiprocessing.Pipe()
    started = time.monotonic()
    assert workers._readable([out], 0.05) == set()
    assert time.monotonic() - started >= 0.05


def test_a_process_reads_its_own_size_and_another_ones_resident_memory() -> None:
    size = workers._statm_bytes("self", 0)
    resident = workers.resident_bytes(os.getpid())
    assert size is not None and resident is not None and 0 < resident <= size
    assert size % os.sysconf("SC_PAGE_SIZE") == 0
    assert workers.resident_bytes(2**22 + 12345) is None  # past Linux's largest pid: no such process
