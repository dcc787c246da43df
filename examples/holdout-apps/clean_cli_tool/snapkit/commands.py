"""External programs, always as argument lists, with a timeout and a checked exit status."""

import logging
import shutil
import subprocess
from pathlib import Path

logger = logging.getLogger(__name__)

DUMP_TIMEOUT = 60 * 60
SHORT_TIMEOUT = 30


class CommandError(RuntimeError):
    """An external program is missing or failed."""


def require(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise CommandError(f"{program} not found on PATH")
    return path


def dump_database(database_url: str, destination: Path) -> None:
    """Write a custom-format pg_dump of the database to `destination`."""
    pg_dump = require("pg_dump")
    try:
        # ok: VC108/VC408/VC421
        subprocess.run(
            [pg_dump, "--format=custom", "--no-owner", f"--file={destination}", "--dbname", database_url],
            check=True,
            capture_output=True,
            text=True,
            timeout=DUMP_TIMEOUT,
        )
    except subprocess.CalledProcessError as exc:
        raise CommandError(f"pg_dump failed with status {exc.returncode}: {exc.stderr.strip()[-500:]}") from exc
    except subprocess.TimeoutExpired as exc:
        raise CommandError(f"pg_dump did not finish within {DUMP_TIMEOUT}s") from exc


def list_databases(database_url: str) -> list[str]:
    psql = require("psql")
    # ok: VC108/VC408
    result = subprocess.run(
        [psql, "--no-align", "--tuples-only", "--command", "SELECT datname FROM pg_database", database_url],
        check=True,
        capture_output=True,
        text=True,
        timeout=SHORT_TIMEOUT,
    )
    return [line for line in result.stdout.splitlines() if line]


def source_revision(source_dir: Path) -> str | None:
    """The git commit the source tree is at, recorded in the manifest when the tree is a checkout."""
    git = shutil.which("git")
    if git is None:
        return None
    # expect: VC108 -- the exit status is never looked at: outside a checkout the manifest records git's empty stdout
    result = subprocess.run(
        [git, "-C", str(source_dir), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=SHORT_TIMEOUT
    )
    return result.stdout.strip()
