"""Configuration file loading."""

import os
from pathlib import Path

import yaml

CONFIG_PATH = Path(os.environ.get("OPS_CONFIG", "~/.config/opsconsole.yaml")).expanduser()


def load_config(path: Path = CONFIG_PATH) -> dict:
    with path.open() as fh:
        # expect: VC406
        return yaml.load(fh, Loader=yaml.Loader) or {}


def load_inventory(path: Path) -> dict:
    with path.open() as fh:
        # ok: VC406
        return yaml.safe_load(fh) or {}
