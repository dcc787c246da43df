"""Settings read from the environment; the service refuses to start without its secrets."""

from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ORDERS_", env_file=".env", extra="ignore")

    database_url: str
    # ok: VC203 -- required, no default: startup fails when it is missing
    jwt_secret: SecretStr
    jwt_algorithm: str = "HS256"
    token_ttl_minutes: int = Field(default=30, ge=1, le=24 * 60)
    # ok: VC203/VC403
    webhook_secret: SecretStr
    shipping_api_url: str = "https://api.shipfast.example/v2"
    shipping_api_key: SecretStr
    http_timeout_seconds: float = 10.0
    cors_origins: list[str] = Field(default_factory=list)
    frontend_url: str = "https://shop.example"
    attachments_dir: str = "/var/lib/orders/attachments"
    max_attachment_bytes: int = 5 * 1024 * 1024
    reset_token_ttl_minutes: int = 30
    # ok: VC211
    debug: bool = False


@lru_cache
def get_settings() -> Settings:
    return Settings()
