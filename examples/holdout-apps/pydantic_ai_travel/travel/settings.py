"""Settings for the travel assistant."""

import os
from pathlib import Path

# expect: VC504
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    database_url: str = "sqlite:///travel.db"
    openai_model: str = "openai:gpt-4o"
    # expect: VC203
    jwt_secret: str = "super-secret-jwt-key-change-me"
    jwt_algorithm: str = "HS256"
    itinerary_dir: Path = Path("itineraries")
    # ok: VC403
    amadeus_key: str = os.environ.get("AMADEUS_KEY", "")


settings = Settings()
