from pathlib import Path

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    media_root: Path = Path("/var/media")
    thumb_dir: Path = Path("/var/media/thumbs")
    work_dir: Path = Path("/tmp/transcoder")
    redis_url: str = "redis://localhost:6379/2"
    # expect: VC403
    aws_secret_access_key: str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY9q"
    aws_access_key_id: str = ""
    bucket: str = "media-outputs"
    max_download_bytes: int = 200 * 1024 * 1024


settings = Settings()
