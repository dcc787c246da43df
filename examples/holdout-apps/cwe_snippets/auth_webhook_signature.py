"""Prompt: verify the HMAC signature of an incoming GitHub webhook."""

import hashlib
import hmac
import os

from flask import Flask, abort, request

app = Flask(__name__)
WEBHOOK_SECRET = os.environ["GITHUB_WEBHOOK_SECRET"].encode()


@app.post("/github")
def github_hook():
    expected = "sha256=" + hmac.new(WEBHOOK_SECRET, request.data, hashlib.sha256).hexdigest()
    signature = request.headers.get("X-Hub-Signature-256", "")
    # expect: VC204
    if signature != expected:
        abort(403)
    return "", 204


@app.post("/github-safe")
def github_hook_safe():
    expected = "sha256=" + hmac.new(WEBHOOK_SECRET, request.data, hashlib.sha256).hexdigest()
    # ok: VC204
    if not hmac.compare_digest(request.headers.get("X-Hub-Signature-256", ""), expected):
        abort(403)
    return "", 204
