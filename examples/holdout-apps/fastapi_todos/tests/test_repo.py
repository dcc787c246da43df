from datetime import date

import httpx
import pytest

from tests.conftest import AUTH
from todos.main import app, get_repo
from todos.repo import TodoRepo


@pytest.mark.asyncio
async def test_add_and_get(repo):
    todo = await repo.add("alice", "Pay rent", "pay-rent", date(2030, 1, 1))
    # ok: VC304
    assert await repo.get_for("alice", todo.id) == todo


@pytest.mark.asyncio
async def test_add_returns_todo(repo):
    todo = await repo.add("alice", "Pay rent", "pay-rent")
    # expect: VC310
    assert todo


@pytest.mark.asyncio
async def test_get_not_awaited(repo):
    await repo.add("alice", "Pay rent", "pay-rent")
    # expect: VC304/VC310
    assert repo.get_for("alice", 1)


@pytest.mark.asyncio
async def test_get_for_other_owner(repo):
    todo = await repo.add("alice", "Pay rent", "pay-rent")
    # ok: VC310
    assert await repo.get_for("bob", todo.id) is None


@pytest.mark.asyncio
# expect: VC303
async def test_complete(repo):
    todo = await repo.add("alice", "Pay rent", "pay-rent")
    await repo.complete("alice", todo.id)


@pytest.mark.anyio
async def test_list_over_asgi(repo):
    app.dependency_overrides[get_repo] = lambda: repo
    await repo.add("alice", "Pay rent", "pay-rent")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as ac:
        resp = await ac.get("/todos", headers=AUTH)
    app.dependency_overrides.clear()
    # ok: VC310
    assert [t["title"] for t in resp.json()] == ["Pay rent"]


@pytest.mark.anyio
# expect: VC303
async def test_create_over_asgi(repo):
    app.dependency_overrides[get_repo] = lambda: repo
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as ac:
        resp = await ac.post("/todos", json={"title": "Ship it"}, headers=AUTH)
        print(resp.json())
    app.dependency_overrides.clear()


@pytest.mark.anyio
async def test_concurrent_adds_get_distinct_ids():
    import anyio

    repo = TodoRepo()
    ids: list[int] = []

    async def add(n: int) -> None:
        ids.append((await repo.add("alice", f"t{n}", f"t{n}")).id)

    async with anyio.create_task_group() as tg:
        for n in range(20):
            tg.start_soon(add, n)
    # ok: VC304
    assert sorted(ids) == list(range(1, 21))


@pytest.mark.asyncio
async def test_list_for_empty(repo):
    todos = await repo.list_for("nobody")
    # expect: VC311
    for todo in todos:
        assert todo.owner == "nobody"
