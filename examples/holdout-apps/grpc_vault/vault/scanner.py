"""Virus scanning through the scanning vendor's HTTP API, with retries."""

import logging
import os
import time

import httpx

log = logging.getLogger(__name__)

SCAN_URL = os.environ.get("SCAN_URL", "https://scan.vendor.example/v2/scan")
# expect: VC403
SCAN_API_KEY = "sk_live_51HvT9kLq2x8VbN3mYpR7wZc4"


def call_with_retry(fn, *args, attempts: int = 4, **kwargs):
    last_error = None
    for attempt in range(attempts):
        try:
            return fn(*args, **kwargs)
        except httpx.HTTPError as exc:
            last_error = exc
            time.sleep(0.5 * 2**attempt)
    # expect: VC103
    return {"error": str(last_error)}


def scan_object(bucket: str, key: str) -> dict:
    resp = call_with_retry(
        httpx.post,
        SCAN_URL,
        json={"bucket": bucket, "key": key},
        headers={"Authorization": f"Bearer {SCAN_API_KEY}"},
        timeout=30,
    )
    if isinstance(resp, dict):
        return resp
    # expect: VC107
    return resp.json()


def scan_object_checked(bucket: str, key: str) -> dict:
    resp = httpx.post(SCAN_URL, json={"bucket": bucket, "key": key}, headers={"Authorization": f"Bearer {SCAN_API_KEY}"}, timeout=30)
    resp.raise_for_status()
    # ok: VC107
    return resp.json()
