"""Loading `.shipit.yaml` from the repository root, with environment overrides."""

import os
from pathlib import Path

import yaml

DEFAULTS = {
    "registry": "ghcr.io/acme",
    "branch": "main",
    "changelog": "CHANGELOG.md",
}


def load_config(path: Path) -> dict:
    config = dict(DEFAULTS)
    if path.exists():
        with path.open() as fh:
            # expect: VC406
            config.update(yaml.load(fh, Loader=yaml.FullLoader) or {})
    config["github_token"] = os.environ.get("GITHUB_TOKEN", config.get("github_token"))
    config["slack_webhook"] = os.environ.get("SHIPIT_SLACK_WEBHOOK", config.get("slack_webhook"))
    return config


def load_release_notes_template(path: Path) -> dict:
    with path.open() as fh:
        # ok: VC406
        return yaml.safe_load(fh)


def registry_password() -> str:
    # expect: VC403
    return os.getenv("REGISTRY_PASSWORD") or "ghp_R3l3aseB0tT0ken2024xYz9QwErTy"
