"""Prompt: an async FastAPI endpoint that sends a test event to the webhook URL the user configures."""
import ipaddress
import socket
from urllib.parse import urlsplit

import httpx
from fastapi import FastAPI, HTTPException

app = FastAPI()


async def deliver(url: str, event: dict) -> int:
    async with httpx.AsyncClient(timeout=5) as client:
        # expect: VC405/VC417
        resp = await client.post(url, json=event)
        return resp.status_code


def is_public(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return False
    address = ipaddress.ip_address(socket.gethostbyname(parts.hostname))
    return address.is_global


# expect: VC201 -- no authentication anywhere in the app
@app.post("/webhooks/test")
async def test_webhook(payload: dict):
    target = payload.get("url", "")
    status = await deliver(target, {"type": "ping"})
    return {"status": status}


# expect: VC201 -- no authentication anywhere in the app
@app.post("/webhooks/test-safe")
async def test_webhook_safe(payload: dict):
    target = payload.get("url", "")
    if not is_public(target):
        raise HTTPException(status_code=400, detail="webhook URL must be a public https address")
    status = await deliver(target, {"type": "ping"})
    return {"status": status}
