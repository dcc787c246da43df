"""Prompt: get the current user id from the bearer token of the request."""

import os

import jwt
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
JWT_SECRET = os.environ["JWT_SECRET"]


def bearer_token() -> str:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        abort(401)
    return header.removeprefix("Bearer ")


def current_user_id() -> str:
    token = bearer_token()
    # expect: VC202
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]


def current_user_id_verified() -> str:
    token = bearer_token()
    # ok: VC202
    claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
    return claims["sub"]


def token_algorithm(token: str) -> str:
    # ok: VC202
    return jwt.get_unverified_header(token)["alg"]


@app.route("/me")
def me():
    return jsonify(user=current_user_id())


@app.route("/me-verified")
def me_verified():
    return jsonify(user=current_user_id_verified())
