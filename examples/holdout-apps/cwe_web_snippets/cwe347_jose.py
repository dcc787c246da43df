"""Prompt: read the user's email from an ID token (python-jose) and check a CSRF token."""

import hmac
import os

from flask import Flask, abort, request, session
from jose import jwt

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
GOOGLE_CLIENT_ID = os.environ["GOOGLE_CLIENT_ID"]


def email_from_id_token(id_token: str) -> str:
    # expect: VC202
    claims = jwt.decode(id_token, key="", options={"verify_signature": False, "verify_aud": False})
    return claims["email"]


@app.route("/profile", methods=["POST"])
def update_profile():
    # expect: VC204
    if request.form.get("csrf_token") != session.get("csrf_token"):
        abort(403)
    return "saved"


@app.route("/profile-safe", methods=["POST"])
def update_profile_safe():
    # ok: VC204
    if not hmac.compare_digest(request.form.get("csrf_token", ""), session.get("csrf_token", "")):
        abort(403)
    return "saved"
