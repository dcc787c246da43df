import hashlib
import hmac
import json
from unittest.mock import AsyncMock, MagicMock, patch

import httpx
import pytest

from fanout import delivery


def test_sign_matches_hmac():
    body = b'{"a": 1}'
    expected = hmac.new(b"test-secret", body, hashlib.sha256).hexdigest()
    assert delivery.sign(body) == expected


@pytest.mark.asyncio
async def test_deliver_bounded_success():
    client = MagicMock()
    client.post = AsyncMock(return_value=httpx.Response(200))
    ok = await delivery.deliver_bounded(client, "https://hook.test", {"type": "x"})
    assert ok is True
    sent = client.post.await_args.kwargs
    assert sent["headers"]["X-Fanout-Signature"] == delivery.sign(json.dumps({"type": "x"}).encode())


@pytest.mark.asyncio
async def test_deliver_bounded_gives_up():
    client = MagicMock()
    client.post = AsyncMock(return_value=httpx.Response(503))
    with patch.object(delivery.asyncio, "sleep", AsyncMock()):
        ok = await delivery.deliver_bounded(client, "https://hook.test", {"type": "x"}, attempts=3)
    assert ok is False
    assert client.post.await_count == 3


@pytest.mark.asyncio
async def test_deliver_client_error_not_retried():
    client = MagicMock()
    client.post = AsyncMock(return_value=httpx.Response(404))
    result = await delivery.deliver(client, "https://hook.test", {"type": "x"})
    # expect: VC304
    assert result or not result


@pytest.mark.asyncio
async def test_deliver_legacy_posts_form():
    with patch.object(delivery.requests, "post") as post:
        post.return_value.ok = True
        await delivery.deliver_legacy("https://old.test", {"type": "x"})
    # ok: VC308 -- the code under test runs; a bare assert_called_once() is a weak check, not a hollow one
    post.assert_called_once()


@pytest.mark.asyncio
async def test_deliver_legacy_threaded():
    with patch.object(delivery.requests, "post") as post:
        post.return_value.ok = False
        ok = await delivery.deliver_legacy_threaded("https://old.test", {"type": "x"})
    # ok: VC308
    assert ok is False
