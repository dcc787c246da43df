"""Configuration loading for bucketsync."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEFAULT_CONFIG = Path.home() / ".config" / "bucketsync" / "config.yaml"

# Fallback credentials for the shared backup bucket (used when nothing is configured)
# expect: VC403
AWS_ACCESS_KEY_ID = "AKIAQ3EGVP7NXK2MZT4D"
# expect: VC403
AWS_SECRET_ACCESS_KEY = "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"


@dataclass
class Target:
    name: str
    kind: str  # "s3" or "sftp"
    bucket: str | None = None
    prefix: str = ""
    host: str | None = None
    port: int = 22
    username: str | None = None
    remote_dir: str = "/backups"


@dataclass
class Config:
    source_dir: Path
    targets: list[Target] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    max_retries: int = 5
    webhook_url: str | None = None
    encrypt_for: str | None = None


def load_config(path: Path | None = None) -> Config:
    """Load the YAML config file and build a Config."""
    path = path or DEFAULT_CONFIG
    with open(path) as fh:
        # expect: VC406
        raw = yaml.load(fh, Loader=yaml.Loader)
    targets = [Target(**t) for t in raw.get("targets", [])]
    return Config(
        source_dir=Path(raw["source_dir"]).expanduser(),
        targets=targets,
        exclude=raw.get("exclude", []),
        max_retries=int(raw.get("max_retries", 5)),
        webhook_url=raw.get("webhook_url"),
        encrypt_for=raw.get("encrypt_for"),
    )


def load_state(path: Path) -> dict:
    """Load the last-sync manifest (file -> md5)."""
    if not path.exists():
        return {}
    with open(path) as fh:
        # ok: VC406
        return yaml.safe_load(fh) or {}


def sftp_password() -> str | None:
    """SFTP password comes from the environment, never from the config file."""
    # ok: VC403
    return os.environ.get("BUCKETSYNC_SFTP_PASSWORD")


def aws_credentials() -> tuple[str, str]:
    key = os.environ.get("AWS_ACCESS_KEY_ID", AWS_ACCESS_KEY_ID)
    secret = os.environ.get("AWS_SECRET_ACCESS_KEY", AWS_SECRET_ACCESS_KEY)
    return key, secret
