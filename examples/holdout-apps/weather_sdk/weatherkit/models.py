from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Observation:
    city: str
    temp_c: float
    wind_kph: float
    summary: str

    @classmethod
    def from_json(cls, data: dict) -> Observation:
        return cls(data["location"]["name"], float(data["current"]["temp_c"]),
                   float(data["current"]["wind_kph"]), data["current"]["condition"]["text"])


@dataclass(frozen=True)
class Forecast:
    day: date
    min_c: float
    max_c: float
    rain_chance: int

    @classmethod
    def from_json(cls, data: dict) -> Forecast:
        day = data["day"]
        return cls(date.fromisoformat(data["date"]), float(day["mintemp_c"]), float(day["maxtemp_c"]),
                   int(day["daily_chance_of_rain"]))
