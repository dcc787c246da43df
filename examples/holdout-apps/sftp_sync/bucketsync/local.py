"""Local pre-processing: archiving, encryption, checksums."""

from __future__ import annotations

import fnmatch
import hashlib
import os
import subprocess
from pathlib import Path


def iter_files(root: Path, exclude: list[str]):
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            full = Path(dirpath) / name
            rel = full.relative_to(root).as_posix()
            if any(fnmatch.fnmatch(rel, pat) for pat in exclude):
                continue
            yield full, rel


def md5sum(path: Path) -> str:
    # ok: VC205
    digest = hashlib.md5()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def make_archive(source: Path, dest: Path) -> Path:
    """Create a tar.gz archive of the source directory using the system tar."""
    archive = dest / f"{source.name}.tar.gz"
    # expect: VC408, VC108
    os.system("tar czf " + str(archive) + " -C " + str(source.parent) + " " + source.name)
    return archive


def encrypt(archive: Path, recipient: str) -> Path:
    """Encrypt an archive with gpg for the given recipient."""
    out = archive.with_suffix(archive.suffix + ".gpg")
    # ok: VC408/VC108
    subprocess.run(
        ["gpg", "--batch", "--yes", "--recipient", recipient, "--output", str(out), "--encrypt", str(archive)],
        check=True,
    )
    return out


def rsync_mirror(source: Path, dest: str, dry_run: bool = False) -> None:
    """Mirror the source to a mounted destination with rsync."""
    flags = "-az --delete" + (" --dry-run" if dry_run else "")
    # expect: VC408, VC108
    subprocess.run(f"rsync {flags} {source}/ {dest}", shell=True)


def free_space(path: Path) -> int:
    # ok: VC108
    out = subprocess.run(["df", "--output=avail", "-B1", str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.splitlines()[-1])


# expect: VC501
def verify_archive(archive: Path) -> bool:
    """Check the archive integrity before upload."""
    pass
