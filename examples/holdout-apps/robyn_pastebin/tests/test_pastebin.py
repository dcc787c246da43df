from unittest.mock import MagicMock, patch

import pytest

from pastebin import store
from pastebin.render import render_paste_safe


@pytest.fixture(autouse=True)
def tmp_store(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "PASTE_DIR", tmp_path / "pastes")
    monkeypatch.setattr(store, "DB_PATH", str(tmp_path / "db.sqlite3"))


def test_save_and_load():
    created = store.save_paste("hello", "print(1)", "python", 60, False)
    paste = store.load_paste(created["slug"])
    assert paste["body"] == "print(1)"
    assert paste["title"] == "hello"


def test_slug_length():
    # ok: VC304
    assert len(store.new_slug()) == 8


def test_render_escapes_title():
    page = render_paste_safe({"title": "<script>", "body": "x"})
    assert "<script>" not in page


@patch("pastebin.store.save_paste")
# expect: VC308
def test_import_uses_store(mock_save):
    mock_save.return_value = {"slug": "abc", "owner_token": "t"}
    result = store.save_paste("t", "b", "text", 1, False)
    assert result == {"slug": "abc", "owner_token": "t"}


def test_purge_expired():
    store.save_paste("old", "x", "text", -1, False)
    removed = store.purge_expired()
    # expect: VC311
    if removed:
        assert removed == 1


# expect: VC306
@pytest.mark.skip
def test_private_pastes_hidden():
    assert False


def test_delete_missing_file():
    conn = MagicMock()
    with patch.object(store, "get_db", return_value=conn):
        store.delete_paste("nope")
    # expect: VC303/VC308/VC304
    conn.execute.assert_called_once
