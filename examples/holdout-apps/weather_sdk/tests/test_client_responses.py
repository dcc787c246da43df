import pytest
import requests
import responses
from responses import matchers

from tests.payloads import current_payload, forecast_payload
from weatherkit import WeatherClient, WeatherError

BASE = "https://api.weatherapi.com/v1"


@responses.activate
def test_current_parses_observation():
    responses.get(f"{BASE}/current.json", json=current_payload(), match=[matchers.query_param_matcher({"key": "k", "q": "Oslo"})])
    obs = WeatherClient("k").current("Oslo")
    assert obs.city == "Oslo"
    assert obs.temp_c == 3.5


@responses.activate
# expect: VC308
def test_current_endpoint():
    responses.add(responses.GET, f"{BASE}/current.json", json=current_payload(), status=200)
    resp = requests.get(f"{BASE}/current.json", params={"q": "Oslo"}, timeout=5)
    assert resp.status_code == 200
    assert resp.json()["location"]["name"] == "Oslo"


@responses.activate
def test_forecast_sends_days():
    responses.get(f"{BASE}/forecast.json", json=forecast_payload(days=2))
    WeatherClient("k").forecast("Oslo", days=2)
    # ok: VC308
    assert len(responses.calls) == 1
    assert "days=2" in responses.calls[0].request.url


@responses.activate
def test_forecast_returns_list():
    responses.get(f"{BASE}/forecast.json", json=forecast_payload(days=3))
    days = WeatherClient("k").forecast("Oslo")
    # expect: VC310
    assert days


@responses.activate
def test_error_status_raises():
    responses.get(f"{BASE}/current.json", json={"error": {"message": "No matching location"}}, status=400)
    # ok: VC305
    with pytest.raises(WeatherError, match="No matching location"):
        WeatherClient("k").current("Atlantis")


@responses.activate
def test_error_status_code():
    responses.get(f"{BASE}/current.json", json={"error": {"message": "bad key"}}, status=401)
    # expect: VC305
    with pytest.raises(Exception):
        WeatherClient("bad").current("Oslo")
        # expect: VC304 -- marked after the first run: the assertion after the raising call never runs
        assert responses.calls[0].response.status_code == 401


def test_forecast_rejects_too_many_days():
    with pytest.raises(ValueError):
        WeatherClient("k").forecast("Oslo", days=14)
        # expect: VC303/VC304/VC305
        assert len(responses.calls) == 0


@responses.activate
def test_registered_mock():
    rsp = responses.get(f"{BASE}/current.json", json=current_payload())
    WeatherClient("k").current("Oslo")
    # ok: VC308
    assert rsp.call_count == 1


@responses.activate
# expect: VC308 -- moved after the first run from the `assert` to the test's `def`, the line VC308 reports
def test_mock_is_registered():
    rsp = responses.get(f"{BASE}/current.json", json=current_payload())
    assert rsp
