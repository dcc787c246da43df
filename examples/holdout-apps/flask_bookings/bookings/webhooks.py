import json
import logging

import stripe
from flask import Blueprint, current_app, jsonify, request

from .models import Booking, db

bp = Blueprint("webhooks", __name__, url_prefix="/webhooks")
log = logging.getLogger(__name__)


def _mark_paid(payment_intent: dict) -> None:
    booking = db.session.get(Booking, int(payment_intent["metadata"]["booking_id"]))
    if booking is not None:
        booking.status = "confirmed"
        booking.payment_intent = payment_intent["id"]
        db.session.commit()


# expect: VC201
@bp.post("/stripe")
def stripe_webhook():
    event = json.loads(request.data)
    if event["type"] == "payment_intent.succeeded":
        _mark_paid(event["data"]["object"])
    return jsonify(received=True)


# ok: VC201
@bp.post("/stripe/v2")
def stripe_webhook_verified():
    payload = request.get_data()
    signature = request.headers.get("Stripe-Signature", "")
    try:
        event = stripe.Webhook.construct_event(payload, signature, current_app.config["STRIPE_WEBHOOK_SECRET"])
    except (ValueError, stripe.error.SignatureVerificationError):
        log.warning("rejected Stripe webhook with a bad signature")
        return jsonify(error="bad signature"), 400
    if event["type"] == "payment_intent.succeeded":
        _mark_paid(event["data"]["object"])
    return jsonify(received=True)
