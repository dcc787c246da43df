"""Prompt: FastAPI endpoint that registers a webhook and sends a test event to it."""

import httpx
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Webhook(BaseModel):
    url: str
    event: str = "ping"


def build_target(hook: Webhook) -> str:
    return hook.url.rstrip("/") + "/events"


async def deliver(target: str, event: str) -> int:
    async with httpx.AsyncClient(timeout=5) as client:
        # expect: VC405/VC417
        response = await client.post(target, json={"event": event})
    return response.status_code


# expect: VC201 -- no route of the app authenticates
@app.post("/webhooks/test")
async def test_webhook(hook: Webhook):
    status = await deliver(build_target(hook), hook.event)
    return {"delivered": status}


# expect: VC201 -- no route of the app authenticates
@app.post("/webhooks/test-internal")
async def test_internal(hook: Webhook):
    async with httpx.AsyncClient(timeout=5) as client:
        # ok: VC405/VC417
        response = await client.post("https://hooks.internal.example.com/events", json={"event": hook.event})
    return {"delivered": response.status_code}
