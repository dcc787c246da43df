"""Moves delayed jobs back onto the queue when they are due; stops promptly when asked."""

import asyncio
import logging
import time

import redis.asyncio as redis
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_exponential

logger = logging.getLogger(__name__)
BATCH = 100


async def promote_due(store: redis.Redis, queue: str, now: float | None = None) -> int:
    """Move every delayed job whose time has come; return how many moved."""
    due = await store.zrangebyscore(f"{queue}:delayed", 0, time.time() if now is None else now, start=0, num=BATCH)
    if not due:
        return 0
    async with store.pipeline(transaction=True) as pipe:
        pipe.zrem(f"{queue}:delayed", *due)
        pipe.lpush(queue, *due)
        await pipe.execute()
    return len(due)


async def run_scheduler(store: redis.Redis, queue: str, stopping: asyncio.Event, interval: float = 1.0) -> None:
    # ok: VC109/VC114 -- ends when `stopping` is set; each promotion retries a bounded number of times
    while not stopping.is_set():
        async for attempt in AsyncRetrying(
            stop=stop_after_attempt(3),
            wait=wait_exponential(multiplier=0.5, max=5),
            retry=retry_if_exception_type(redis.ConnectionError),
            reraise=True,
        ):
            with attempt:
                moved = await promote_due(store, queue)
        if moved:
            logger.info("promoted %d delayed jobs", moved)
        try:
            await asyncio.wait_for(stopping.wait(), timeout=interval)
        except TimeoutError:
            continue
