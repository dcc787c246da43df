"""The shipping client retries transient failures a bounded number of times."""

from unittest.mock import MagicMock, patch

import httpx
import pytest

from orders.config import get_settings
from orders.shipping import ShippingError, create_shipment


def fake_client(*responses: httpx.Response | Exception) -> MagicMock:
    client = MagicMock()
    client.__enter__.return_value = client
    client.post.side_effect = list(responses)
    return client


def reply(status: int, body: dict | None = None) -> httpx.Response:
    return httpx.Response(status, json=body or {}, request=httpx.Request("POST", "https://ship.test/shipments"))


@patch("orders.shipping.time.sleep")
def test_retries_then_succeeds(sleep: MagicMock) -> None:
    client = fake_client(httpx.ConnectError("down"), reply(503), reply(201, {"tracking_number": "TRK1"}))
    with patch("orders.shipping._client", return_value=client):
        assert create_shipment(7, get_settings()) == "TRK1"
    assert client.post.call_count == 3
    assert [call.args[0] for call in sleep.call_args_list] == [0.5, 1.0]


@patch("orders.shipping.time.sleep")
def test_gives_up_after_the_last_attempt(sleep: MagicMock) -> None:
    client = fake_client(*[reply(503)] * 3)
    with patch("orders.shipping._client", return_value=client), pytest.raises(ShippingError, match="after 3 attempts"):
        create_shipment(7, get_settings(), attempts=3)
    assert sleep.call_count == 2


def test_client_error_is_not_retried() -> None:
    client = fake_client(reply(400))
    with patch("orders.shipping._client", return_value=client), pytest.raises(ShippingError, match="refused order 7"):
        create_shipment(7, get_settings())
    client.post.assert_called_once_with("/shipments", json={"reference": "7"})
