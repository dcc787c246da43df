import os

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    database_url: str = "sqlite:///./todo.db"
    secret_key: str = os.getenv("SECRET_KEY", "change-me")
    api_keys: list[str] = []


settings = Settings()
