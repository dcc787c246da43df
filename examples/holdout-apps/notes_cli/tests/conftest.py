import pytest
from click.testing import CliRunner

from notecli.store import NoteStore


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "notes.sqlite3"


@pytest.fixture
def store(db_path):
    store = NoteStore(db_path)
    yield store
    assert store.integrity_ok(), "the database was left corrupt"
    store.close()


@pytest.fixture
def seeded(store):
    store.add("Buy milk #errands")
    store.add("Call the plumber #home #urgent")
    store.add("Read SICP chapter 3 #reading")
    return store
