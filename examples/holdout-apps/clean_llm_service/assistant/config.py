from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_")

    # ok: VC403/VC203
    openai_api_key: SecretStr
    model: str = "gpt-4o-mini"
    database_dsn: SecretStr
    request_timeout: float = 30.0
    max_retries: int = 2
    max_tool_rounds: int = 4
    export_dir: Path = Path("/var/lib/assistant/exports")


@lru_cache
def get_settings() -> Settings:
    return Settings()
