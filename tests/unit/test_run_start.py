"""A run starts by forgetting everything the previous one remembered of the tree, from one hook, cache or no cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vibecheck import key_texts, listings, run_start, safe_files
from vibecheck.analysis.check_modules import forget_each_run
from vibecheck.api import check_paths
from vibecheck.config import Settings


def test_every_keeper_sees_the_tree_as_it_is_now_after_a_run_starts(tmp_path: Path) -> None:
    folder = tmp_path / "app"
    folder.mkdir()
    (folder / "models.py").write_bytes(b"old\n")
    run_start.start_run()
    assert list(listings.entries(str(folder))) == ["models.py"]
    assert key_texts.file_bytes(str(folder / "models.py")) == b"old\n"
    assert safe_files.real_folder(str(folder)) == str(folder.resolve())
    (folder / "models.py").write_bytes(b"new\n")
    (folder / "views.py").write_bytes(b"")
    os.rename(folder, tmp_path / "moved")
    (tmp_path / "app").symlink_to(tmp_path / "moved")
    run_start.start_run()
    assert list(listings.entries(str(folder))) == ["models.py", "views.py"]
    assert key_texts.file_bytes(str(folder / "models.py")) == b"new\n"
    assert safe_files.real_folder(str(folder)) == str((tmp_path / "moved").resolve())


def test_a_reader_of_the_auth_modules_forgets_also_in_a_run_without_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_start, "_FORGETTERS", [])
    forgotten: list[str] = []
    forget_each_run(lambda: forgotten.append("memo"))
    run_start.start_run()
    run_start.start_run()
    assert forgotten == ["memo", "memo"]


def test_a_second_run_in_one_process_checks_the_file_added_since(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    settings = Settings(root=str(tmp_path), jobs=1, cache=False)
    assert check_paths([str(tmp_path)], settings).files_checked == 1
    (tmp_path / "b.py").write_text("y = 2\n", encoding="utf-8")
    assert check_paths([str(tmp_path)], settings).files_checked == 2
