import hashlib
import hmac
import os
import random
import string
import time
import uuid

import jwt
from flask import Blueprint, abort, current_app, jsonify, request
# expect: VC504
from werkzeug.security import check_password_hash, generate_password_hash

from .db import get_user_by_email, save_user

auth_bp = Blueprint("auth", __name__, url_prefix="/auth")
JWT_SECRET = os.environ["FILEDROP_JWT_SECRET"]


def hash_password(password: str) -> str:
    # expect: VC205
    return hashlib.sha256(password.encode()).hexdigest()


def hash_password_safely(password: str) -> str:
    # ok: VC205
    return generate_password_hash(password)


def generate_reset_token(length: int = 32) -> str:
    alphabet = string.ascii_letters + string.digits
    # expect: VC206
    return "".join(random.choice(alphabet) for _ in range(length))


def new_session_id() -> str:
    # expect: VC206
    return str(uuid.uuid1())


def make_api_key(user_id: int) -> str:
    # expect: VC206
    api_key = hashlib.md5(f"{user_id}-{time.time()}".encode()).hexdigest()
    return api_key


def make_reset_token_safely() -> str:
    import secrets

    # ok: VC206
    return secrets.token_urlsafe(32)


def current_user_claims() -> dict:
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    # expect: VC202
    return jwt.decode(token, options={"verify_signature": False})


def claims_from_none_alg(token: str) -> dict:
    # expect: VC202
    return jwt.decode(token, JWT_SECRET, algorithms=["none", "HS256"])


def legacy_claims(token: str) -> dict:
    # expect: VC202
    return jwt.decode(token, JWT_SECRET, verify=False)


def verified_claims(token: str) -> dict:
    # ok: VC202
    return jwt.decode(token, current_app.config["SECRET_KEY"], algorithms=["HS256"])


@auth_bp.post("/login")
def login():
    body = request.get_json()
    user = get_user_by_email(body["email"])
    # expect: VC205, VC204
    if user is None or user["password_hash"] != hashlib.sha256(body["password"].encode()).hexdigest():
        abort(401)
    # expect: VC233 -- the login's token has no `exp`
    return jsonify(token=jwt.encode({"sub": user["id"]}, current_app.config["SECRET_KEY"], algorithm="HS256"))


@auth_bp.post("/login-v2")
def login_v2():
    body = request.get_json()
    user = get_user_by_email(body["email"])
    # ok: VC205, VC410
    if user is None or not check_password_hash(user["password_hash"], body["password"]):
        abort(401)
    return jsonify(ok=True)


@auth_bp.post("/forgot")
def forgot_password():
    user = get_user_by_email(request.form["email"])
    if user:
        user["reset_token"] = generate_reset_token()
        save_user(user)
    return jsonify(sent=True)


@auth_bp.post("/reset")
def reset_password():
    token = request.form["token"]
    user = get_user_by_email(request.form["email"])
    # expect: VC204
    if user is None or user["reset_token"] != token:
        abort(400)
    user["password_hash"] = generate_password_hash(request.form["password"])
    save_user(user)
    return jsonify(ok=True)


def check_webhook_signature(body: bytes, signature: str) -> bool:
    expected = hmac.new(current_app.config["SECRET_KEY"].encode(), body, hashlib.sha256).hexdigest()
    # ok: VC204
    return hmac.compare_digest(expected, signature)


def check_api_token(given: str) -> bool:
    # expect: VC204
    return given == current_app.config["ADMIN_API_TOKEN"]
