"""RQ jobs run by `rq worker exports`."""

import logging
import os
import subprocess
import time

import requests

from . import db, storage

log = logging.getLogger(__name__)

NOTIFY_URL = os.environ.get("NOTIFY_URL", "http://notifier.internal/events")
CRM_URL = os.environ.get("CRM_URL", "https://crm.internal/api")


def sync_repository(full_name: str) -> None:
    target = f"/srv/mirrors/{full_name.replace('/', '__')}"
    # expect: VC408, VC108
    subprocess.run(f"git clone --mirror https://github.com/{full_name}.git {target}", shell=True)


def fetch_repository(full_name: str) -> None:
    target = f"/srv/mirrors/{full_name.replace('/', '__')}"
    # ok: VC408/VC108
    subprocess.run(["git", "-C", target, "remote", "update", "--prune"], check=True, timeout=300)


def build_export(export_id: int) -> None:
    export = db.get_export(export_id)
    if export is None:
        log.warning("export %s vanished before it was built", export_id)
        return
    data = db.user_data(export["user_id"])
    key = f"exports/{export['user_id']}/{export_id}.json"
    storage.put_json(key, data)
    db.mark_export_ready(export_id, key)
    notify(export["user_id"], "export_ready")


def notify(user_id: int, event: str) -> None:
    try:
        # expect: VC107
        requests.post(NOTIFY_URL, json={"user_id": user_id, "event": event}, timeout=5)
    # expect: VC101
    except Exception:
        pass


def purge_customer(customer_id: str) -> None:
    attempt = 0
    # expect: VC109
    while True:
        try:
            resp = requests.delete(f"{CRM_URL}/customers/{customer_id}", timeout=10)
            resp.raise_for_status()
            return
        except requests.RequestException:
            attempt += 1
            time.sleep(min(2**attempt, 60))


def refresh_customer(customer_id: str) -> dict:
    # ok: VC109
    for attempt in range(5):
        try:
            resp = requests.get(f"{CRM_URL}/customers/{customer_id}", timeout=10)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException:
            if attempt == 4:
                raise
            time.sleep(2**attempt)
    raise RuntimeError("unreachable")
