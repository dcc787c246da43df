"""Pipeline configuration: a YAML file plus environment overrides."""

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

logger = logging.getLogger(__name__)

DEFAULT_CONFIG = Path("~/.config/ledger-sync/pipeline.yaml").expanduser()
# expect: VC403
WAREHOUSE_PASSWORD = "Wh-2024!ledger$sync"


@dataclass
class PipelineConfig:
    dsn: str
    feeds: dict[str, str] = field(default_factory=dict)
    tables: list[str] = field(default_factory=list)
    archive_dir: str = "/var/backups/ledger"
    api_token: str = ""


def load_config(path: Path = DEFAULT_CONFIG) -> PipelineConfig:
    with open(path) as fh:
        # expect: VC406
        raw = yaml.load(fh, Loader=yaml.Loader)
    dsn = os.environ.get("LEDGER_DSN", raw.get("dsn", ""))
    token = os.environ.get("LEDGER_API_TOKEN", raw.get("api_token", ""))
    # expect: VC407
    logger.debug("loaded config from %s (dsn=%s, token=%s)", path, dsn, token)
    return PipelineConfig(dsn=dsn, feeds=raw.get("feeds", {}), tables=raw.get("tables", []),
                          archive_dir=raw.get("archive_dir", "/var/backups/ledger"), api_token=token)


def load_overrides(path: Path) -> dict:
    text = path.read_text()
    # ok: VC406
    return yaml.load(text, Loader=yaml.SafeLoader) or {}


def load_feed_schema(path: Path) -> dict:
    try:
        # ok: VC406
        return yaml.safe_load(path.read_text())
    except Exception:
        # expect: VC103
        return {}
