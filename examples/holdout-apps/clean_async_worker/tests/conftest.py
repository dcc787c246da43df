from unittest.mock import AsyncMock

import httpx
import pytest

from worker.main import Worker
from worker.settings import Settings


@pytest.fixture()
def settings() -> Settings:
    # ok: VC403 -- a test value
    return Settings(
        redis_url="redis://test", callback_secret="test-secret", allowed_callback_hosts=frozenset({"hooks.client.test"})
    )


@pytest.fixture()
def store() -> AsyncMock:
    return AsyncMock()


@pytest.fixture()
def http() -> AsyncMock:
    return AsyncMock(spec=httpx.AsyncClient)


@pytest.fixture()
def worker(settings: Settings, store: AsyncMock, http: AsyncMock) -> Worker:
    return Worker(settings, store, http)


def job_payload(**overrides) -> dict:
    payload = {
        "job_id": "0" * 32,
        "source_url": "https://img.client.test/cat.png",
        "output_key": "thumbs/cat",
        "sizes": [64],
        "callback_url": "https://hooks.client.test/done",
    }
    payload.update(overrides)
    return payload
