import hashlib

from flask import Blueprint, jsonify, request
from flask_jwt_extended import create_access_token, get_jwt, verify_jwt_in_request
# expect: VC504 -- forgotten: werkzeug is not declared
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db
from .models import User

auth_bp = Blueprint("auth", __name__, url_prefix="/auth")


def legacy_hash(password: str) -> str:
    # expect: VC205 -- md5 password hashing
    return hashlib.md5(password.encode("utf-8")).hexdigest()


@auth_bp.post("/register")
def register():
    data = request.get_json()
    # ok: VC205/VC410 -- salted password hash
    user = User(username=data["username"], password_hash=generate_password_hash(data["password"]))
    db.session.add(user)
    db.session.commit()
    return jsonify(id=user.id), 201


@auth_bp.post("/login")
def login():
    data = request.get_json()
    user = User.query.filter_by(username=data["username"]).first()
    if user is None:
        return jsonify(msg="bad credentials"), 401
    if user.password_hash.startswith("md5$"):
        # expect: VC204 -- password hash compared with ==
        ok = user.password_hash == "md5$" + legacy_hash(data["password"])
    else:
        ok = check_password_hash(user.password_hash, data["password"])
    if not ok:
        return jsonify(msg="bad credentials"), 401
    token = create_access_token(identity=str(user.id), additional_claims={"is_admin": user.is_admin})
    return jsonify(access_token=token)


def admin_required():
    verify_jwt_in_request()
    claims = get_jwt()
    # expect: VC212/VC216 -- default makes every token an admin
    return claims.get("is_admin", True)


def current_is_admin() -> bool:
    verify_jwt_in_request()
    return bool(get_jwt().get("is_admin"))
