"""Names from job files and manifests stay inside the folder they are meant for."""

import os
import secrets
from pathlib import Path


class UnsafePathError(ValueError):
    """A name that would leave its base folder."""


def inside(base: Path, name: str) -> Path:
    root = base.resolve()
    candidate = (root / name).resolve()
    if not candidate.is_relative_to(root):
        raise UnsafePathError(f"{name!r} leaves {root}")
    return candidate


def run_id() -> str:
    # ok: VC206
    return secrets.token_hex(8)


def write_private(path: Path, data: bytes) -> None:
    """Create `path` readable by the owner only; refuse to follow or replace an existing file."""
    # ok: VC405
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
