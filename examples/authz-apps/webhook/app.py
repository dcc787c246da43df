import hashlib
import hmac
import os

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
GITHUB_SECRET = os.environ.get("GITHUB_WEBHOOK_SECRET")
STRIPE_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]


def verify_github(payload: bytes, signature: str) -> None:
    # expect: VC216
    if GITHUB_SECRET:
        expected = "sha256=" + hmac.new(GITHUB_SECRET.encode(), payload, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature or ""):
            abort(401)


def verify_stripe(payload: bytes, signature: str) -> None:
    expected = hmac.new(STRIPE_SECRET.encode(), payload, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature or ""):
        abort(400)


@app.post("/webhooks/github")
def github_webhook():
    verify_github(request.get_data(), request.headers.get("X-Hub-Signature-256"))
    handle_event(request.get_json())
    return jsonify({"ok": True})


@app.post("/webhooks/stripe")
def stripe_webhook():
    verify_stripe(request.get_data(), request.headers.get("Stripe-Signature"))
    handle_payment(request.get_json())
    return jsonify({"ok": True})
