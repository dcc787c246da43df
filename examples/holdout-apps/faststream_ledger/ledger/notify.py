"""Partner notifications after a posting."""

import asyncio
import logging
import time

import httpx
import requests

log = logging.getLogger("ledger.notify")
_pending: set[asyncio.Task] = set()


async def notify_partner(url, payload):
    # expect: VC110, VC106
    resp = requests.post(url, json=payload)
    # expect: VC107
    return resp.json()


async def notify_partner_safe(url, payload):
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.post(url, json=payload)
        resp.raise_for_status()
        return resp.json()


def deliver_with_retry(url, payload):
    delay = 1
    # expect: VC109
    while True:
        try:
            resp = requests.post(url, json=payload, timeout=10)
            resp.raise_for_status()
            return
        except requests.RequestException:
            log.warning("delivery to %s failed, retrying in %ss", url, delay)
            time.sleep(delay)
            delay = min(delay * 2, 60)


def deliver_bounded(url, payload, attempts=5):
    for attempt in range(attempts):
        try:
            # ok: VC106
            resp = requests.post(url, json=payload, timeout=10)
            resp.raise_for_status()
            return True
        except requests.RequestException:
            log.warning("delivery attempt %d to %s failed", attempt, url, exc_info=True)
            time.sleep(2 ** attempt)
    return False


def fire_and_forget(url, payload):
    # expect: VC113
    asyncio.create_task(notify_partner_safe(url, payload))


def fire_and_keep(url, payload):
    # ok: VC113
    task = asyncio.create_task(notify_partner_safe(url, payload))
    _pending.add(task)
    task.add_done_callback(_pending.discard)
