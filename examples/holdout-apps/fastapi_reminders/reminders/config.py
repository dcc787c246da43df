from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="REMINDERS_", env_file=".env")

    database_path: str = "reminders.db"
    sms_api_url: str = "https://sms.example.com/v1/messages"
    sms_api_key: str = ""
    webhook_timeout: float = 10.0
    max_send_attempts: int = 3


@lru_cache
def get_settings() -> Settings:
    return Settings()
