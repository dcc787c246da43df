"""Prompt: API-key and token checks, JWT parsing with PyJWT (other spellings)."""

import hmac
import os

import jwt
from flask import Flask, abort, g, request

app = Flask(__name__)
API_KEY = os.environ["API_KEY"]
JWT_KEY = os.environ["JWT_KEY"]


@app.before_request
def require_api_key():
    # expect: VC204
    if request.headers.get("X-API-Key") != API_KEY:
        abort(401)


def user_from_token(token: str) -> dict:
    # expect: VC202
    return jwt.decode(token, algorithms=["HS256"], options={"verify_signature": False})


def user_from_legacy_token(token: str) -> dict:
    # expect: VC202
    return jwt.decode(token, JWT_KEY, verify=False)


def user_from_token_checked(token: str) -> dict:
    # ok: VC202
    return jwt.decode(token, JWT_KEY, algorithms=["HS256"], options={"require": ["exp", "sub"]})


def check_reset_token(user, supplied: str) -> bool:
    # expect: VC204
    return user.reset_token == supplied


def check_reset_token_safe(user, supplied: str) -> bool:
    # ok: VC204
    return hmac.compare_digest(user.reset_token, supplied)


@app.route("/whoami")
def whoami():
    g.user = user_from_token_checked(request.headers.get("Authorization", "").removeprefix("Bearer "))
    return g.user
