"""Post the outcome of a run to a webhook, with a few retries; a failed notice never fails the backup."""

import logging
import random
import time

import httpx

logger = logging.getLogger(__name__)

ATTEMPTS = 3
TIMEOUT = httpx.Timeout(10.0, connect=5.0)


def send(url: str, token: str | None, payload: dict) -> bool:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    # ok: VC109
    for attempt in range(ATTEMPTS):
        try:
            response = httpx.post(url, json=payload, headers=headers, timeout=TIMEOUT)
            response.raise_for_status()
            return True
        except httpx.HTTPError:
            logger.warning("notification failed (attempt %d of %d)", attempt + 1, ATTEMPTS, exc_info=True)
            if attempt + 1 < ATTEMPTS:
                # ok: VC206 -- jitter for a backoff, not a token
                time.sleep(2**attempt + random.uniform(0, 0.5))
    return False
