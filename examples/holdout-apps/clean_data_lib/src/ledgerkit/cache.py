"""A small on-disk cache of JSON documents: keys are hashed into file names, writes are atomic."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any


class Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        # ok: VC205 -- a file name, not a password
        name = hashlib.sha256(key.encode("utf-8")).hexdigest()
        # ok: VC405
        return self.folder / f"{name}.json"

    def get(self, key: str) -> Any | None:
        try:
            with self._path(key).open(encoding="utf-8") as handle:
                return json.load(handle)
        except FileNotFoundError:
            return None

    def put(self, key: str, value: Any) -> None:
        fd, partial = tempfile.mkstemp(dir=self.folder, suffix=".partial")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(value, handle)
            os.replace(partial, self._path(key))
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
