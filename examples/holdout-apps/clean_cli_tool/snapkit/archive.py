"""Archives of a directory tree: created atomically, restored without leaving the target directory."""

import fnmatch
import hashlib
import logging
import os
import tarfile
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)
CHUNK = 1024 * 1024


def sha256_of(path: Path) -> str:
    # ok: VC205 -- a file checksum, not a password
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _excluded(patterns: tuple[str, ...]):
    def skip(info: tarfile.TarInfo) -> tarfile.TarInfo | None:
        name = Path(info.name).name
        return None if any(fnmatch.fnmatch(name, pattern) for pattern in patterns) else info

    return skip


def create_archive(source_dir: Path, destination: Path, exclude: tuple[str, ...] = ()) -> Path:
    """Write `source_dir` as a .tar.gz next to `destination`, then move it into place in one step."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=destination.parent, prefix=".partial-", suffix=".tar.gz")
    os.close(fd)
    try:
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(source_dir, arcname=source_dir.name, filter=_excluded(exclude))
        os.replace(partial, destination)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    logger.info("archive written", extra={"fields": {"path": str(destination)}})
    return destination


def restore_archive(archive_path: Path, target_dir: Path) -> None:
    """Unpack into `target_dir`; the `data` filter refuses absolute paths, `..`, links out and device files."""
    target_dir.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive_path, "r:gz") as archive:
        # ok: VC405
        archive.extractall(target_dir, filter="data")


def prune(target_dir: Path, pattern: str, keep: int) -> list[Path]:
    """Delete all but the newest `keep` archives matching `pattern`; return what was deleted."""
    archives = sorted(target_dir.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    removed = archives[keep:]
    for path in removed:
        path.unlink()
    return removed
