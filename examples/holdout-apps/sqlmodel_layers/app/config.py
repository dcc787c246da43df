from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    database_url: str = "sqlite:///projects.db"
    # expect: VC203 -- default signing secret in the source
    jwt_secret: str = "change-me-in-production"
    jwt_algorithm: str = "HS256"
    export_root: str = "/var/exports"


settings = Settings()
