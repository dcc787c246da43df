from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="TENANTS_")

    database_url: str = "postgresql+asyncpg://localhost/tenants"
    # expect: VC203/VC403 -- hard-coded JWT signing secret as a settings default
    jwt_secret: str = "7f3c9a1e5b2d8f4a6c0e9b1d3f5a7c9e"
    jwt_algorithm: str = "HS256"
    access_token_minutes: int = 30
    # expect: VC404 -- TLS verification off by default (moved from its use in webhooks.py)
    verify_ssl: bool = False
    storage_dir: str = "/var/lib/tenants/documents"


@lru_cache
def get_settings() -> Settings:
    return Settings()


settings = get_settings()
