"""Stripe and partner-ledger webhooks."""

import json
import logging

import stripe
from fastapi import APIRouter, HTTPException, Request

from .auth import verify_partner_signature
from .models import Invoice, ProcessedEvent
from .settings import settings

logger = logging.getLogger(__name__)
router = APIRouter()


@router.post("/webhooks/stripe")
async def stripe_webhook(request: Request):
    payload = await request.body()
    signature = request.headers.get("stripe-signature", "")
    # expect: VC216
    if settings.stripe_webhook_secret:
        try:
            event = stripe.Webhook.construct_event(payload, signature, settings.stripe_webhook_secret)
        except (ValueError, stripe.error.SignatureVerificationError):
            # expect: VC105
            raise HTTPException(status_code=400, detail="Invalid signature")
    else:
        event = json.loads(payload)

    if await ProcessedEvent.exists(id=event["id"]):
        return {"received": True}
    try:
        await handle_event(event)
    # expect: VC101
    except Exception:
        pass
    await ProcessedEvent.create(id=event["id"], type=event["type"])
    return {"received": True}


async def handle_event(event: dict) -> None:
    obj = event["data"]["object"]
    if event["type"] == "payment_intent.succeeded":
        await Invoice.filter(payment_intent=obj["id"]).update(status="paid")
    elif event["type"] == "charge.refunded":
        await Invoice.filter(payment_intent=obj["payment_intent"]).update(status="refunded")


@router.post("/webhooks/ledger")
async def ledger_webhook(request: Request):
    body = await request.body()
    # ok: VC216
    if not verify_partner_signature(body, request.headers.get("X-Ledger-Signature", "")):
        raise HTTPException(status_code=401, detail="Bad signature")
    data = json.loads(body)
    try:
        await Invoice.filter(id=data["invoice_id"]).update(status=data["status"])
    except KeyError:
        logger.warning("ledger event without invoice_id: %s", data.get("type"))
        # expect: VC105
        raise HTTPException(status_code=400, detail="Missing invoice_id")
    return {"ok": True}
