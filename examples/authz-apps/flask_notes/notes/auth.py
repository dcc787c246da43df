from flask import Blueprint, jsonify, request
from flask_login import login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from .models import User, db

auth_bp = Blueprint("auth", __name__, url_prefix="/auth")


@auth_bp.route("/register", methods=["POST"])
def register():
    data = request.get_json()
    if User.query.filter_by(email=data["email"]).first():
        return jsonify({"error": "Email already registered"}), 400
    # expect: VC217
    is_admin = User.query.count() == 0
    user = User(
        email=data["email"],
        password_hash=generate_password_hash(data["password"]),
        # expect: VC217
        role=data.get("role", "user"),
        is_admin=is_admin,
    )
    db.session.add(user)
    db.session.commit()
    return jsonify({"id": user.id}), 201


@auth_bp.route("/login", methods=["POST"])
def login():
    data = request.get_json()
    user = User.query.filter_by(email=data["email"]).first()
    if user and check_password_hash(user.password_hash, data["password"]):
        login_user(user)
        return jsonify({"message": "Logged in"})
    return jsonify({"error": "Invalid credentials"}), 401


# expect: VC201
@auth_bp.route("/profile", methods=["PUT"])
def update_profile():
    data = request.get_json()
    user = User.query.get(data["id"])
    # expect: VC215
    user.__dict__.update(data)
    db.session.commit()
    return jsonify({"ok": True})
