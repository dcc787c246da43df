import io
import tarfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from snapkit.archive import create_archive, prune, restore_archive, sha256_of


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "static").mkdir(parents=True)
    (root / "index.html").write_text("<h1>hi</h1>")
    (root / "static" / "app.js").write_text("console.log(1)")
    (root / "static" / "app.js.map").write_text("{}")
    return root


def test_round_trip_keeps_files_and_skips_excluded(tree: Path, tmp_path: Path) -> None:
    archive = create_archive(tree, tmp_path / "out" / "files.tar.gz", exclude=("*.map",))
    restore_archive(archive, tmp_path / "restored")
    restored = sorted(p.relative_to(tmp_path / "restored").as_posix() for p in (tmp_path / "restored").rglob("*"))
    assert restored == ["site", "site/index.html", "site/static", "site/static/app.js"]


def test_no_partial_file_is_left_behind(tree: Path, tmp_path: Path) -> None:
    create_archive(tree, tmp_path / "out" / "files.tar.gz")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["files.tar.gz"]


def evil_archive(path: Path, member: str) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo(member)
        info.size = 4
        archive.addfile(info, io.BytesIO(b"pwnd"))
    return path


@pytest.mark.parametrize("member", ["../escape.txt", "/etc/escape.txt", "a/../../escape.txt"])
def test_restore_refuses_paths_outside_target(tmp_path: Path, member: str) -> None:
    archive = evil_archive(tmp_path / "evil.tar.gz", member)
    with pytest.raises(tarfile.FilterError):
        restore_archive(archive, tmp_path / "target")
    assert not (tmp_path / "escape.txt").exists()


@given(st.binary(max_size=4096))
def test_sha256_matches_hashlib(tmp_path_factory, data: bytes) -> None:
    import hashlib

    path = tmp_path_factory.mktemp("h") / "blob"
    path.write_bytes(data)
    assert sha256_of(path) == hashlib.sha256(data).hexdigest()


def test_prune_keeps_newest(tmp_path: Path) -> None:
    import os

    for age, name in enumerate(["job-3", "job-2", "job-1"]):
        (tmp_path / name).mkdir()
        os.utime(tmp_path / name, (1_000_000 - age, 1_000_000 - age))
    removed = prune(tmp_path, "job-*", keep=2)
    assert [p.name for p in removed] == ["job-1"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["job-2", "job-3"]
