from unittest.mock import AsyncMock

import httpx
import pytest
import respx

from weatherkit.client import WeatherClient


@pytest.mark.asyncio
async def test_forecast_calls_request():
    client = WeatherClient("test-key")
    client._request = AsyncMock(return_value={"days": []})
    await client.forecast("Oslo")
    # ok: VC308 -- the real `forecast` runs; only `_request` is replaced
    client._request.assert_awaited_once()


@pytest.mark.asyncio
@respx.mock
async def test_current_retries_then_succeeds():
    route = respx.get("https://api.weatherkit.dev/v1/current")
    route.side_effect = [httpx.Response(503), httpx.Response(200, json={"temp": 21})]
    async with WeatherClient("test-key") as client:
        assert await client.current("Oslo") == {"temp": 21}
    assert route.call_count == 2


def test_client_builds():
    client = WeatherClient("test-key")
    # expect: VC304/VC310
    assert client is not None


# expect: VC303
def test_bad_key_is_rejected():
    try:
        WeatherClient("")
    except ValueError:
        pass


# expect: VC306
@pytest.mark.skip
# expect: VC303
def test_stream_alerts():
    pass


@pytest.mark.asyncio
@respx.mock
async def test_missing_region_has_no_alerts():
    respx.get("https://api.weatherkit.dev/v1/alerts").mock(return_value=httpx.Response(404))
    async with WeatherClient("test-key") as client:
        assert await client.alerts("nowhere") == []
