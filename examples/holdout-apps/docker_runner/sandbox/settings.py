from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    # expect: VC203/VC403
    api_token: str = "sk-runner-7f3a9c2e1b"
    docker_host: str = "unix:///var/run/docker.sock"
    allowed_images: frozenset[str] = frozenset({"python:3.12-slim", "node:20-alpine", "golang:1.22-alpine"})
    job_timeout: int = 120


settings = Settings()
