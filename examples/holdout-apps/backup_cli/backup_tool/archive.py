import hashlib
import logging
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

log = logging.getLogger(__name__)


def sha256sum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def quick_fingerprint(path: Path) -> str:
    # ok: VC205 -- md5 as a non-security fingerprint
    return hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()


def build_rsync(src: str, dest: str, excludes: list[str]) -> str:
    parts = ["rsync", "-a", "--delete"]
    parts += [f"--exclude={e}" for e in excludes]
    parts += [src, dest]
    return " ".join(parts)


def sync_tree(src: str, dest: str, excludes: list[str]) -> None:
    command = build_rsync(src, dest, excludes)
    # expect: VC408/VC421 -- command built from CLI args and run with shell=True
    subprocess.run(command, shell=True, check=True)


def make_tarball(src: str, dest: str) -> None:
    # expect: VC408/VC421, VC108 -- os.system with %-formatted arguments (exit status ignored: forgotten)
    os.system("tar czf %s -C %s ." % (dest, src))


def make_tarball_safe(src: Path, dest: Path) -> None:
    # ok: VC408 -- tarfile API, no shell
    with tarfile.open(dest, "w:gz") as tar:
        tar.add(src, arcname=".")


def restore(archive: str, target: str) -> None:
    with tarfile.open(archive) as tar:
        # extractall without a filter (tar slip) from a path the CLI user names: bandit's B202 reports it
        tar.extractall(target)


def restore_safe(archive: str, target: str) -> None:
    with tarfile.open(archive) as tar:
        # ok: VC405 -- data filter
        tar.extractall(target, filter="data")


def dump_database(dsn: str, out: Path) -> None:
    with out.open("wb") as fh:
        # ok: VC108/VC408 -- argument list, checked
        subprocess.run(["pg_dump", "--format=custom", dsn], stdout=fh, check=True)


def copy_files(files: list[Path], dest: Path) -> int:
    copied = 0
    for f in files:
        try:
            shutil.copy2(f, dest / f.name)
            copied += 1
        # expect: VC104/VC101/VC102 -- broad except, prints and continues
        except Exception as e:
            # expect: VC505 -- forgotten: a print in a library module
            print(f"warning: could not copy {f}: {e}")
    return copied


def prune(dest: Path, keep: int) -> None:
    backups = sorted(dest.glob("*.tar.gz"))
    for old in backups[:-keep]:
        try:
            old.unlink()
        # ok: VC101 -- corrected: a narrow OSError around an unlink; VC101 is about broad handlers
        except OSError:
            pass


def remove_lock(lock: Path) -> None:
    try:
        lock.unlink()
    # ok: VC101 -- a missing lock file is fine
    except FileNotFoundError:
        log.debug("no lock file at %s", lock)
