class WeatherError(Exception):
    """Raised when the weather API cannot answer."""
