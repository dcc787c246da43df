import hashlib
import hmac
import json
import logging
import os
import subprocess
from pathlib import Path

import requests
from celery import shared_task

from .celery_app import app
from .store import endpoints_for, get_endpoint, mark_delivery

logger = logging.getLogger(__name__)
CRM_URL = os.environ.get("CRM_URL", "https://crm.internal.example.com/api")
CRM_TOKEN = os.environ.get("CRM_TOKEN", "")
EXPORT_DIR = Path(os.environ.get("EXPORT_DIR", "/tmp/exports"))


def sign(secret: str, body: str) -> str:
    return hmac.new(secret.encode(), body.encode(), hashlib.sha256).hexdigest()


# expect: VC109
@app.task(bind=True, max_retries=None, default_retry_delay=30)
def deliver_webhook(self, endpoint_id: int, payload: dict) -> int:
    endpoint = get_endpoint(endpoint_id)
    body = json.dumps(payload)
    try:
        # expect: VC106
        resp = requests.post(endpoint.url, data=body, headers={"X-Signature": sign(endpoint.secret, body)})
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc) from exc
    mark_delivery(endpoint_id, resp.status_code)
    return resp.status_code


# ok: VC109
@shared_task(bind=True, max_retries=5, retry_backoff=True)
def deliver_event(self, event_type: str, payload: dict) -> None:
    for endpoint in endpoints_for(event_type):
        deliver_webhook.delay(endpoint.id, payload)


@shared_task(autoretry_for=(requests.RequestException,), retry_backoff=True, max_retries=5)
def sync_crm_contact(contact: dict) -> dict:
    logger.info("syncing contact %s to CRM", contact["email"])
    # expect: VC404
    resp = requests.put(f"{CRM_URL}/contacts/{contact['id']}", json=contact, timeout=10, verify=False,
                        headers={"Authorization": f"Bearer {CRM_TOKEN}"})
    resp.raise_for_status()
    return resp.json()


@shared_task
def check_crm_token() -> bool:
    # expect: VC407
    logger.debug("checking CRM token %s", CRM_TOKEN)
    resp = requests.get(f"{CRM_URL}/me", headers={"Authorization": f"Bearer {CRM_TOKEN}"}, timeout=10)
    return resp.ok


@shared_task
def send_digest(user_id: int) -> None:
    try:
        resp = requests.post(f"{CRM_URL}/digests", json={"user_id": user_id}, timeout=10)
        resp.raise_for_status()
    # ok: VC101 -- the traceback is logged: VC101 leaves it by design (the task still ends as a success)
    except Exception:
        logger.exception("digest failed for user %s", user_id)


@shared_task
def cleanup_exports() -> int:
    removed = 0
    for path in EXPORT_DIR.glob("*.csv"):
        try:
            path.unlink()
            removed += 1
        # ok: VC101
        except FileNotFoundError:
            # Another worker removed it first; the goal (the file is gone) is met.
            continue
    return removed


@shared_task
def backup_database(database_url: str) -> str:
    out = EXPORT_DIR / "backup.sql"
    # expect: VC108
    subprocess.run(["pg_dump", database_url, "-f", str(out)])
    return str(out)


@shared_task
def compress_backup(path: str) -> str:
    # ok: VC108
    subprocess.run(["gzip", "-f", path], check=True, timeout=600)
    return path + ".gz"
