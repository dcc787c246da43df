import pytest
from fastapi.testclient import TestClient

from shortlinks.auth import current_user
from shortlinks.main import app
from shortlinks.store import LinkStore, get_store


@pytest.fixture
def store():
    return LinkStore()


@pytest.fixture
def client(store, monkeypatch):
    monkeypatch.setattr("shortlinks.notify.announce", lambda code: None)
    app.dependency_overrides[get_store] = lambda: store
    app.dependency_overrides[current_user] = lambda: "ana"
    with TestClient(app) as c:
        yield c
    app.dependency_overrides.clear()
