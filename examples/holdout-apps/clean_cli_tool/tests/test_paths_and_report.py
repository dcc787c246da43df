import stat
from pathlib import Path

import pytest

from snapkit.manifest import Entry
from snapkit.paths import UnsafePathError, inside, run_id, write_private
from snapkit.report import render_report


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "a/../../x"])
def test_inside_refuses_escapes(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnsafePathError, match="leaves"):
        inside(tmp_path, name)


def test_inside_accepts_nested(tmp_path: Path) -> None:
    assert inside(tmp_path, "a/b.txt") == tmp_path.resolve() / "a" / "b.txt"


def test_run_ids_differ() -> None:
    ids = {run_id() for _ in range(100)}
    assert len(ids) == 100
    assert all(len(i) == 16 for i in ids)


def test_write_private_is_owner_only_and_exclusive(tmp_path: Path) -> None:
    target = tmp_path / "secret.bin"
    write_private(target, b"k")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        write_private(target, b"again")


def test_report_escapes_names() -> None:
    html = render_report("<nightly>", [Entry("<script>x</script>", "0" * 64, 1)])
    assert "<script>" not in html
    assert "&lt;nightly&gt;" in html
