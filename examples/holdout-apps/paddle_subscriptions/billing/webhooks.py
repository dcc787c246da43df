"""Payment-provider webhooks: Paddle Billing and Lemon Squeezy."""

import hashlib
import hmac
import json
import time

from fastapi import APIRouter, Header, HTTPException, Request

from .db import SessionLocal
from .models import Account, Invoice
from .repositories import SubscriptionRepository
from .settings import settings

router = APIRouter(prefix="/webhooks")


def _paddle_signature_ok(raw: bytes, header: str) -> bool:
    parts = dict(item.split("=", 1) for item in header.split(";"))
    ts, received = parts.get("ts", ""), parts.get("h1", "")
    expected = hmac.new(settings.paddle_webhook_secret.encode(), f"{ts}:".encode() + raw, hashlib.sha256).hexdigest()
    # expect: VC204
    return received == expected


@router.post("/paddle")
async def paddle_webhook(request: Request, paddle_signature: str = Header("")):
    raw = await request.body()
    if not _paddle_signature_ok(raw, paddle_signature):
        raise HTTPException(401, "Bad signature")
    event = json.loads(raw)
    data = event["data"]
    async with SessionLocal() as session:
        subs = SubscriptionRepository(session)
        sub = await subs.by_paddle_id(data["id"])
        if sub is not None:
            sub.status = data["status"]
            await subs.save(sub)
        if event["event_type"] == "transaction.completed":
            # ok: VC231
            session.add(Invoice(account_id=int(data["custom_data"]["account_id"]), total_cents=int(data["details"]["totals"]["total"]), pdf_url=""))
            await session.commit()
    return {"ok": True}


@router.post("/lemonsqueezy")
async def lemonsqueezy_webhook(request: Request, x_signature: str = Header("")):
    raw = await request.body()
    digest = hmac.new(settings.lemon_webhook_secret.encode(), raw, hashlib.sha256).hexdigest()
    # ok: VC204
    if not hmac.compare_digest(digest, x_signature):
        raise HTTPException(401, "Bad signature")
    payload = json.loads(raw)
    async with SessionLocal() as session:
        account = await session.get(Account, int(payload["meta"]["custom_data"]["account_id"]))
        if account is not None:
            account.plan = payload["data"]["attributes"]["variant_name"].lower()
            await session.commit()
    return {"ok": True}


# expect: VC201
@router.post("/paddle/replay")
async def replay_event(request: Request):
    """Support tool: re-apply a stored Paddle event without its signature."""
    event = await request.json()
    async with SessionLocal() as session:
        account = await session.get(Account, int(event["account_id"]))
        # expect: VC217
        account.plan = event["plan"]
        await session.commit()
    return {"replayed": True, "at": time.time()}
