"""Configuration from the environment."""

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    database_url: str = "postgresql+asyncpg://billing@localhost/billing"
    # ok: VC203
    jwt_secret: str
    paddle_webhook_secret: str
    # ok: VC203
    lemon_webhook_secret: str
    paddle_api_key: str
    redis_url: str = "redis://localhost:6379"


settings = Settings()
