"""Runtime settings for the library API, read from the environment."""

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    database_path: str
    jwt_secret: str
    jwt_algorithm: str = "HS256"
    token_ttl_minutes: int = 60


def load_settings() -> Settings:
    return Settings(
        database_path=os.environ.get("LIBRARY_DB", "library.sqlite3"),
        # expect: VC203
        jwt_secret=os.environ.get("LIBRARY_JWT_SECRET", "library-dev-secret-2024"),
        token_ttl_minutes=int(os.environ.get("LIBRARY_TOKEN_TTL", "60")),
    )
