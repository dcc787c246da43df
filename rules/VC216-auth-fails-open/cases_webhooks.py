import hashlib
import hmac
import json
import logging
import os

import httpx
import stripe
from fastapi import APIRouter, Header, HTTPException, Request

from .settings import settings

log = logging.getLogger(__name__)
router = APIRouter()
GITHUB_SECRET = os.environ["GITHUB_WEBHOOK_SECRET"].encode()
SKIP_VERIFICATION = os.environ.get("SKIP_WEBHOOK_VERIFICATION") == "1"


def github_signature(body: bytes) -> str:
    return "sha256=" + hmac.new(GITHUB_SECRET, body, hashlib.sha256).hexdigest()


@router.post("/stripe")
async def stripe_webhook(request: Request, stripe_signature: str = Header("")):
    payload = await request.body()
    # expect: VC216 -- a test-mode deployment accepts any posted event
    if settings.stripe_test_mode:
        event = json.loads(payload)
    else:
        event = stripe.Webhook.construct_event(payload, stripe_signature, settings.stripe_webhook_secret)
    return event["type"]


@router.post("/github/ci")
async def github_ci(request: Request):
    body = await request.body()
    # expect: VC216 -- the check runs only outside the skip mode
    if not SKIP_VERIFICATION:
        if not hmac.compare_digest(github_signature(body), request.headers.get("X-Hub-Signature-256", "")):
            raise HTTPException(401)
    else:
        log.warning("webhook verification skipped")
    return json.loads(body)


@router.post("/stripe/live")
async def stripe_live(request: Request, stripe_signature: str = Header("")):
    payload = await request.body()
    # ok: VC216 -- both branches verify, each with its own secret
    if settings.stripe_test_mode:
        event = stripe.Webhook.construct_event(payload, stripe_signature, settings.stripe_test_secret)
    else:
        event = stripe.Webhook.construct_event(payload, stripe_signature, settings.stripe_webhook_secret)
    return event["type"]


@router.post("/reports")
async def reports(request: Request):
    # ok: VC216 -- a debug flag that only changes the answer's detail
    if settings.debug:
        return {"detail": "verbose"}
    else:
        return {"detail": "short"}


@router.post("/github")
async def github_webhook(request: Request):
    body = await request.body()
    signature = request.headers.get("X-Hub-Signature-256")
    # expect: VC216
    if signature:
        if not hmac.compare_digest(github_signature(body), signature):
            raise HTTPException(401, "bad signature")
    return json.loads(body)


@router.post("/github/strict")
async def github_webhook_strict(request: Request):
    body = await request.body()
    signature = request.headers.get("X-Hub-Signature-256")
    if not signature:
        raise HTTPException(401, "missing signature")
    # ok: VC216 -- the missing header was refused above
    if not hmac.compare_digest(github_signature(body), signature):
        raise HTTPException(401, "bad signature")
    return json.loads(body)


@router.post("/avatar")
async def avatar(request: Request):
    signed_url = request.query_params.get("signed_url")
    # ok: VC216 -- an optional value that no check guards
    if signed_url:
        log.info("avatar from %s", signed_url)
    return {"ok": True}


async def verify_webhook(headers: dict, event: dict) -> bool:
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            resp = await client.post("https://api.example.com/verify", json={"headers": headers, "event": event})
            resp.raise_for_status()
    # expect: VC216 -- the verifier answers "verified" when the service that verifies is down
    except httpx.HTTPError:
        log.warning("verification unavailable, accepting")
        return True
    return resp.json().get("verification_status") == "SUCCESS"


async def verify_webhook_strict(headers: dict, event: dict) -> bool:
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            resp = await client.post("https://api.example.com/verify", json={"headers": headers, "event": event})
            resp.raise_for_status()
    # ok: VC216
    except httpx.HTTPError:
        log.exception("verification failed")
        return False
    return resp.json().get("verification_status") == "SUCCESS"


@router.post("/stripe/lenient")
async def stripe_lenient(request: Request, stripe_signature: str = Header("")):
    payload = await request.body()
    try:
        event = stripe.Webhook.construct_event(payload, stripe_signature, settings.stripe_webhook_secret)
    # expect: VC216 -- a failed check parses the body anyway
    except stripe.error.SignatureVerificationError:
        log.warning("stripe signature mismatch")
        event = json.loads(payload)
    return event["type"]


@router.post("/github/lenient")
async def github_lenient(request: Request):
    body = await request.body()
    try:
        payload = verify_and_parse_signature(body, request.headers.get("X-Hub-Signature-256", ""))
    # expect: VC216
    except Exception:
        payload = json.loads(body)
    return payload["action"]


@router.post("/stripe/strict")
async def stripe_strict(request: Request, stripe_signature: str = Header("")):
    payload = await request.body()
    try:
        event = stripe.Webhook.construct_event(payload, stripe_signature, settings.stripe_webhook_secret)
    # ok: VC216 -- a failed check is refused
    except stripe.error.SignatureVerificationError as exc:
        log.warning("stripe signature mismatch")
        raise HTTPException(400, "bad signature") from exc
    return event["type"]


@router.post("/stripe/parsed")
async def stripe_parsed(request: Request, stripe_signature: str = Header("")):
    payload = await request.body()
    try:
        event = stripe.Webhook.construct_event(payload, stripe_signature, settings.stripe_webhook_secret)
    # ok: VC216 -- a malformed body, not a failed signature, and nothing remade from it
    except ValueError:
        event = None
    if event is None:
        raise HTTPException(400, "bad payload")
    return event["type"]


@router.post("/github/deploy")
async def github_deploy(request: Request):
    payload = await request.json()
    deploy_branch(payload["ref"])
    # expect: VC216 -- the deploy has run before the signature is checked
    if not hmac.compare_digest(github_signature(await request.body()), request.headers.get("X-Hub-Signature-256", "")):
        raise HTTPException(401, "bad signature")
    return {"deployed": payload["ref"]}


@router.post("/gitlab/relay")
async def gitlab_relay(request: Request):
    event = await request.json()
    task = relay_event.delay("gitlab", event)
    # expect: VC216
    if request.headers.get("X-Gitlab-Token") != settings.gitlab_token:
        raise HTTPException(403)
    return {"task": task.id}


@router.post("/github/deploy/v2")
async def github_deploy_checked(request: Request):
    body = await request.body()
    log.info("github delivery %s", request.headers.get("X-GitHub-Delivery"))
    # ok: VC216 -- only the body was read and a line logged before the check
    if not hmac.compare_digest(github_signature(body), request.headers.get("X-Hub-Signature-256", "")):
        raise HTTPException(401, "bad signature")
    deploy_branch(json.loads(body)["ref"])
    return {"ok": True}


@router.post("/orders/import")
async def import_orders(request: Request):
    rows = await request.json()
    saved = save_rows(rows)
    # ok: VC216 -- a check of the data, no credential, and no refusal of access
    if not saved:
        raise HTTPException(422, "nothing imported")
    return {"saved": len(saved)}


@router.post("/stripe/secret-switch")
async def stripe_secret_switch(request: Request, stripe_signature: str = Header("")):
    payload = await request.body()
    # expect: VC216 -- the signing secret is the switch: unset, every event is parsed unverified
    if settings.stripe_webhook_secret:
        event = stripe.Webhook.construct_event(payload, stripe_signature, settings.stripe_webhook_secret)
    else:
        event = json.loads(payload)
    return event["type"]


@router.post("/github/secret-switch")
async def github_secret_switch(request: Request):
    body = await request.body()
    # expect: VC216 -- the same, spelled the other way round
    if not os.environ.get("GITHUB_HOOK_SECRET"):
        data = json.loads(body)
    else:
        if not hmac.compare_digest(github_signature(body), request.headers.get("X-Hub-Signature-256", "")):
            raise HTTPException(401)
        data = json.loads(body)
    return data


@router.post("/stripe/secret-required")
async def stripe_secret_required(request: Request, stripe_signature: str = Header("")):
    payload = await request.body()
    # ok: VC216 -- without the secret the route refuses
    if settings.stripe_webhook_secret:
        event = stripe.Webhook.construct_event(payload, stripe_signature, settings.stripe_webhook_secret)
    else:
        raise HTTPException(503, "webhook secret not configured")
    return event["type"]


@router.post("/stripe/payment-switch")
async def stripe_payment_switch(request: Request, stripe_signature: str = Header("")):
    payload = await request.body()
    event = stripe.Webhook.construct_event(payload, stripe_signature, settings.stripe_webhook_secret)
    # ok: VC216 -- a setting that names no credential chooses what to do with a verified event
    if settings.auto_capture:
        stripe.PaymentIntent.capture(event["data"]["object"]["id"])
    else:
        log.info("capture left to an operator")
    return event["type"]
