"""Load experiment configs."""

from __future__ import annotations

from pathlib import Path

import yaml


def load(path: str | Path) -> dict:
    with open(path) as fh:
        # expect: VC406
        return yaml.load(fh, Loader=yaml.FullLoader)


def load_safe(path: str | Path) -> dict:
    with open(path) as fh:
        # ok: VC406
        return yaml.safe_load(fh)


def lr_lambda(cfg: dict):
    # expect: VC413
    return eval(cfg["scheduler"]["lambda"])


def lr_lambda_safe(cfg: dict):
    gamma = float(cfg.get("scheduler", {}).get("gamma", 0.95))
    return lambda epoch: gamma**epoch
