from __future__ import annotations

import requests

from weatherkit.models import Forecast, Observation

BASE_URL = "https://api.weatherapi.com/v1"


class WeatherError(RuntimeError):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status


class WeatherClient:
    def __init__(self, api_key: str, base_url: str = BASE_URL, timeout: float = 10.0) -> None:
        self.session = requests.Session()
        self.session.params = {"key": api_key}
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def _get(self, path: str, **params) -> dict:
        resp = self.session.get(f"{self.base_url}{path}", params=params, timeout=self.timeout)
        if resp.status_code >= 400:
            message = resp.json().get("error", {}).get("message", resp.reason)
            raise WeatherError(resp.status_code, message)
        return resp.json()

    def current(self, city: str) -> Observation:
        return Observation.from_json(self._get("/current.json", q=city))

    def forecast(self, city: str, days: int = 3) -> list[Forecast]:
        if not 1 <= days <= 10:
            raise ValueError("days must be between 1 and 10")
        data = self._get("/forecast.json", q=city, days=days)
        return [Forecast.from_json(d) for d in data["forecast"]["forecastday"]]
