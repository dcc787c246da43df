import pytest
from fastapi.testclient import TestClient

from reminders import config, store
from reminders.main import app


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "test.db"
    monkeypatch.setenv("REMINDERS_DATABASE_PATH", str(path))
    config.get_settings.cache_clear()
    store.init_db(str(path))
    yield path
    config.get_settings.cache_clear()


@pytest.fixture
def client(db_path):
    with TestClient(app) as c:
        yield c


@pytest.fixture
def headers():
    return {"X-User": "alice"}


@pytest.fixture
def reminder_id(client, headers):
    resp = client.post(
        "/reminders",
        json={"message": "water plants", "due_at": "2024-01-01T09:00:00Z", "phone": "+15550100"},
        headers=headers,
    )
    return resp.json()["id"]
