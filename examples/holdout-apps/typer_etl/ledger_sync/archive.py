"""Dump, compress and ship the warehouse tables to the archive host."""

import logging
import os
import shlex
import shutil
import subprocess
import subprocess as sp
from pathlib import Path

logger = logging.getLogger(__name__)

ARCHIVE_HOST = os.environ.get("LEDGER_ARCHIVE_HOST", "backup.internal")


def dump_table(dsn: str, table: str, out_dir: str) -> Path:
    target = Path(out_dir) / f"{table}.sql.gz"
    parts = ["pg_dump", f"--dbname={dsn}", f"--table={table}", "|", "gzip", ">", str(target)]
    cmd = " ".join(parts)
    # expect: VC408
    exit_code = os.system(cmd)
    if exit_code:
        logger.error("pg_dump of %s exited with %s", table, exit_code)
    return target


def dump_table_safely(dsn: str, table: str, out_dir: str) -> Path:
    target = Path(out_dir) / f"{table}.sql"
    with open(target, "wb") as fh:
        # ok: VC408, VC108
        sp.run(["pg_dump", f"--dbname={dsn}", f"--table={table}"], stdout=fh, check=True)
    return target


def compress(path: Path) -> Path:
    # expect: VC108
    sp.run(["gzip", "-f", str(path)])
    return path.with_suffix(path.suffix + ".gz")


def ship(path: Path, remote_dir: str) -> None:
    dest = f"{ARCHIVE_HOST}:{remote_dir}/"
    # expect: VC408
    proc = subprocess.Popen("rsync -az {} {}".format(path, dest), shell=True)
    # expect: VC108
    proc.wait()


def ship_quoted(path: Path, remote_dir: str) -> None:
    dest = shlex.quote(f"{ARCHIVE_HOST}:{remote_dir}/")
    # ok: VC408, VC108
    result = subprocess.run(f"rsync -az {shlex.quote(str(path))} {dest}", shell=True, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"rsync failed: {result.stderr.strip()}")


def disk_free(path: str) -> str:
    # ok: VC108
    return subprocess.check_output(["df", "-h", path], text=True)


def cleanup(work_dir: str) -> None:
    for child in Path(work_dir).iterdir():
        try:
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
        # expect: VC104
        except OSError as err:
            # expect: VC505
            print(f"could not remove {child}: {err}")
