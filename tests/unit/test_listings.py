"""One listing per folder per run: shared by every reader, fresh after `forget`, bounded in memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from vibecheck import listings


@pytest.fixture(autouse=True)
def fresh() -> None:
    listings.forget()


def test_a_folder_is_listed_once_until_forgotten(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("", encoding="utf-8")
    (tmp_path / "pkg").mkdir()
    first = listings.entries(str(tmp_path))
    assert list(first) == ["a.py", "pkg"]
    assert listings.is_file(str(tmp_path), "a.py") and not listings.is_file(str(tmp_path), "pkg")
    assert listings.holds_folder(str(tmp_path), "pkg") and not listings.holds_folder(str(tmp_path), "a.py")
    (tmp_path / "b.py").write_text("", encoding="utf-8")
    assert listings.entries(str(tmp_path)) is first  # one snapshot within a run
    listings.forget()
    assert list(listings.entries(str(tmp_path))) == ["a.py", "b.py", "pkg"]


def test_links_and_missing_names(tmp_path: Path) -> None:
    (tmp_path / "real.py").write_text("", encoding="utf-8")
    (tmp_path / "link.py").symlink_to(tmp_path / "real.py")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    folder = str(tmp_path)
    assert listings.is_link(folder, "link.py") and not listings.is_link(folder, "real.py")
    assert listings.is_file(folder, "link.py")  # followed, as `os.path.isfile` does
    assert not listings.exists(folder, "dangling") and not listings.exists(folder, "absent")
    assert listings.entries(str(tmp_path / "absent")) == {}


def test_memory_is_bounded_by_entries_not_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(listings, "ENTRIES_KEPT", 5)
    folders = []
    for index in range(4):
        folder = tmp_path / f"f{index}"
        folder.mkdir()
        for name in ("a.py", "b.py"):
            (folder / name).write_text("", encoding="utf-8")
        folders.append(str(folder))
    first = listings.entries(folders[0])
    for folder in folders[1:]:
        listings.entries(folder)
    assert listings.entries(folders[-1]) is listings.entries(folders[-1])
    assert listings.entries(folders[0]) is not first  # dropped to stay within 5 entries, then listed again
    assert list(listings.entries(folders[0])) == ["a.py", "b.py"]


def test_a_modules_digest_reads_a_module_once_per_run_and_afresh_after_forget(tmp_path: Path) -> None:
    (tmp_path / "utils.py").write_text("A = 1\n", encoding="utf-8")
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "__init__.py").write_text("", encoding="utf-8")
    first = listings.modules_digest(str(tmp_path), ("utils", "models", "absent"))
    assert first != listings.modules_digest(str(tmp_path), ("utils",))  # the package's `__init__.py` counts
    (tmp_path / "utils.py").write_text("A = 1  # and longer\n", encoding="utf-8")
    assert listings.modules_digest(str(tmp_path), ("utils", "models", "absent")) == first  # one snapshot within a run
    listings.forget()
    assert listings.modules_digest(str(tmp_path), ("utils", "models", "absent")) != first


def test_a_stat_digest_changes_with_a_file_and_leaves_a_missing_one_out(tmp_path: Path) -> None:
    spec, module = tmp_path / "openapi.yaml", tmp_path / "app.py"
    spec.write_text("openapi: 3.0.0\n", encoding="utf-8")
    module.write_text("", encoding="utf-8")
    paths = [str(spec), str(module)]
    before = listings.stat_digest(paths)
    assert listings.stat_digest([*paths, str(tmp_path / "gone.yaml")]) == before
    assert listings.stat_digest(paths[:1]) != before
    spec.write_text("openapi: 3.1.0\npaths: {}\n", encoding="utf-8")
    assert listings.stat_digest(paths) != before
