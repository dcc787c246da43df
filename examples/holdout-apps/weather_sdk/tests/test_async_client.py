import httpx
import pytest
import respx

from tests.payloads import current_payload
from weatherkit import AsyncWeatherClient, WeatherError
from weatherkit.client import BASE_URL


@pytest.fixture
async def client():
    c = AsyncWeatherClient("k")
    yield c
    await c.aclose()


@respx.mock
async def test_current_async(client):
    route = respx.get(f"{BASE_URL}/current.json").mock(return_value=httpx.Response(200, json=current_payload()))
    obs = await client.current("Oslo")
    assert obs.summary == "Light rain"
    # ok: VC308
    assert route.called


@respx.mock
# expect: VC308
async def test_respx_route():
    respx.get(f"{BASE_URL}/current.json").mock(return_value=httpx.Response(200, json=current_payload()))
    async with httpx.AsyncClient() as http:
        resp = await http.get(f"{BASE_URL}/current.json")
    assert resp.json()["location"]["name"] == "Oslo"


@respx.mock
async def test_current_not_awaited(client):
    respx.get(f"{BASE_URL}/current.json").mock(return_value=httpx.Response(200, json=current_payload()))
    # expect: VC304/VC310
    assert client.current("Oslo")


@respx.mock
async def test_current_many(client):
    respx.get(f"{BASE_URL}/current.json").mock(return_value=httpx.Response(200, json=current_payload()))
    result = await client.current_many(["Oslo", "Bergen"])
    # expect: VC310
    assert len(result)


@respx.mock
async def test_error_is_raised(client):
    respx.get(f"{BASE_URL}/current.json").mock(return_value=httpx.Response(404, json={"error": {"message": "nope"}}))
    try:
        await client.current("Nowhere")
    # ok: VC305
    except WeatherError as exc:
        assert exc.status == 404
    else:
        pytest.fail("expected WeatherError")


async def test_with_httpx_mock(httpx_mock):
    httpx_mock.add_response(url=f"{BASE_URL}/current.json?key=k&q=Oslo", json=current_payload())
    obs = await AsyncWeatherClient("k").current("Oslo")
    assert obs.wind_kph == 12.0
    # ok: VC308
    assert len(httpx_mock.get_requests()) == 1


# expect: VC308
async def test_httpx_mock_response(httpx_mock):
    httpx_mock.add_response(json=current_payload(temp=20))
    async with httpx.AsyncClient() as http:
        resp = await http.get(f"{BASE_URL}/current.json")
    assert resp.json()["current"]["temp_c"] == 20


@pytest.mark.anyio
# expect: VC303
async def test_current_many_empty(client):
    await client.current_many([])


async def test_transport_injected():
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.params["q"] == "Oslo"
        return httpx.Response(200, json=current_payload())

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler), base_url=BASE_URL)
    # ok: VC303, VC308 -- the handler asserts on the request the client sent
    await AsyncWeatherClient("k", client=http).current("Oslo")
