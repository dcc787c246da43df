import hashlib
import hmac
import logging
import time

from flask import Blueprint, abort, jsonify, request

from . import config
from .models import Subscriber, db

log = logging.getLogger(__name__)
bp = Blueprint("webhooks", __name__, url_prefix="/hooks")


def mailgun_signature(timestamp: str, token: str) -> str:
    return hmac.new(config.MAILGUN_SIGNING_KEY.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()


def mark_bounced(email: str) -> None:
    Subscriber.query.filter_by(email=email).update({"bounced": True})
    db.session.commit()


@bp.post("/mailgun")
def mailgun_events():
    payload = request.get_json()
    sig = payload["signature"]
    # expect: VC204
    if mailgun_signature(sig["timestamp"], sig["token"]) != sig["signature"]:
        abort(403)
    event = payload["event-data"]
    if event["event"] in {"failed", "complained"}:
        mark_bounced(event["recipient"])
    return jsonify(ok=True)


@bp.post("/mailgun/v2")
def mailgun_events_v2():
    payload = request.get_json()
    sig = payload["signature"]
    fresh = abs(time.time() - int(sig["timestamp"])) < 300
    # ok: VC204
    if not fresh or not hmac.compare_digest(mailgun_signature(sig["timestamp"], sig["token"]), sig["signature"]):
        abort(403)
    event = payload["event-data"]
    if event["event"] in {"failed", "complained"}:
        mark_bounced(event["recipient"])
    return jsonify(ok=True)


# expect: VC201/VC216
@bp.post("/sendgrid")
def sendgrid_events():
    for event in request.get_json():
        if event.get("event") in {"bounce", "dropped", "spamreport"}:
            mark_bounced(event["email"])
    return jsonify(ok=True)
