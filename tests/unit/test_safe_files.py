"""Reads from a hostile tree: a file's folder resolved once per run, links resolved in full, system views refused
on the path and again on the open descriptor."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vibecheck import run_start
from vibecheck.safe_files import NotRegularFileError, read_regular_file, special_file_reason

needs_proc = pytest.mark.skipif(not os.path.isfile("/proc/self/environ"), reason="needs Linux's /proc")


@pytest.fixture(autouse=True)
def _fresh() -> None:
    run_start.start_run()


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    module = tmp_path / "models.py"
    module.write_bytes(b"x = 1\n")
    assert special_file_reason(module) is None
    assert read_regular_file(module) == b"x = 1\n"


def test_a_fifo_and_a_missing_file_are_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.py")
    assert special_file_reason(tmp_path / "pipe.py") == "it is not a regular file (a device, FIFO or socket)"
    assert special_file_reason(tmp_path / "absent.py") is not None
    with pytest.raises(NotRegularFileError):
        read_regular_file(tmp_path / "pipe.py")


@needs_proc
@pytest.mark.parametrize("planted", ["link", "folder link"])
def test_a_file_that_resolves_into_proc_is_refused(tmp_path: Path, planted: str) -> None:
    if planted == "link":
        (tmp_path / "settings.py").symlink_to("/proc/self/environ")
        path = tmp_path / "settings.py"
    else:
        (tmp_path / "conf").symlink_to("/proc/self")
        path = tmp_path / "conf" / "environ"
    assert "a view of the running system" in (special_file_reason(path) or "")
    with pytest.raises(NotRegularFileError):
        read_regular_file(path)


@needs_proc
def test_a_folder_swapped_for_a_link_after_it_was_resolved_is_refused_on_the_descriptor(tmp_path: Path) -> None:
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "environ").write_bytes(b"")
    assert special_file_reason(tmp_path / "conf" / "environ") is None  # the folder's real path is now remembered
    (tmp_path / "conf" / "environ").unlink()
    (tmp_path / "conf").rmdir()
    (tmp_path / "conf").symlink_to("/proc/self")
    with pytest.raises(NotRegularFileError, match="view of the running system"):
        read_regular_file(tmp_path / "conf" / "environ")
