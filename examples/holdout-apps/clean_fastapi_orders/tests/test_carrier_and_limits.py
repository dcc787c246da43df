from unittest.mock import MagicMock, patch

import httpx
import pytest
from fastapi import HTTPException

from orders import ratelimit
from orders.carrier import is_payment_page, tracking_status


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://pay.provider.example/checkout/abc", True),
        ("https://pay.provider.example.evil.test/checkout/abc", False),
        ("https://pay.provider.example@evil.test/checkout/", False),
        ("http://pay.provider.example/checkout/abc", False),
    ],
)
def test_is_payment_page(url: str, ok: bool) -> None:
    assert is_payment_page(url) is ok


def carrier_replying(status: int, body: dict | None = None) -> MagicMock:
    client = MagicMock()
    client.__enter__.return_value = client
    client.get.return_value = httpx.Response(status, json=body or {}, request=httpx.Request("GET", "https://t.test/"))
    return client


@pytest.fixture(autouse=True)
def carrier_env(monkeypatch) -> None:
    monkeypatch.setenv("ORDERS_CARRIER_API_KEY", "k")
    monkeypatch.setattr("orders.carrier._context", lambda: None)


@pytest.mark.parametrize(("status", "body", "expected"), [(200, {"status": "in transit"}, "in transit"), (404, None, None)])
def test_tracking_status(status: int, body: dict | None, expected: str | None) -> None:
    with patch("orders.carrier.httpx.Client", return_value=carrier_replying(status, body)):
        assert tracking_status("TRK1") == expected


def test_tracking_status_raises_on_server_error() -> None:
    with patch("orders.carrier.httpx.Client", return_value=carrier_replying(502)), pytest.raises(httpx.HTTPStatusError):
        tracking_status("TRK1")


def test_login_limiter_blocks_after_the_limit(monkeypatch) -> None:
    monkeypatch.setattr(ratelimit, "_attempts", ratelimit.defaultdict(ratelimit.deque))
    request = MagicMock()
    request.client.host = "203.0.113.9"
    for _ in range(ratelimit.MAX_ATTEMPTS):
        ratelimit.login_rate_limit(request)
    with pytest.raises(HTTPException, match="Too many attempts"):
        ratelimit.login_rate_limit(request)
