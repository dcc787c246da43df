from unittest.mock import AsyncMock

import pytest
from fastapi.testclient import TestClient

from assistant import api


@pytest.fixture()
def conn() -> AsyncMock:
    return AsyncMock()


@pytest.fixture()
def client(conn: AsyncMock) -> TestClient:
    async def fake_conn():
        yield conn

    api.app.dependency_overrides[api.get_conn] = fake_conn
    yield TestClient(api.app)
    api.app.dependency_overrides.clear()


def test_missing_key_is_401(client: TestClient) -> None:
    response = client.post("/ask", json={"question": "hi"})
    assert response.status_code == 401
    assert response.json() == {"detail": "Missing API key"}


def test_unknown_key_is_401(client: TestClient, conn: AsyncMock) -> None:
    conn.fetchval.return_value = None
    response = client.post("/ask", json={"question": "hi"}, headers={"X-API-Key": "nope"})
    assert response.status_code == 401
    sql, key_hash = conn.fetchval.await_args.args
    assert "$1" in sql
    assert key_hash != "nope"
    assert len(key_hash) == 64
