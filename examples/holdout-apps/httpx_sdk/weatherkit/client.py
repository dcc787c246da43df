import asyncio
import logging
import random

import httpx
import requests

from .errors import WeatherError

logger = logging.getLogger(__name__)
RETRYABLE = {429, 500, 502, 503, 504}


class WeatherClient:
    def __init__(self, api_key: str, base_url: str = "https://api.weatherkit.dev/v1", timeout: float = 10.0,
                 max_retries: int = 3) -> None:
        self.base_url = base_url
        self.api_key = api_key
        self.max_retries = max_retries
        self._client = httpx.AsyncClient(base_url=base_url, timeout=timeout,
                                         headers={"Authorization": f"Bearer {api_key}"})

    async def __aenter__(self) -> "WeatherClient":
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self._client.aclose()

    async def _request(self, method: str, path: str, **kwargs) -> dict:
        # ok: VC109
        for attempt in range(self.max_retries + 1):
            try:
                resp = await self._client.request(method, path, **kwargs)
            except httpx.TransportError as exc:
                logger.warning("transport error on %s %s: %s", method, path, exc)
            else:
                if resp.status_code not in RETRYABLE:
                    resp.raise_for_status()
                    return resp.json()
            await asyncio.sleep(min(0.5 * 2**attempt, 8) + random.random() / 10)
        raise WeatherError(f"{method} {path} failed after {self.max_retries + 1} attempts")

    async def current(self, city: str) -> dict:
        return await self._request("GET", "/current", params={"q": city})

    async def forecast(self, city: str, days: int = 3) -> dict | None:
        try:
            return await self._request("GET", "/forecast", params={"q": city, "days": days})
        # expect: VC101/VC103
        except Exception:
            return None

    async def alerts(self, region: str) -> list:
        try:
            data = await self._request("GET", "/alerts", params={"region": region})
        # ok: VC101
        except httpx.HTTPStatusError as exc:
            if exc.response.status_code == 404:
                # The API answers 404 for regions without an alert feed: that means "no alerts", not an error.
                return []
            raise
        return data["alerts"]

    async def stream_alerts(self, region: str):
        # expect: VC106
        async with httpx.AsyncClient(base_url=self.base_url, timeout=None) as client:
            async with client.stream("GET", "/alerts/stream", params={"region": region}) as resp:
                async for line in resp.aiter_lines():
                    yield line

    async def radar_image(self, url: str) -> bytes:
        # expect: VC404
        async with httpx.AsyncClient(verify=False, timeout=30) as client:
            resp = await client.get(url)
            resp.raise_for_status()
            return resp.content

    async def save_radar(self, url: str, path: str) -> None:
        data = await self.radar_image(url)
        # expect: VC110
        with open(path, "wb") as fh:
            fh.write(data)

    async def warm_cache(self, cities: list[str]) -> None:
        for city in cities:
            # expect: VC113
            asyncio.ensure_future(self.current(city))

    async def current_many(self, cities: list[str]) -> list[dict]:
        # ok: VC113
        return await asyncio.gather(*(self.current(city) for city in cities))

    def current_sync(self, city: str) -> dict:
        # expect: VC106
        resp = requests.get(f"{self.base_url}/current", params={"q": city},
                            headers={"Authorization": f"Bearer {self.api_key}"})
        resp.raise_for_status()
        return resp.json()
