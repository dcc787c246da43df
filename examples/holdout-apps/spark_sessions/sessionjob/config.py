"""Job configuration: table names, paths and the warehouse connection."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

SOURCE_TABLE = "raw.clickstream_events"
SESSIONS_TABLE = "analytics.user_sessions"
SESSION_GAP_MINUTES = 30

# expect: VC403
JDBC_URL = "jdbc:postgresql://etl_writer:Cl1ckstream!2024@pg-analytics.internal:5432/analytics"
# ok: VC403
JDBC_URL_FROM_ENV = os.environ.get("ANALYTICS_JDBC_URL", "jdbc:postgresql://localhost:5432/analytics")

# expect: VC403
STORAGE_ACCOUNT_KEY = "p9Yq3LkV2xN8mB4tR7wZ1cF6hJ0sD5gA8eU3iO2pQ9rT4yW7vX1zC6bN0mL5kJ8h=="


@dataclass(frozen=True)
class JobConfig:
    source_table: str
    target_table: str
    output_path: str
    countries: list[str]
    webhook_url: str | None = None


def load_config(path: str | Path) -> JobConfig:
    with open(path) as fh:
        # expect: VC406
        raw = yaml.load(fh, Loader=yaml.Loader)
    return JobConfig(
        source_table=raw.get("source_table", SOURCE_TABLE),
        target_table=raw.get("target_table", SESSIONS_TABLE),
        output_path=raw["output_path"],
        countries=list(raw.get("countries", [])),
        webhook_url=raw.get("webhook_url"),
    )


def load_defaults(path: str | Path) -> dict:
    with open(path) as fh:
        # ok: VC406
        return yaml.safe_load(fh) or {}
