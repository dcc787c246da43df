"""Jobs arrive as JSON and are validated before anything touches them."""

from typing import Annotated
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StringConstraints

ObjectKey = Annotated[str, StringConstraints(pattern=r"^[a-zA-Z0-9][a-zA-Z0-9/_.-]{0,255}$")]


class ThumbnailJob(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    job_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
    source_url: HttpUrl
    output_key: ObjectKey
    sizes: list[Annotated[int, Field(ge=16, le=2048)]] = Field(min_length=1, max_length=5)
    callback_url: HttpUrl
    attempt: int = Field(default=1, ge=1)


def callback_allowed(job: ThumbnailJob, allowed_hosts: frozenset[str]) -> bool:
    parts = urlsplit(str(job.callback_url))
    # ok: VC415 -- exact host match against a configured set, https only
    return parts.scheme == "https" and (parts.hostname or "").lower() in allowed_hosts
