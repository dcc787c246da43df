from pathlib import Path

import yaml

DEFAULT_CONFIG = Path.home() / ".s3-uploader.yaml"


def load_config(path: Path = DEFAULT_CONFIG) -> dict:
    with open(path) as fh:
        # expect: VC406
        return yaml.load(fh, Loader=yaml.Loader)


def load_profile(path: Path) -> dict:
    with open(path) as fh:
        # ok: VC406
        return yaml.safe_load(fh) or {}
