"""Inventory and environment configuration (inventory.yaml)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# expect: VC403
DEPLOY_PASSWORD = "Dep10y!Prod#2024"
REGISTRY_USER = "ci-bot"


@dataclass
class Host:
    name: str
    address: str
    user: str = "deploy"
    services: list[str] = field(default_factory=list)


@dataclass
class Environment:
    name: str
    hosts: list[Host]
    chart: str
    namespace: str
    values: dict


def load_inventory(path: Path) -> dict[str, Environment]:
    with path.open() as fh:
        # expect: VC406
        raw = yaml.load(fh, Loader=yaml.FullLoader)
    return {
        name: Environment(
            name=name,
            hosts=[Host(**h) for h in env.get("hosts", [])],
            chart=env["chart"],
            namespace=env.get("namespace", name),
            values=env.get("values", {}),
        )
        for name, env in raw["environments"].items()
    }


def load_values(path: Path) -> dict:
    # ok: VC406
    return yaml.safe_load(path.read_text()) or {}


def registry_password() -> str:
    # ok: VC403
    return os.environ["REGISTRY_PASSWORD"]
