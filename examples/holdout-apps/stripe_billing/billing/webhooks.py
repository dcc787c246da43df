import hashlib
import hmac
import json
import logging

import stripe
from fastapi import APIRouter, Header, HTTPException, Request
from sqlalchemy import update
from twilio.request_validator import RequestValidator

from . import paypal
from .db import Db, SmsMessage
from .events import handle_paypal_event, handle_stripe_event
from .settings import settings

log = logging.getLogger(__name__)
router = APIRouter(prefix="/webhooks")
twilio_validator = RequestValidator(settings.twilio_auth_token)


def github_signature(body: bytes) -> str:
    return "sha256=" + hmac.new(settings.github_webhook_secret.encode(), body, hashlib.sha256).hexdigest()


# expect: VC201/VC216
@router.post("/stripe/v1")
async def stripe_webhook_v1(request: Request) -> dict:
    event = json.loads(await request.body())
    handle_stripe_event(event)
    return {"received": True}


@router.post("/stripe")
async def stripe_webhook(request: Request, stripe_signature: str = Header("")) -> dict:
    payload = await request.body()
    # expect: VC216
    if settings.stripe_test_mode:
        event = json.loads(payload)
    else:
        try:
            event = stripe.Webhook.construct_event(payload, stripe_signature, settings.stripe_webhook_secret)
        except (ValueError, stripe.error.SignatureVerificationError) as exc:
            raise HTTPException(400, "bad signature") from exc
    handle_stripe_event(event)
    return {"received": True}


# ok: VC201/VC216
@router.post("/stripe/v2")
async def stripe_webhook_v2(request: Request, stripe_signature: str = Header("")) -> dict:
    payload = await request.body()
    try:
        event = stripe.Webhook.construct_event(payload, stripe_signature, settings.stripe_webhook_secret)
    except (ValueError, stripe.error.SignatureVerificationError) as exc:
        raise HTTPException(400, "bad signature") from exc
    handle_stripe_event(event)
    return {"received": True}


@router.post("/github")
async def github_webhook(request: Request) -> dict:
    body = await request.body()
    signature = request.headers.get("X-Hub-Signature-256")
    # expect: VC216
    if signature:
        if not hmac.compare_digest(github_signature(body), signature):
            raise HTTPException(401, "bad signature")
    payload = json.loads(body)
    # expect: VC409
    log.info("github %s event for %s", request.headers.get("X-GitHub-Event"), payload.get("repository", {}).get("full_name"))
    return {"ok": True}


@router.post("/github/releases")
async def github_releases(request: Request) -> dict:
    body = await request.body()
    # expect: VC204
    if request.headers.get("X-Hub-Signature-256") != github_signature(body):
        raise HTTPException(401, "bad signature")
    return {"ok": True, "action": json.loads(body).get("action")}


@router.post("/github/deployments")
async def github_deployments(request: Request) -> dict:
    body = await request.body()
    # ok: VC204/VC216
    if not hmac.compare_digest(github_signature(body), request.headers.get("X-Hub-Signature-256", "")):
        raise HTTPException(401, "bad signature")
    return {"ok": True, "action": json.loads(body).get("action")}


@router.post("/twilio/sms")
async def twilio_inbound(request: Request) -> dict:
    form = await request.form()
    # ok: VC216
    if not twilio_validator.validate(str(request.url), dict(form), request.headers.get("X-Twilio-Signature", "")):
        raise HTTPException(403)
    log.info("sms from %s", form.get("From"))
    return {"ok": True}


# expect: VC201/VC216
@router.post("/twilio/status")
async def twilio_status(request: Request, db: Db) -> dict:
    form = await request.form()
    db.execute(update(SmsMessage).where(SmsMessage.sid == form["MessageSid"]).values(status=form["MessageStatus"]))
    db.commit()
    return {"ok": True}


@router.post("/paypal")
async def paypal_webhook(request: Request) -> dict:
    event = await request.json()
    if not await paypal.verify_webhook(dict(request.headers), event):
        raise HTTPException(400, "unverified")
    handle_paypal_event(event)
    return {"ok": True}


@router.post("/paypal/v2")
async def paypal_webhook_v2(request: Request) -> dict:
    event = await request.json()
    if not await paypal.verify_webhook_strict(dict(request.headers), event):
        raise HTTPException(400, "unverified")
    handle_paypal_event(event)
    return {"ok": True}
