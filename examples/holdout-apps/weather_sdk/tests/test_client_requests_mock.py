from unittest.mock import call, patch

import pytest
import requests

from tests.payloads import current_payload
from weatherkit import WeatherClient
from weatherkit.client import BASE_URL


def test_current_with_requests_mock(requests_mock):
    requests_mock.get(f"{BASE_URL}/current.json", json=current_payload(city="Bergen"))
    obs = WeatherClient("k").current("Bergen")
    assert obs.city == "Bergen"
    # ok: VC308
    assert requests_mock.last_request.qs == {"key": ["k"], "q": ["bergen"]}


# expect: VC308
def test_requests_mock_returns_payload(requests_mock):
    requests_mock.get(f"{BASE_URL}/current.json", json=current_payload(temp=-4))
    data = requests.get(f"{BASE_URL}/current.json", timeout=5).json()
    assert data["current"]["temp_c"] == -4


def test_mocked_endpoint_called(requests_mock):
    adapter = requests_mock.get(f"{BASE_URL}/current.json", json=current_payload())
    WeatherClient("k").current("Oslo")
    # ok: VC308
    assert adapter.called_once


def test_requests_mock_history(requests_mock):
    requests_mock.get(f"{BASE_URL}/current.json", json=current_payload())
    WeatherClient("k").current("Oslo")
    # expect: VC311
    for req in requests_mock.request_history[1:]:
        assert req.method == "GET"


@patch("weatherkit.client.requests.Session.get")
def test_current_calls_session(mock_get):
    mock_get.return_value.status_code = 200
    mock_get.return_value.json.return_value = current_payload()
    WeatherClient("k", timeout=3).current("Oslo")
    # ok: VC308
    assert mock_get.call_args == call(f"{BASE_URL}/current.json", params={"q": "Oslo"}, timeout=3)


@patch("weatherkit.client.requests.Session.get")
def test_current_patched(mock_get):
    mock_get.return_value.status_code = 200
    mock_get.return_value.json.return_value = current_payload()
    WeatherClient("k").current("Oslo")
    # expect: VC304/VC308
    assert mock_get.return_value.json.return_value == current_payload()


@patch("weatherkit.client.WeatherClient.current")
# expect: VC308
def test_current_mocked_method(mock_current):
    mock_current.return_value = {"city": "Oslo"}
    result = WeatherClient("k").current("Oslo")
    assert result == {"city": "Oslo"}


@patch("weatherkit.client.requests.Session.get")
def test_current_raises_on_error(mock_get):
    mock_get.return_value.status_code = 500
    mock_get.return_value.json.return_value = {}
    mock_get.return_value.reason = "Server Error"
    try:
        WeatherClient("k").current("Oslo")
    # expect: VC305
    except Exception as exc:
        print("raised", exc)
    mock_get.assert_called_once()


# expect: VC306
@pytest.mark.skip("")
def test_current_live():
    assert WeatherClient("real-key").current("Oslo").city == "Oslo"
