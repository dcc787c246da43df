from pathlib import Path
from unittest import mock

import pytest

from backup_tool import archive, cli


def test_build_rsync_includes_excludes():
    cmd = archive.build_rsync("/src", "/dst", ["*.tmp"])
    # ok: VC303 -- real assertion
    assert cmd == "rsync -a --delete --exclude=*.tmp /src /dst"


def test_backup_runs_rsync(tmp_path):
    with mock.patch.object(archive.subprocess, "run") as run:
        archive.sync_tree(str(tmp_path), "/dst", [])
    # expect: VC304/VC308/VC303 -- called_once_with typo, always truthy
    assert run.called_once_with(mock.ANY, shell=True, check=True)


def test_restore_missing_archive(tmp_path):
    # corrected mark: a `pytest.raises` block that raises nothing fails the test (DID NOT RAISE) on its first run,
    # so this is a broken test the author sees at once, not a hollow one
    with pytest.raises(FileNotFoundError):
        pass
    cli.main(["restore", str(tmp_path / "missing.tar.gz"), str(tmp_path)])


def test_restore_missing_archive_properly(tmp_path):
    # ok: VC303/VC305 -- the call is inside the raises block
    with pytest.raises(FileNotFoundError):
        cli.main(["restore", str(tmp_path / "missing.tar.gz"), str(tmp_path)])


def test_copy_files_counts(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("x")
    dest = tmp_path / "out"
    dest.mkdir()
    copied = archive.copy_files([src], dest)
    # expect: VC311 -- assertion only in a loop over a list that is empty
    for failure in []:
        assert copied == 1, failure


# expect: VC303/VC304 -- comparison without assert (reported at the test)
def test_verify_option(tmp_path):
    f = tmp_path / "b.tar.gz"
    f.write_bytes(b"1")
    rc = cli.main(["verify", str(f)])
    rc == 0


def test_prune(tmp_path: Path):
    for i in range(3):
        (tmp_path / f"{i}.tar.gz").write_text("x")
    archive.prune(tmp_path, keep=1)
    # ok: VC303 -- asserts state
    assert len(list(tmp_path.glob("*.tar.gz"))) == 1
