from unittest import mock

import pytest
import requests

from pricefeed import download


def test_fetch_prices_bounded_gives_up():
    with mock.patch.object(download.requests, "get", side_effect=requests.ConnectionError("down")), \
            mock.patch.object(download.time, "sleep"):
        with pytest.raises(requests.ConnectionError):
            download.fetch_prices_bounded("https://supplier.test", "k", "acme", attempts=2)


def test_fetch_prices_bounded_returns_items():
    response = mock.Mock()
    response.json.return_value = {"items": [{"sku": "A-1", "price": 1.0}]}
    with mock.patch.object(download.requests, "get", return_value=response) as get:
        items = download.fetch_prices_bounded("https://supplier.test", "k", "acme")
    # ok: VC308
    assert items == [{"sku": "A-1", "price": 1.0}]
    get.assert_called_once()


def test_sync_with_gsutil_calls_gsutil(tmp_path):
    with mock.patch.object(download.subprocess, "run") as run:
        download.sync_with_gsutil("bucket", "acme/", tmp_path)
    # ok: VC308 -- the code under test runs; a bare assert_called_once() is a weak check, not a hollow one
    run.assert_called_once()


def test_fetch_currency_rates():
    response = mock.Mock()
    response.json.return_value = {"rates": {"USD": 1.1}}
    with mock.patch.object(download.requests, "get", return_value=response):
        try:
            rates = download.fetch_currency_rates("k")
            assert rates["USD"] == 1.1
        # expect: VC305
        except Exception:
            pass
