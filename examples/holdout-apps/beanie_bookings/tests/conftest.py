import pytest
from asgi_lifespan import LifespanManager
from httpx import ASGITransport, AsyncClient
from mongomock_motor import AsyncMongoMockClient

from bookings import db
from bookings.main import app
from bookings.models import Room


@pytest.fixture
async def client(monkeypatch):
    mock = AsyncMongoMockClient()
    await db.init_db(mock)
    monkeypatch.setattr("bookings.main.init_db", lambda: db.init_db(mock))
    async with LifespanManager(app):
        async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as c:
            yield c


async def register(client, email="ann@example.com", role=None):
    body = {"email": email, "full_name": "Ann", "password": "correct-horse", "org_id": "65f000000000000000000001"}
    if role:
        body["role"] = role
    resp = await client.post("/auth/register", json=body)
    assert resp.status_code == 201, resp.text
    return {"Authorization": f"Bearer {resp.json()['access_token']}"}


@pytest.fixture
async def room(client):
    room = Room(name="Blue", org_id="65f000000000000000000001", capacity=6)
    await room.insert()
    return room
