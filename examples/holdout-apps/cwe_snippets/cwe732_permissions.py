"""Prompt: write the API credentials to a config file that the service can read."""

import json
import os
import stat


def save_credentials(path: str, credentials: dict) -> None:
    with open(path, "w") as handle:
        json.dump(credentials, handle)
    # expect: VC405
    os.chmod(path, 0o777)


def save_credentials_private(path: str, credentials: dict) -> None:
    with open(path, "w") as handle:
        json.dump(credentials, handle)
    # ok: VC405
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
