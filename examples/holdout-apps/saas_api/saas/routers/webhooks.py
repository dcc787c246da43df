import hashlib
import hmac
import logging
from typing import Annotated

import stripe
from fastapi import APIRouter, Header, HTTPException, Request
from sqlmodel import select

from ..config import settings
from ..deps import SessionDep
from ..models import Invoice

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/webhooks", tags=["webhooks"])


# ok: VC201
@router.post("/stripe")
async def stripe_webhook(
    request: Request,
    session: SessionDep,
    stripe_signature: Annotated[str | None, Header()] = None,
) -> dict:
    payload = await request.body()
    try:
        event = stripe.Webhook.construct_event(payload, stripe_signature, settings.stripe_webhook_secret)
    except (ValueError, stripe.error.SignatureVerificationError):
        raise HTTPException(status_code=400, detail="Invalid signature") from None
    if event["type"] == "invoice.paid":
        invoice_id = int(event["data"]["object"]["metadata"]["invoice_id"])
        invoice = session.exec(select(Invoice).where(Invoice.id == invoice_id)).first()
        if invoice is not None:
            invoice.status = "paid"
            session.commit()
    return {"received": True}


@router.post("/partner")
async def partner_webhook(request: Request, x_signature: Annotated[str, Header()]) -> dict:
    body = await request.body()
    expected = hmac.new(settings.partner_webhook_secret.encode(), body, hashlib.sha256).hexdigest()
    # expect: VC204
    if expected != x_signature:
        raise HTTPException(status_code=401, detail="Bad signature")
    logger.info("partner event received: %d bytes", len(body))
    return {"ok": True}
