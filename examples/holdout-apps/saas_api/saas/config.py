import os


class Settings:
    database_url: str = os.environ.get("DATABASE_URL", "sqlite:///./saas.db")
    stripe_webhook_secret: str = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
    partner_webhook_secret: str = os.environ.get("PARTNER_WEBHOOK_SECRET", "")
    access_token_minutes: int = int(os.environ.get("ACCESS_TOKEN_MINUTES", "60"))


settings = Settings()
