from unittest.mock import AsyncMock, MagicMock

import pytest


@pytest.fixture
def pool():
    conn = AsyncMock()
    pool = MagicMock()
    pool.acquire.return_value.__aenter__.return_value = conn
    pool.conn = conn
    return pool


@pytest.fixture
def session():
    resp = AsyncMock()
    resp.json.return_value = {"ok": True}
    resp.status = 200
    session = MagicMock()
    session.post.return_value.__aenter__.return_value = resp
    return session
