from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="PROJECTS_")

    # expect: VC403/VC203
    database_url: str = "postgresql+asyncpg://projects:Pr0jects!2024@db:5432/projects"
    # expect: VC203/VC403
    jwt_secret: str = "change-me-please-this-is-the-jwt-secret"
    jwt_algorithm: str = "HS256"
    preview_hosts: list[str] = ["docs.example.com", "wiki.example.com"]


settings = Settings()
