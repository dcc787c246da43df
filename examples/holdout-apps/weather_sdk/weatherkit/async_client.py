from __future__ import annotations

import asyncio

import httpx

from weatherkit.client import BASE_URL, WeatherError
from weatherkit.models import Observation


class AsyncWeatherClient:
    def __init__(self, api_key: str, base_url: str = BASE_URL, client: httpx.AsyncClient | None = None) -> None:
        self._client = client or httpx.AsyncClient(base_url=base_url, params={"key": api_key}, timeout=10.0)

    async def current(self, city: str) -> Observation:
        resp = await self._client.get("/current.json", params={"q": city})
        if resp.is_error:
            raise WeatherError(resp.status_code, resp.json().get("error", {}).get("message", "error"))
        return Observation.from_json(resp.json())

    async def current_many(self, cities: list[str]) -> dict[str, Observation]:
        results = await asyncio.gather(*(self.current(city) for city in cities))
        return dict(zip(cities, results))

    async def aclose(self) -> None:
        await self._client.aclose()
