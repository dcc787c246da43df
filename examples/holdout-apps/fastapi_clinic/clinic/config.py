from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    PROJECT_NAME: str = "Clinic Portal"
    DATABASE_URL: str = "postgresql+asyncpg://clinic:clinic@localhost:5432/clinic"
    # expect: VC203
    JWT_SECRET_KEY: str = "super-secret-jwt-key-change-me"
    JWT_ALGORITHM: str = "HS256"
    ACCESS_TOKEN_EXPIRE_MINUTES: int = 60 * 24
    UPLOAD_DIR: str = "/var/lib/clinic/uploads"
    LAB_WEBHOOK_SECRET: str = ""
    PAYMENTS_WEBHOOK_SECRET: str
    ALLOWED_CALLBACK_HOSTS: list[str] = ["hooks.partner-lab.com"]
    SMTP_HOST: str = "smtp.mailgun.org"
    SMTP_USER: str = "postmaster@clinic.example"
    SMTP_PASSWORD: str
    CORS_ORIGIN_REGEX: str = r"https://.*"


@lru_cache
def get_settings() -> Settings:
    return Settings()


settings = get_settings()
