from pathlib import Path

import pytest
from click.testing import CliRunner

from notesync.cli import cli
from notesync.store import LocalStore, NoteNotFound


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    store = LocalStore(tmp_path)
    store.put("groceries", "# Groceries\n- milk\n")
    store.put("todo", "# Todo\n")
    return tmp_path


def test_list_prints_slugs(folder):
    result = CliRunner().invoke(cli, ["--folder", str(folder), "list"])
    assert result.exit_code == 0
    assert result.output.splitlines() == ["groceries", "todo"]


def test_show_unknown_note_fails(folder):
    result = CliRunner().invoke(cli, ["--folder", str(folder), "show", "nope"])
    assert result.exit_code == 1
    assert "no note named nope" in result.output


def test_status_lists_differences(folder):
    result = CliRunner().invoke(cli, ["--folder", str(folder), "status", "todo", "recipes"])
    assert "local only: groceries" in result.output
    assert "remote only: recipes" in result.output


def test_local_get_missing(tmp_path):
    with pytest.raises(NoteNotFound):
        LocalStore(tmp_path).get("missing")
