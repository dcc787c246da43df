"""`--fix` on hostile files (issue 11): edits land where the parser says, and writing never clobbers or leaks.

VC105 (`raise ... from err`) is the fixable rule used: its edit goes at the end of the `raise` line, after
whatever odd line breaks come before it.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

import vibecheck.fixes
from vibecheck.cli import cli

BODY = ["def load():", "    try:", "        return work()", "    except KeyError as err:", '        raise ValueError("bad")']
FIXED_LAST = '        raise ValueError("bad") from err'


def fix(*paths: str):
    return CliRunner().invoke(cli, ["--no-bandit", "--select", "VC105", "--fix", *paths], catch_exceptions=False)


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _source(first_line: str, newline: str = "\n") -> str:
    return newline.join([first_line, *BODY]) + newline


@pytest.mark.parametrize(("first_line", "newline"), [
    ("x = 1  # lone CR:\rcomment = 2", "\n"),
    ("x = 1", "\r\n"),
    ("x = 1  # form feed \x0c here", "\n"),
    ("x = 1  # line separator \u2028 here", "\n"),
    ("x = 1", "\r"),
], ids=["lone-cr", "crlf", "form-feed", "u2028", "cr-only"])
def test_fix_lands_on_the_parsers_line(project: Path, first_line: str, newline: str) -> None:
    path = project / "app.py"
    path.write_bytes(_source(first_line, newline).encode("utf-8"))
    result = fix("app.py")
    assert result.exit_code == 0, result.output
    expected = _source(first_line, newline).replace('raise ValueError("bad")', 'raise ValueError("bad") from err')
    assert path.read_bytes().decode("utf-8") == expected


def test_lone_cr_file_keeps_its_findings(project: Path) -> None:
    (project / "app.py").write_bytes(_source("x = 1", "\r").encode("utf-8"))
    result = CliRunner().invoke(cli, ["--no-bandit", "--select", "VC105", "--format", "json", "app.py"])
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["start"]["line"], f["line_text"]) for f in findings] == [("VC105", 6, BODY[-1])]
    assert "vibecheck: error" not in result.stderr


def test_file_changed_while_fixing_is_not_overwritten(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = project / "app.py"
    path.write_text(_source("x = 1"), encoding="utf-8")
    edited_meanwhile = _source("x = 2  # the user's edit")
    real = vibecheck.fixes.fix_in_passes

    def fixed_while_the_user_edits(*args, **kwargs):
        path.write_text(edited_meanwhile, encoding="utf-8")
        return real(*args, **kwargs)

    monkeypatch.setattr(vibecheck.fixes, "fix_in_passes", fixed_while_the_user_edits)
    result = fix("app.py")
    assert path.read_text(encoding="utf-8") == edited_meanwhile
    assert "app.py: not fixed: the file changed while vibecheck was checking it" in result.stderr
    assert "VC105" in result.stdout  # the finding is still reported


def test_fix_writes_through_a_symlink(project: Path) -> None:
    (project / "real.py").write_text(_source("x = 1"), encoding="utf-8")
    (project / "link.py").symlink_to("real.py")
    result = fix("link.py")
    assert result.exit_code == 0, result.output
    assert (project / "link.py").is_symlink() and os.readlink(project / "link.py") == "real.py"
    assert FIXED_LAST in (project / "real.py").read_text(encoding="utf-8")


def test_fix_keeps_hard_links(project: Path) -> None:
    (project / "a.py").write_text(_source("x = 1"), encoding="utf-8")
    os.link(project / "a.py", project / "b_link.py")
    inode = (project / "a.py").stat().st_ino
    result = fix("a.py")
    assert result.exit_code == 0, result.output
    assert (project / "a.py").stat().st_ino == inode and (project / "a.py").stat().st_nlink == 2
    assert FIXED_LAST in (project / "b_link.py").read_text(encoding="utf-8")


def test_fix_keeps_mode(project: Path) -> None:
    path = project / "app.py"
    path.write_text(_source("x = 1"), encoding="utf-8")
    path.chmod(0o640)
    assert fix("app.py").exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and FIXED_LAST in path.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_fix_keeps_ownership(project: Path) -> None:
    path = project / "app.py"
    path.write_text(_source("x = 1"), encoding="utf-8")
    os.chown(path, 12345, 12346)
    assert fix("app.py").exit_code == 0
    assert (path.stat().st_uid, path.stat().st_gid) == (12345, 12346)
    assert FIXED_LAST in path.read_text(encoding="utf-8")


def test_read_only_file_is_refused_with_a_message(project: Path) -> None:
    path = project / "app.py"
    original = _source("x = 1")
    path.write_text(original, encoding="utf-8")
    path.chmod(0o444)
    result = fix("app.py")
    assert path.read_text(encoding="utf-8") == original
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert "app.py: not fixed: the file is read-only" in result.stderr
    assert "VC105" in result.stdout
