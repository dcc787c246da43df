import os
from pathlib import Path

import yaml

DEFAULT_CONFIG = Path("~/.config/backup-tool/config.yaml").expanduser()
# expect: VC403 -- hard-coded API token
UPLOAD_TOKEN = "bk_prod_9d8f7e6a5b4c3d2e1f0a9b8c7d6e5f4a"
# ok: VC403 -- token from the environment
SLACK_WEBHOOK = os.environ.get("BACKUP_SLACK_WEBHOOK")


def load_config(path: Path | None = None) -> dict:
    path = path or DEFAULT_CONFIG
    with open(path) as fh:
        # expect: VC406 -- yaml.load with the full Python loader
        return yaml.load(fh, Loader=yaml.UnsafeLoader)


def load_defaults(path: Path) -> dict:
    with path.open() as fh:
        # ok: VC406 -- safe_load
        return yaml.safe_load(fh) or {}
