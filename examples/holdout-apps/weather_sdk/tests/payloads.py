def current_payload(city="Oslo", temp=3.5):
    return {
        "location": {"name": city},
        "current": {"temp_c": temp, "wind_kph": 12.0, "condition": {"text": "Light rain"}},
    }


def forecast_payload(days=2):
    return {
        "forecast": {
            "forecastday": [
                {"date": f"2024-03-0{i + 1}", "day": {"mintemp_c": -1, "maxtemp_c": 6, "daily_chance_of_rain": 40}}
                for i in range(days)
            ]
        }
    }
