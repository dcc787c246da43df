import httpx
import pytest

from payments import Gateway

CHARGE = {"id": "ch_1", "amount": 2500, "created": "2026-11-30T10:00:00+00:00", "refunds": []}


def _handler(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/charges":
        body = request.read()
        if b'"tok_declined"' in body:
            return httpx.Response(402, json={"message": "insufficient funds"})
        return httpx.Response(200, json=CHARGE)
    if request.url.path == "/refunds":
        return httpx.Response(200, json={"id": "re_1", "charge": "ch_1", "amount": 1000})
    return httpx.Response(404, json={})


@pytest.fixture
def gateway():
    client = httpx.Client(base_url="https://processor.test", transport=httpx.MockTransport(_handler))
    gw = Gateway("sk_test_123", client=client)
    yield gw
    gw.close()


@pytest.fixture
def charge():
    return dict(CHARGE)
