import json
import logging

import requests
import stripe
from flask import Flask, abort, jsonify, request
from twilio.request_validator import RequestValidator

from .config import Config
from .deploy import pull_and_deploy, pull_and_deploy_v2
from .forwarding import forward, forward_v2
from .signatures import verify_github, verify_github_v2, verify_gitlab
from .tasks import relay_event

log = logging.getLogger(__name__)
app = Flask(__name__)
app.config.from_object(Config)
twilio_validator = RequestValidator(Config.TWILIO_AUTH_TOKEN)


@app.post("/hooks/github")
def github_hook():
    payload = request.get_json(force=True)
    branch = payload["ref"].removeprefix("refs/heads/")
    pull_and_deploy(Config.REPO_DIR, branch, Config.DEPLOY_SCRIPT)
    # expect: VC216 -- the signature is checked after the deploy has run
    if not verify_github(Config.GITHUB_WEBHOOK_SECRET, request.get_data(), request.headers.get("X-Hub-Signature-256")):
        abort(401)
    return jsonify(deployed=branch)


@app.post("/hooks/github/v2")
def github_hook_v2():
    body = request.get_data()
    # ok: VC216/VC204
    if not verify_github_v2(Config.GITHUB_WEBHOOK_SECRET, body, request.headers.get("X-Hub-Signature-256")):
        abort(401)
    payload = json.loads(body)
    if request.headers.get("X-GitHub-Event") != "push":
        return jsonify(ignored=True)
    branch = payload["ref"].removeprefix("refs/heads/")
    try:
        pull_and_deploy_v2(Config.REPO_DIR, branch, Config.DEPLOY_SCRIPT, Config.ALLOWED_BRANCHES)
    except ValueError:
        return jsonify(ignored=branch), 202
    return jsonify(deployed=branch)


@app.post("/hooks/gitlab")
def gitlab_hook():
    # expect: VC204
    if request.headers.get("X-Gitlab-Token") != Config.GITLAB_WEBHOOK_TOKEN:
        abort(403)
    event = request.get_json()
    relay_event.delay("gitlab", event)
    return jsonify(queued=True)


@app.post("/hooks/gitlab/v2")
def gitlab_hook_v2():
    # ok: VC204
    if not verify_gitlab(Config.GITLAB_WEBHOOK_TOKEN, request.headers.get("X-Gitlab-Token")):
        abort(403)
    relay_event.delay("gitlab", request.get_json())
    return jsonify(queued=True)


@app.post("/hooks/stripe")
def stripe_hook():
    payload = request.get_data()
    try:
        event = stripe.Webhook.construct_event(payload, request.headers.get("Stripe-Signature"), Config.STRIPE_WEBHOOK_SECRET)
    # expect: VC216/VC101 -- a bad signature is logged and the event handled anyway
    except stripe.error.SignatureVerificationError:
        log.warning("stripe signature mismatch")
        event = json.loads(payload)
    relay_event.delay("stripe", event)
    return jsonify(received=True)


@app.post("/hooks/stripe/v2")
def stripe_hook_v2():
    payload = request.get_data()
    try:
        event = stripe.Webhook.construct_event(payload, request.headers.get("Stripe-Signature"), Config.STRIPE_WEBHOOK_SECRET)
    # ok: VC216/VC101
    except (ValueError, stripe.error.SignatureVerificationError):
        abort(400)
    relay_event.delay("stripe", event)
    return jsonify(received=True)


# expect: VC201/VC216 -- Twilio's signature is never checked
@app.post("/hooks/twilio/sms")
def twilio_sms():
    relay_event.delay("twilio", request.form.to_dict())
    return "<Response/>", 200, {"Content-Type": "application/xml"}


@app.post("/hooks/twilio/sms/v2")
def twilio_sms_v2():
    # ok: VC216
    if not twilio_validator.validate(request.url, request.form, request.headers.get("X-Twilio-Signature", "")):
        abort(403)
    relay_event.delay("twilio", request.form.to_dict())
    return "<Response/>", 200, {"Content-Type": "application/xml"}


@app.post("/hooks/forward")
def forward_hook():
    body = request.get_json()
    if not verify_github_v2(Config.GITHUB_WEBHOOK_SECRET, request.get_data(), request.headers.get("X-Hub-Signature-256")):
        abort(401)
    forward(body["callback_url"], body)
    return jsonify(forwarded=True)


@app.post("/hooks/forward/v2")
def forward_hook_v2():
    body = request.get_json()
    if not verify_github_v2(Config.GITHUB_WEBHOOK_SECRET, request.get_data(), request.headers.get("X-Hub-Signature-256")):
        abort(401)
    target = Config.FORWARD_TARGETS.get(body.get("target", ""))
    if not target:
        abort(400)
    # ok: VC405
    forward_v2(target, body)
    return jsonify(forwarded=True)


@app.get("/hooks/test")
def test_hook():
    url = request.args["url"]
    try:
        # expect: VC405
        resp = requests.get(url, timeout=5)
    except requests.RequestException as exc:
        # expect: VC414
        return jsonify(error=str(exc)), 502
    return jsonify(status=resp.status_code)


if __name__ == "__main__":
    # expect: VC211
    app.run(host="0.0.0.0", port=8080, debug=True)
