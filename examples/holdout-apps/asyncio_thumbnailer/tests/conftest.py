import io
import json
from unittest.mock import AsyncMock, MagicMock

import pytest
from PIL import Image

from thumbs.worker import Worker


@pytest.fixture
def png_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (800, 600), "red").save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def fake_redis():
    redis = AsyncMock()
    redis.blpop.return_value = ("thumbs:jobs", json.dumps({"id": "j1", "url": "https://img.example.com/a.png"}))
    return redis


@pytest.fixture
def worker(fake_redis, tmp_path):
    return Worker(fake_redis, MagicMock(), tmp_path)
