import httpx
import pytest

from shortlinks.auth import current_user
from shortlinks.main import app
from shortlinks.store import LinkStore, get_store


@pytest.fixture
async def aclient():
    store = LinkStore()
    store.create("https://example.com/async", "ana", "as")
    app.dependency_overrides[get_store] = lambda: store
    app.dependency_overrides[current_user] = lambda: "ana"
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client
    app.dependency_overrides.clear()


@pytest.mark.asyncio
async def test_async_follow(aclient):
    resp = await aclient.get("/as")
    assert resp.status_code == 307
    assert resp.headers["location"] == "https://example.com/async"


@pytest.mark.asyncio
async def test_async_list(aclient):
    resp = await aclient.get("/links")
    data = resp.json()
    # expect: VC310
    assert data is not None


@pytest.mark.asyncio
async def test_async_list_shape(aclient):
    resp = await aclient.get("/links")
    assert resp.json() == [{"code": "as", "target": "https://example.com/async", "hits": 0}]


@pytest.mark.asyncio
# expect: VC303
async def test_async_create(aclient, monkeypatch):
    monkeypatch.setattr("shortlinks.notify.announce", lambda code: None)
    await aclient.post("/links", json={"target": "https://example.com/new"})
