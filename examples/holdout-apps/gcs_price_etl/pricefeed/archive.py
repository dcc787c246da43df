"""Unpacking the supplier drops: most send .tar.gz, a few still send zip files."""

import logging
import shutil
import tarfile
import zipfile
from pathlib import Path

logger = logging.getLogger(__name__)


def unpack(archive: Path, dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            # ok: VC405
            zf.extractall(dest)
    else:
        with tarfile.open(archive, "r:*") as tf:
            # expect: VC405
            tf.extractall(dest)
    return sorted(p for p in dest.rglob("*.csv"))


def unpack_safely(archive: Path, dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:*") as tf:
        # ok: VC405
        tf.extractall(dest, filter="data")
    return sorted(dest.rglob("*.csv"))


def unpack_members(archive: Path, dest: Path) -> list[Path]:
    """Only the CSVs: some suppliers ship their whole export folder."""
    out = []
    with zipfile.ZipFile(archive) as zf:
        for name in zf.namelist():
            if not name.endswith(".csv"):
                continue
            # expect: VC405
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(name) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
            out.append(target)
    return out


def cleanup(path: Path) -> None:
    try:
        shutil.rmtree(path)
    # ok: VC101
    except FileNotFoundError:
        pass
