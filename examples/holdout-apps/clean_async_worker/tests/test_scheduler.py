import asyncio
from unittest.mock import AsyncMock, MagicMock

import pytest

from worker.health import gather_reports
from worker.scheduler import promote_due, run_scheduler


def fake_store(due: list[bytes]) -> MagicMock:
    store = MagicMock()
    store.zrangebyscore = AsyncMock(return_value=due)
    pipe = MagicMock()
    pipe.execute = AsyncMock()
    store.pipeline.return_value.__aenter__ = AsyncMock(return_value=pipe)
    store.pipeline.return_value.__aexit__ = AsyncMock(return_value=False)
    store.pipe = pipe
    return store


async def test_nothing_due() -> None:
    store = fake_store([])
    assert await promote_due(store, "q", now=10) == 0
    store.pipeline.assert_not_called()


async def test_due_jobs_move_back_to_the_queue() -> None:
    store = fake_store([b"a", b"b"])
    assert await promote_due(store, "q", now=10) == 2
    store.pipe.zrem.assert_called_once_with("q:delayed", b"a", b"b")
    store.pipe.lpush.assert_called_once_with("q", b"a", b"b")


async def test_scheduler_stops_when_asked() -> None:
    stopping = asyncio.Event()
    store = fake_store([])
    task = asyncio.create_task(run_scheduler(store, "q", stopping, interval=0.01))
    await asyncio.sleep(0.05)
    stopping.set()
    await asyncio.wait_for(task, timeout=1)
    assert store.zrangebyscore.await_count >= 1


@pytest.mark.parametrize(("outcome", "expected"), [(True, True), (RuntimeError("down"), False)])
async def test_gather_reports(outcome, expected: bool) -> None:
    future = asyncio.get_running_loop().create_future()
    if isinstance(outcome, Exception):
        future.set_exception(outcome)
    else:
        future.set_result(outcome)
    assert await gather_reports({"redis": future}) == {"redis": expected}
