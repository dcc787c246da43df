"""Job configuration from a YAML file, with credentials from the environment only."""

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml


class ConfigError(ValueError):
    """The job file or the environment is incomplete."""


@dataclass(frozen=True)
class Job:
    name: str
    database_url: str
    source_dir: Path
    target_dir: Path
    exclude: tuple[str, ...] = ()
    keep: int = 7
    notify_url: str | None = None
    notify_token: str | None = field(default=None, repr=False)


def load_job(path: Path) -> Job:
    try:
        # ok: VC406
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML") from exc
    if not isinstance(raw, dict) or "name" not in raw:
        raise ConfigError(f"{path}: expected a mapping with a 'name'")
    try:
        # ok: VC403
        database_url = os.environ["SNAPKIT_DATABASE_URL"]
    except KeyError as exc:
        raise ConfigError("SNAPKIT_DATABASE_URL is not set") from exc
    return Job(
        name=str(raw["name"]),
        database_url=database_url,
        source_dir=Path(raw["source_dir"]).expanduser(),
        target_dir=Path(raw["target_dir"]).expanduser(),
        exclude=tuple(raw.get("exclude", ())),
        keep=int(raw.get("keep", 7)),
        notify_url=raw.get("notify_url"),
        notify_token=os.environ.get("SNAPKIT_NOTIFY_TOKEN"),
    )
