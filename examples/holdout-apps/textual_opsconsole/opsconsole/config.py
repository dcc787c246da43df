"""Loads the console's host inventory and credentials."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CONFIG_PATH = Path(os.environ.get("OPSCONSOLE_CONFIG", "~/.config/opsconsole/hosts.yaml")).expanduser()

# expect: VC403
DEFAULT_SSH_PASSWORD = "OpsRoot#2024"
# ok: VC403
GRAFANA_TOKEN = os.environ.get("GRAFANA_TOKEN", "")

ALLOWED_SERVICES = ("nginx", "postgresql", "redis-server", "app-web", "app-worker")


@dataclass
class Host:
    name: str
    address: str
    user: str = "ops"
    password: str | None = None
    services: list[str] = field(default_factory=list)


def load_hosts(path: Path = CONFIG_PATH) -> list[Host]:
    with path.open() as fh:
        # expect: VC406
        raw = yaml.load(fh, Loader=yaml.Loader)
    return [Host(**entry) for entry in raw.get("hosts", [])]


def load_overrides(path: Path) -> dict:
    with path.open() as fh:
        # ok: VC406
        return yaml.safe_load(fh) or {}
