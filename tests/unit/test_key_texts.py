"""The key readers' per-run memo of a file's bytes: read once, the same answer as a read, forgotten per run."""

from __future__ import annotations

import os

import pytest

from vibecheck import key_texts
from vibecheck.safe_files import NotRegularFileError


@pytest.fixture(autouse=True)
def _fresh() -> None:
    key_texts.forget()


def test_a_file_is_read_once_per_run(tmp_path, monkeypatch) -> None:
    module = tmp_path / "models.py"
    module.write_bytes(b"from . import views\n")
    reads: list[str] = []
    real = key_texts.read_regular_file
    monkeypatch.setattr(key_texts, "read_regular_file", lambda path, limit=None: reads.append(path) or real(path, limit))
    assert key_texts.file_bytes(str(module)) == b"from . import views\n"
    assert key_texts.file_bytes(os.path.relpath(module)) == b"from . import views\n"  # the same file by another path
    assert key_texts.kept_head(str(module), 4) == b"from"
    assert len(reads) == 1


def test_a_new_run_reads_the_file_as_it_is_now(tmp_path) -> None:
    module = tmp_path / "models.py"
    module.write_bytes(b"old\n")
    assert key_texts.file_bytes(str(module)) == b"old\n"
    module.write_bytes(b"new\n")
    key_texts.forget()
    assert key_texts.kept_head(str(module), 10) is None
    assert key_texts.file_bytes(str(module)) == b"new\n"


def test_a_kept_file_beyond_a_readers_limit_raises_as_a_read_would(tmp_path) -> None:
    module = tmp_path / "big.py"
    module.write_bytes(b"x" * 100)
    assert key_texts.file_bytes(str(module)) == b"x" * 100
    with pytest.raises(NotRegularFileError):
        key_texts.file_bytes(str(module), 10)
    key_texts.forget()
    with pytest.raises(NotRegularFileError):
        key_texts.file_bytes(str(module), 10)
    assert key_texts.kept_head(str(module), 1) is None  # a refused read keeps nothing


def test_what_is_kept_stays_within_its_bound(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(key_texts, "BYTES_KEPT", 150)
    for name in ("a.py", "b.py"):
        (tmp_path / name).write_bytes(b"y" * 100)
        key_texts.file_bytes(str(tmp_path / name))
    assert key_texts.kept_head(str(tmp_path / "a.py"), 1) is None
    assert key_texts.kept_head(str(tmp_path / "b.py"), 1) == b"y"


def test_a_fifo_is_refused(tmp_path) -> None:
    fifo = tmp_path / "pipe.py"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFileError):
        key_texts.file_bytes(str(fifo))
