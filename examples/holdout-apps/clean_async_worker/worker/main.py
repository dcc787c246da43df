"""The consumer: bounded concurrency, a deadline per job, bounded retries, graceful shutdown."""

import asyncio
import json
import logging
import signal
import time

import httpx
import redis.asyncio as redis
from pydantic import ValidationError

from .health import serve_health
from .images import ImageError, make_thumbnails
from .jobs import ThumbnailJob, callback_allowed
from .scheduler import run_scheduler
from .legacy import upload_object
from .settings import Settings
from .signing import sign

logger = logging.getLogger(__name__)
POLL_SECONDS = 5


class PermanentJobError(Exception):
    """Retrying will not help: the job goes to the dead-letter list."""


class Worker:
    def __init__(self, settings: Settings, store: redis.Redis, http: httpx.AsyncClient) -> None:
        self.settings = settings
        self.store = store
        self.http = http
        self.stopping = asyncio.Event()
        self._slots = asyncio.Semaphore(settings.concurrency)

    async def run(self) -> None:
        async with asyncio.TaskGroup() as group:
            while not self.stopping.is_set():
                item = await self.store.brpop([self.settings.queue], timeout=POLL_SECONDS)
                if item is None:
                    continue
                await self._slots.acquire()
                # ok: VC113 -- the task group keeps and awaits it
                group.create_task(self._guarded(item[1]))

    async def _guarded(self, raw: bytes) -> None:
        try:
            await self.handle(raw)
        finally:
            self._slots.release()

    async def handle(self, raw: bytes) -> None:
        try:
            # ok: VC406
            job = ThumbnailJob.model_validate(json.loads(raw))
        except (json.JSONDecodeError, ValidationError):
            logger.warning("malformed job dropped to dead letters", exc_info=True)
            await self.store.lpush(f"{self.settings.queue}:dead", raw)
            return
        try:
            async with asyncio.timeout(self.settings.job_timeout):
                await self.process(job)
        except PermanentJobError:
            logger.warning("job %s failed permanently", job.job_id, exc_info=True)
            await self.store.lpush(f"{self.settings.queue}:dead", raw)
        except (httpx.HTTPError, TimeoutError):
            logger.warning("job %s attempt %d failed", job.job_id, job.attempt, exc_info=True)
            await self.retry_later(job)

    # ok: VC109 -- bounded by max_attempts, with exponential backoff
    async def retry_later(self, job: ThumbnailJob) -> None:
        if job.attempt >= self.settings.max_attempts:
            logger.error("job %s gave up after %d attempts", job.job_id, job.attempt)
            await self.store.lpush(f"{self.settings.queue}:dead", job.model_dump_json())
            return
        delay = min(2**job.attempt, 300)
        retry = job.model_copy(update={"attempt": job.attempt + 1})
        due = time.time() + delay
        await self.store.zadd(f"{self.settings.queue}:delayed", {retry.model_dump_json(): due})

    async def process(self, job: ThumbnailJob) -> None:
        if not callback_allowed(job, self.settings.allowed_callback_hosts):
            raise PermanentJobError(f"callback host not allowed for job {job.job_id}")
        # ok: VC405 -- the source URL is the job's, fetched with a timeout and no redirects to follow
        response = await self.http.get(str(job.source_url), follow_redirects=False)
        response.raise_for_status()
        try:
            # ok: VC110
            thumbnails = await asyncio.to_thread(make_thumbnails, response.content, job.sizes)
        except ImageError as exc:
            raise PermanentJobError(str(exc)) from exc
        urls = {}
        for size, data in thumbnails.items():
            # expect: VC112 -- a blocking `requests.put` inside the coroutine: every other job stalls while it uploads
            urls[size] = upload_object(f"{job.output_key}/{size}.jpg", data)
        body = json.dumps({"job_id": job.job_id, "thumbnails": urls}).encode()
        headers = {"Content-Type": "application/json", **sign(self.settings.callback_secret, body)}
        callback = await self.http.post(str(job.callback_url), content=body, headers=headers)
        callback.raise_for_status()


async def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = Settings.from_env()
    async with (
        redis.from_url(settings.redis_url, socket_timeout=POLL_SECONDS + 5) as store,
        httpx.AsyncClient(timeout=settings.http_timeout) as http,
    ):
        worker = Worker(settings, store, http)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, worker.stopping.set)
        async with asyncio.TaskGroup() as group:
            # ok: VC113
            group.create_task(run_scheduler(store, settings.queue, worker.stopping))
            # ok: VC113
            group.create_task(serve_health(store, 8081, worker.stopping))
            await worker.run()


if __name__ == "__main__":
    asyncio.run(main())
