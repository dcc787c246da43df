import pytest
from fastapi.testclient import TestClient

from todos.main import app, get_repo
from todos.repo import TodoRepo

AUTH = {"Authorization": "Bearer alice-token"}


@pytest.fixture(autouse=True)
def tokens(monkeypatch):
    monkeypatch.setenv("TODO_TOKENS", "alice:alice-token,bob:bob-token")


@pytest.fixture
def repo():
    return TodoRepo()


@pytest.fixture
def client(repo):
    app.dependency_overrides[get_repo] = lambda: repo
    with TestClient(app) as c:
        yield c
    app.dependency_overrides.clear()


@pytest.fixture
def anyio_backend():
    return "asyncio"
