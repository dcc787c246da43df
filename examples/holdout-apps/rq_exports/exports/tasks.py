"""RQ job functions: the worker imports these by dotted path."""

import csv
import logging
import os
import subprocess

import requests

from exports import db
from exports.config import ALLOWED_TABLES, EXPORT_DIR

log = logging.getLogger(__name__)


def run_export(export_id: int, table: str, where: str, fmt: str) -> str:
    out_path = os.path.join(EXPORT_DIR, f"{export_id}.{fmt}")
    with db.cursor() as cur:
        # expect: VC402/VC417
        cur.execute(f"SELECT * FROM {table} WHERE {where}")
        rows = cur.fetchall()
    # expect: VC417
    with open(out_path, "w", newline="") as fh:
        if rows:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
            writer.writeheader()
            writer.writerows(rows)
    return out_path


def dump_table(table: str) -> str:
    if table not in ALLOWED_TABLES:
        raise ValueError(f"unknown table {table}")
    target = os.path.join(EXPORT_DIR, f"{table}.sql")
    # ok: VC408, VC108
    subprocess.run(["pg_dump", "--table", table, "--file", target, os.environ["DATABASE_URL"]], check=True)
    return target


def convert(path: str, fmt: str) -> str:
    # expect: VC408
    subprocess.run(f"libreoffice --headless --convert-to {fmt} --outdir {EXPORT_DIR} {path}", shell=True, check=True)
    return os.path.splitext(path)[0] + "." + fmt


def notify(callback_url: str, export_id: int) -> None:
    try:
        # expect: VC106, VC107
        requests.post(callback_url, json={"export": export_id, "status": "done"})
    # expect: VC101
    except Exception:
        pass


def notify_checked(callback_url: str, export_id: int) -> None:
    try:
        # ok: VC106
        resp = requests.post(callback_url, json={"export": export_id, "status": "done"}, timeout=10)
        resp.raise_for_status()
    # ok: VC101
    except requests.RequestException:
        log.warning("callback for export %s failed", export_id, exc_info=True)
