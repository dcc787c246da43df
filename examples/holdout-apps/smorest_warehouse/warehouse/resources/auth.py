"""Sign-up, sign-in and API keys."""

import hashlib
import random
import string

from flask_jwt_extended import create_access_token, get_jwt_identity, jwt_required
from flask_smorest import Blueprint, abort
from werkzeug.security import check_password_hash, generate_password_hash

from ..models import User, db
from ..schemas import LoginSchema, RegisterSchema

blp = Blueprint("auth", __name__, url_prefix="/auth")


@blp.route("/register", methods=["POST"])
@blp.arguments(RegisterSchema)
def register(new_user):
    if User.query.filter_by(username=new_user["username"]).first():
        abort(409, message="Username taken")
    user = User(
        username=new_user["username"],
        # ok: VC205
        password_hash=generate_password_hash(new_user["password"]),
        # expect: VC217
        role=new_user["role"],
    )
    db.session.add(user)
    db.session.commit()
    return {"id": user.id}, 201


@blp.route("/login", methods=["POST"])
@blp.arguments(LoginSchema)
def login(creds):
    user = User.query.filter_by(username=creds["username"]).first()
    if user is None or not check_password_hash(user.password_hash, creds["password"]):
        abort(401, message="Bad credentials")
    token = create_access_token(identity=str(user.id), additional_claims={"role": user.role})
    return {"access_token": token}


@blp.route("/api-key", methods=["POST"])
@jwt_required()
def issue_api_key():
    user = db.session.get(User, int(get_jwt_identity()))
    # expect: VC206
    raw = "".join(random.choices(string.ascii_letters + string.digits, k=32))
    # ok: VC205
    user.api_key = hashlib.md5(raw.encode()).hexdigest()
    db.session.commit()
    return {"api_key": raw}


def user_for_api_key(presented: str) -> User | None:
    digest = hashlib.md5(presented.encode()).hexdigest()
    for user in User.query.filter(User.api_key.isnot(None)):
        # expect: VC204
        if user.api_key == digest:
            return user
    return None
