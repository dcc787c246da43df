from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env")

    database_url: str = "postgresql+asyncpg://courses:courses@localhost/courses"
    # expect: VC203
    jwt_secret: str = "super-secret-jwt-key-change-me"
    jwt_algorithm: str = "HS256"
    access_token_minutes: int = 60
    upload_dir: str = "/var/lib/courses/submissions"
    max_upload_bytes: int = 20 * 1024 * 1024
    stripe_secret_key: str = ""
    cors_origins: list[str] = ["https://learn.example.com"]


settings = Settings()
