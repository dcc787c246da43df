import asyncio
import dataclasses
import json
from unittest.mock import AsyncMock, patch

import httpx
import pytest

from tests.conftest import job_payload
from worker.jobs import ThumbnailJob
from worker.main import Worker
from worker.signing import verify


def reply(status: int, content: bytes = b"", url: str = "https://x.test/") -> httpx.Response:
    return httpx.Response(status, content=content, request=httpx.Request("GET", url))


@pytest.mark.parametrize(
    "raw",
    [b"not json", json.dumps(job_payload(job_id="short")).encode(), json.dumps(job_payload(sizes=[])).encode()],
)
async def test_malformed_jobs_go_to_dead_letters(worker, store: AsyncMock, raw: bytes) -> None:
    await worker.handle(raw)
    store.lpush.assert_awaited_once_with("thumbnails:dead", raw)


async def test_unlisted_callback_host_is_permanent(worker, store: AsyncMock, http: AsyncMock) -> None:
    raw = json.dumps(job_payload(callback_url="https://169.254.169.254/latest")).encode()
    await worker.handle(raw)
    http.get.assert_not_awaited()
    store.lpush.assert_awaited_once_with("thumbnails:dead", raw)


async def test_transient_failure_is_retried_with_backoff(worker, store: AsyncMock, http: AsyncMock) -> None:
    http.get.side_effect = httpx.ConnectError("down")
    await worker.handle(json.dumps(job_payload()).encode())
    (key, mapping), _ = store.zadd.await_args
    assert key == "thumbnails:delayed"
    (queued,) = mapping
    assert ThumbnailJob.model_validate_json(queued).attempt == 2


async def test_last_attempt_goes_to_dead_letters(worker, store: AsyncMock, http: AsyncMock) -> None:
    http.get.side_effect = httpx.ConnectError("down")
    await worker.handle(json.dumps(job_payload(attempt=5)).encode())
    store.zadd.assert_not_awaited()
    assert store.lpush.await_args.args[0] == "thumbnails:dead"


async def test_callback_is_signed(worker, settings, http: AsyncMock) -> None:
    http.get.return_value = reply(200, b"png")
    http.post.return_value = reply(204)
    with (
        patch("worker.main.make_thumbnails", return_value={64: b"jpg"}),
        patch("worker.main.upload_object", return_value="https://cdn.test/cat/64.jpg") as upload,
    ):
        await worker.process(ThumbnailJob.model_validate(job_payload()))
    upload.assert_called_once_with("thumbs/cat/64.jpg", b"jpg")
    body = http.post.await_args.kwargs["content"]
    assert json.loads(body) == {"job_id": "0" * 32, "thumbnails": {"64": "https://cdn.test/cat/64.jpg"}}
    assert verify(settings.callback_secret, body, http.post.await_args.kwargs["headers"])


@pytest.mark.parametrize(
    "status",
    [pytest.param(404, id="missing-source"), pytest.param(500, id="server-error")],
)
async def test_source_errors_are_retried(worker, store: AsyncMock, http: AsyncMock, status: int) -> None:
    http.get.return_value = reply(status)
    await worker.handle(json.dumps(job_payload()).encode())
    store.zadd.assert_awaited_once()
    http.post.assert_not_awaited()


async def test_job_deadline(settings, store: AsyncMock, http: AsyncMock) -> None:
    async def slow(*args, **kwargs):
        await asyncio.sleep(5)

    http.get.side_effect = slow
    worker = Worker(dataclasses.replace(settings, job_timeout=0.01), store, http)
    try:
        await asyncio.wait_for(worker.handle(json.dumps(job_payload()).encode()), timeout=2)
    except TimeoutError:
        pytest.fail("the worker did not enforce its own deadline")
    store.zadd.assert_awaited_once()
