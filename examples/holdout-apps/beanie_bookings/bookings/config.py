"""Settings read from the environment (or `.env`)."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="BOOKINGS_")

    mongo_url: str = "mongodb://localhost:27017"
    db_name: str = "bookings"
    # expect: VC203
    jwt_secret: str = "dev-secret-change-me-4f1c9a"
    jwt_algorithm: str = "HS256"
    token_ttl_minutes: int = 60 * 12
    frontend_origin: str = "http://localhost:5173"


settings = Settings()
