"""Settings for the docs assistant, read from the environment (.env in development)."""

import os
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    openai_model: str = "gpt-4o-mini"
    claude_model: str = "claude-3-5-sonnet-latest"
    database_path: str = "data/assistant.db"
    docs_root: Path = Path("data/docs")
    upload_dir: Path = Path("data/uploads")
    allowed_fetch_hosts: frozenset[str] = frozenset({"docs.python.org", "developer.mozilla.org"})
    max_tool_rounds: int = 6


settings = Settings()

# ok: VC403
OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]
# expect: VC403
ANTHROPIC_API_KEY = os.getenv("ANTHROPIC_API_KEY", "sk-ant-api03-Jx8fQ2mZr7KpL0vN3tY5wB1cD6eH9gA4sU2iO8pE7qR")
