"""Worker settings from the environment; secrets are required, limits have safe defaults."""

import os
from dataclasses import dataclass, field


class SettingsError(RuntimeError):
    pass


def _required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise SettingsError(f"{name} must be set")
    return value


@dataclass(frozen=True)
class Settings:
    redis_url: str
    # ok: VC203/VC403
    callback_secret: str = field(repr=False)
    queue: str = "thumbnails"
    concurrency: int = 8
    job_timeout: float = 30.0
    http_timeout: float = 10.0
    max_attempts: int = 5
    allowed_callback_hosts: frozenset[str] = frozenset()

    @classmethod
    def from_env(cls) -> "Settings":
        hosts = os.environ.get("WORKER_CALLBACK_HOSTS", "")
        return cls(
            redis_url=_required("WORKER_REDIS_URL"),
            # ok: VC403
            callback_secret=_required("WORKER_CALLBACK_SECRET"),
            queue=os.environ.get("WORKER_QUEUE", "thumbnails"),
            concurrency=int(os.environ.get("WORKER_CONCURRENCY", "8")),
            allowed_callback_hosts=frozenset(h.strip().lower() for h in hosts.split(",") if h.strip()),
        )
