"""Delivering one event to one subscriber, signed, with retries."""

import asyncio
import hashlib
import hmac
import json
import time

import httpx
import requests
import structlog

from .settings import SIGNING_SECRET

log = structlog.get_logger()


def sign(body: bytes) -> str:
    return hmac.new(SIGNING_SECRET.encode(), body, hashlib.sha256).hexdigest()


async def deliver(client: httpx.AsyncClient, url: str, event: dict) -> bool:
    body = json.dumps(event).encode()
    delay = 1.0
    attempt = 0
    # expect: VC109
    while True:
        attempt += 1
        try:
            resp = await client.post(url, content=body, headers={"X-Fanout-Signature": sign(body)})
            if resp.status_code < 500:
                return resp.is_success
        except httpx.TransportError as exc:
            log.warning("delivery failed", url=url, attempt=attempt, error=str(exc))
        await asyncio.sleep(delay)
        delay *= 2


async def deliver_bounded(client: httpx.AsyncClient, url: str, event: dict, attempts: int = 6) -> bool:
    body = json.dumps(event).encode()
    for attempt in range(attempts):
        try:
            resp = await client.post(url, content=body, headers={"X-Fanout-Signature": sign(body)})
            if resp.status_code < 500:
                return resp.is_success
        except httpx.TransportError as exc:
            log.warning("delivery failed", url=url, attempt=attempt, error=str(exc))
        # ok: VC109
        await asyncio.sleep(min(2 ** attempt, 60))
    return False


async def deliver_legacy(url: str, event: dict) -> bool:
    """Some old subscribers only accept form posts with the signature in the body."""
    payload = {"payload": json.dumps(event), "signature": sign(json.dumps(event).encode())}
    for _ in range(3):
        # expect: VC110
        resp = requests.post(url, data=payload, timeout=10)
        if resp.ok:
            return True
        # expect: VC110
        time.sleep(2)
    return False


async def deliver_legacy_threaded(url: str, event: dict) -> bool:
    payload = {"payload": json.dumps(event), "signature": sign(json.dumps(event).encode())}
    # ok: VC110
    resp = await asyncio.to_thread(requests.post, url, data=payload, timeout=10)
    return resp.ok
