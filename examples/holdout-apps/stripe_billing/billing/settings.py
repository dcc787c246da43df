from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    database_url: str = "postgresql+psycopg://billing@localhost/billing"
    # expect: VC403/VC203
    stripe_secret_key: str = "sk_live_51NqLyjWDarjtT1zdp7dcXRVXe4B8fZ0nLqK6aQ2"
    stripe_webhook_secret: str = ""
    stripe_test_mode: bool = False
    github_webhook_secret: str
    twilio_auth_token: str
    paypal_client_id: str
    paypal_client_secret: str
    paypal_webhook_id: str
    paypal_api: str = "https://api-m.paypal.com"
    jwt_secret: str


settings = Settings()
