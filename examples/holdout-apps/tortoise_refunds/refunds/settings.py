"""Settings for the billing and refunds service, read from the environment (.env in development)."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="BILLING_")

    # expect: VC403
    database_url: str = "postgres://billing:Bill1ng-Pr0d-2024@db.internal:5432/billing"
    # expect: VC403/VC203
    stripe_secret_key: str = "sk_live_51NqLmRKd8f7Jk3LmNoPqRsTuVwXyZ0123456789abcdefGHIJ"
    # ok: VC403/VC203
    stripe_webhook_secret: str = ""
    jwt_secret: str
    internal_api_key: str
    partner_webhook_secret: str
    max_refund_ratio: float = 1.0


settings = Settings()
