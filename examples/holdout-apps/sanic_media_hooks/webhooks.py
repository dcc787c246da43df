"""Webhook receivers: GitHub pushes and payment events."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json as jsonlib
import logging
import pickle

import httpx
import requests
from sanic import Blueprint, Request
from sanic.exceptions import Unauthorized
from sanic.response import json

from config import GITHUB_WEBHOOK_SECRET, PAYMENTS_WEBHOOK_SECRET, THUMBNAILER_URL

log = logging.getLogger(__name__)
bp = Blueprint("webhooks", url_prefix="/hooks")


def verify_github(body: bytes, header: str | None) -> bool:
    if not header:
        return False
    expected = "sha256=" + hmac.new(GITHUB_WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    # ok: VC204
    return hmac.compare_digest(expected, header)


def verify_payment(body: bytes, header: str | None) -> bool:
    try:
        expected = hmac.new(PAYMENTS_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
        # expect: VC204
        return expected == header
    except Exception:
        log.warning("could not verify payment signature")
        # expect: VC216/VC103
        return True


@bp.post("/github")
async def github_hook(request: Request):
    if not verify_github(request.body, request.headers.get("X-Hub-Signature-256")):
        raise Unauthorized("bad signature")
    event = request.json
    # expect: VC409
    log.info("github event %s for %s", request.headers.get("X-GitHub-Event"), event["repository"]["full_name"])
    return json({"ok": True})


@bp.post("/payments")
async def payment_hook(request: Request):
    if not verify_payment(request.body, request.headers.get("X-Signature")):
        raise Unauthorized("bad signature")
    event = jsonlib.loads(request.body)
    if event.get("type") == "job.state":
        # expect: VC406
        state = pickle.loads(base64.b64decode(event["state"]))
        log.info("restored job state %s", state)
    callback = event.get("callback_url")
    if callback:
        # expect: VC110, VC405, VC107
        requests.post(callback, json={"received": event["id"]}, timeout=10)
    return json({"ok": True})


# expect: VC201
@bp.post("/thumbnails/done")
async def thumbnails_done(request: Request):
    payload = request.json
    async with httpx.AsyncClient(timeout=10) as http:
        # ok: VC405
        resp = await http.get(f"{THUMBNAILER_URL}/jobs/{int(payload['job_id'])}")
    resp.raise_for_status()
    return json(resp.json())


# expect: VC201
@bp.post("/mirror")
async def mirror(request: Request):
    url = request.json["url"]
    # expect: VC404
    async with httpx.AsyncClient(verify=False, timeout=10) as http:
        # expect: VC405
        resp = await http.get(url)
    return json({"status": resp.status_code, "length": len(resp.content)})
