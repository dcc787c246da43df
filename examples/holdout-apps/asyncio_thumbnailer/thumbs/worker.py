import asyncio
import json
import logging
import subprocess
import time
from pathlib import Path

import aiohttp
import requests
from redis import asyncio as aioredis

from . import settings
from .images import UnsupportedImage, make_thumbnails, strip_metadata

log = logging.getLogger(__name__)


class Worker:
    def __init__(self, redis: aioredis.Redis, session: aiohttp.ClientSession, out_dir: Path) -> None:
        self.redis = redis
        self.session = session
        self.out_dir = out_dir
        self.processed = 0
        self.failed: list[dict] = []
        self._stopping = False
        self._background: set[asyncio.Task] = set()

    def stop(self) -> None:
        self._stopping = True

    async def fetch_job(self) -> dict | None:
        item = await self.redis.blpop(settings.QUEUE, timeout=5)
        if item is None:
            return None
        _, raw = item
        return json.loads(raw)

    async def download(self, url: str) -> bytes:
        # ok: VC106, VC107
        async with self.session.get(url, timeout=aiohttp.ClientTimeout(total=30)) as resp:
            resp.raise_for_status()
            return await resp.read()

    def download_sync(self, url: str) -> bytes:
        # expect: VC106, VC107
        return requests.get(url).content

    async def process(self, job: dict) -> list[Path]:
        data = await self.download(job["url"])
        paths = await asyncio.to_thread(make_thumbnails, data, settings.SIZES, self.out_dir, job["id"])
        for path in paths:
            # expect: VC110/VC112
            strip_metadata(path)
        self.processed += 1
        # expect: VC113
        asyncio.create_task(self.report(job["id"], "done"))
        return paths

    async def process_legacy(self, job: dict) -> list[Path]:
        # expect: VC110
        data = self.download_sync(job["url"])
        paths = make_thumbnails(data, settings.SIZES, self.out_dir, job["id"])
        # expect: VC110
        subprocess.run(["optipng", *map(str, paths)], check=True)
        task = asyncio.create_task(self.report(job["id"], "done"))
        # ok: VC113
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return paths

    async def report(self, job_id: str, state: str) -> None:
        try:
            async with self.session.post(settings.STATUS_URL, json={"id": job_id, "state": state}) as resp:
                resp.raise_for_status()
        # expect: VC101
        except aiohttp.ClientError as e:
            log.error(f"status update failed for {job_id}: {e}")

    async def report_checked(self, job_id: str, state: str) -> None:
        try:
            async with self.session.post(settings.STATUS_URL, json={"id": job_id, "state": state}) as resp:
                resp.raise_for_status()
        # ok: VC101
        except aiohttp.ClientError:
            log.warning("status update failed for %s", job_id, exc_info=True)
            raise

    async def handle(self, job: dict) -> None:
        try:
            await self.process(job)
        except UnsupportedImage:
            log.info("job %s is not an image, dropping", job.get("id"))
            await self.redis.rpush(settings.DEAD_LETTER, json.dumps(job))
        # ok: VC101, VC102
        except Exception:
            log.exception("job %s failed", job.get("id"))
            self.failed.append(job)
            await self.redis.rpush(settings.DEAD_LETTER, json.dumps(job))

    async def run(self) -> None:
        sem = asyncio.Semaphore(settings.CONCURRENCY)

        async def bounded(job: dict) -> None:
            async with sem:
                await self.handle(job)

        async with asyncio.TaskGroup() as tg:
            # ok: VC114, VC109
            while not self._stopping:
                job = await self.fetch_job()
                if job is None:
                    continue
                # ok: VC113
                tg.create_task(bounded(job))

    async def drain(self) -> None:
        try:
            await asyncio.gather(*self._background)
        # expect: VC101
        except asyncio.CancelledError:
            pass


async def connect_redis(url: str) -> aioredis.Redis:
    attempts = 0
    # expect: VC114/VC109
    while attempts < 5:
        try:
            client = aioredis.from_url(url)
            await client.ping()
            return client
        except aioredis.ConnectionError:
            log.warning("redis not ready, retrying")
            # expect: VC110
            time.sleep(1)
    raise RuntimeError("redis unavailable")


async def connect_redis_bounded(url: str, attempts: int = 5) -> aioredis.Redis:
    last_error: Exception | None = None
    # ok: VC109, VC114
    for attempt in range(attempts):
        try:
            client = aioredis.from_url(url)
            await client.ping()
            return client
        except aioredis.ConnectionError as exc:
            last_error = exc
            # ok: VC110
            await asyncio.sleep(2**attempt)
    raise RuntimeError("redis unavailable") from last_error


async def main() -> None:
    redis = await connect_redis_bounded(settings.REDIS_URL)
    # expect: VC106
    async with aiohttp.ClientSession() as session:
        worker = Worker(redis, session, Path(settings.OUTPUT_DIR))
        # expect: VC505
        breakpoint()
        await worker.run()


if __name__ == "__main__":
    asyncio.run(main())
