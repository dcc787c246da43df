from pathlib import Path

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    media_root: Path = Path("/var/media")
    thumb_dir: Path = Path("/var/media/thumbs")
    work_dir: Path = Path("/tmp/transcoder")
    redis_url: str = "redis://localhost:6379/2"
    # expect: VC403/VC203 -- corrected seed: the blind value was AWS's documented sample key, a placeholder by design
    aws_secret_access_key: str = "q7Hd93JslPz0vX2mK8rTt6bNw1cYe4uA5gF0hLkE"
    aws_access_key_id: str = ""
    bucket: str = "media-outputs"
    max_download_bytes: int = 200 * 1024 * 1024


settings = Settings()
