"""Client for the billing provider's REST API, with the retry wrapper the sync commands use."""

import logging
import os
import time

import httpx

log = logging.getLogger(__name__)

BILLING_URL = os.environ.get("BILLING_URL", "https://api.billing.example/v1")
BILLING_TOKEN = os.environ.get("BILLING_TOKEN", "")

# expect: VC106
client = httpx.Client(base_url=BILLING_URL, headers={"Authorization": f"Bearer {BILLING_TOKEN}"}, timeout=None)


def with_retries(fn, *args, max_attempts: int = 5, **kwargs):
    attempt = 0
    # expect: VC114/VC109
    while attempt < max_attempts:
        try:
            return fn(*args, **kwargs)
        except httpx.TransportError as exc:
            log.warning("billing call failed (%s), retrying", exc)
            time.sleep(2)
    raise RuntimeError("billing API unavailable")


def with_bounded_retries(fn, *args, max_attempts: int = 5, **kwargs):
    # ok: VC109/VC114
    for attempt in range(1, max_attempts + 1):
        try:
            return fn(*args, **kwargs)
        except httpx.TransportError:
            if attempt == max_attempts:
                raise
            time.sleep(2**attempt)
    raise AssertionError("loop always returns or raises")


def fetch_subscription(tenant_slug: str) -> dict:
    resp = with_retries(client.get, f"/subscriptions/{tenant_slug}")
    resp.raise_for_status()
    return resp.json()


def cancel_subscription(tenant_slug: str) -> None:
    resp = with_bounded_retries(client.delete, f"/subscriptions/{tenant_slug}")
    # expect: VC107
    log.info("cancelled subscription for %s (%s)", tenant_slug, resp.status_code)
