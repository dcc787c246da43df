from pydantic import SecretStr
from pydantic_settings import BaseSettings


class AgentSettings(BaseSettings):
    # expect: VC403
    openai_api_key: str = "sk-proj-4fQ9xK2mLp8RtV3nWz7YbC1dE6gH0jS5uA9kM2qP"
    anthropic_api_key: SecretStr
    warehouse_dsn: str = "postgresql://readonly@warehouse/ops"
    model: str = "gpt-4o-mini"


settings = AgentSettings()
