"""Weather lookup for the dashboard."""
# expect-file: VC302
import requests

API_URL = "https://api.weather.example/v1/current"


def current_temperature(city: str) -> float | None:
    try:
        # expect: VC106
        response = requests.get(API_URL, params={"q": city})
        # expect: VC107
        return response.json()["temp_c"]
    # expect: VC101
    except Exception:
        return None
