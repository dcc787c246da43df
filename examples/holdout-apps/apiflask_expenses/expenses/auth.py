"""Token auth, registration, login and password reset."""

import random
import string

from apiflask import APIBlueprint, HTTPTokenAuth, abort
from flask import current_app, request
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from werkzeug.security import check_password_hash, generate_password_hash

from .models import User, db

auth = HTTPTokenAuth(scheme="Bearer")
bp = APIBlueprint("auth", __name__, url_prefix="/auth")


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="api-token")


@auth.verify_token
def verify_token(token: str):
    try:
        user_id = _serializer().loads(token, max_age=current_app.config["TOKEN_MAX_AGE"])
    except (BadSignature, SignatureExpired):
        return None
    return db.session.get(User, user_id)


@bp.post("/register")
def register():
    data = request.get_json()
    # ok: VC205/VC410
    user = User(email=data["email"], password_hash=generate_password_hash(data["password"]), team_id=data["team_id"])
    db.session.add(user)
    db.session.commit()
    return {"id": user.id}, 201


@bp.post("/login")
def login():
    data = request.get_json()
    user = User.query.filter_by(email=data["email"]).first()
    if user is None or not check_password_hash(user.password_hash, data["password"]):
        abort(401, "Invalid credentials")
    return {"token": _serializer().dumps(user.id)}


@bp.post("/forgot")
def forgot_password():
    user = User.query.filter_by(email=request.json["email"]).first()
    if user:
        # expect: VC206
        user.reset_code = "".join(random.choices(string.digits, k=6))
        db.session.commit()
    return {"status": "sent"}


@bp.post("/reset")
def reset_password():
    data = request.json
    user = User.query.filter_by(email=data["email"]).first_or_404()
    # expect: VC204
    if user.reset_code != data["code"]:
        abort(400, "Bad code")
    user.password_hash = generate_password_hash(data["password"])
    user.reset_code = None
    db.session.commit()
    return {"status": "ok"}
