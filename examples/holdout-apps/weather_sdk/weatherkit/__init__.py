from weatherkit.async_client import AsyncWeatherClient
from weatherkit.client import WeatherClient, WeatherError
from weatherkit.models import Forecast, Observation

__all__ = ["AsyncWeatherClient", "Forecast", "Observation", "WeatherClient", "WeatherError"]
