from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from . import db
from .models import User

auth_bp = Blueprint("auth", __name__)


@auth_bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = User.query.filter_by(username=request.form["username"]).first()
        if user and check_password_hash(user.password_hash, request.form["password"]):
            login_user(user)
            return redirect(url_for("rooms.index"))
    return render_template("login.html")


@auth_bp.route("/register", methods=["POST"])
def register():
    user = User(
        username=request.form["username"],
        email=request.form["email"],
        password_hash=generate_password_hash(request.form["password"]),
        # expect: VC217
        role=request.form.get("role", "member"),
    )
    db.session.add(user)
    db.session.commit()
    login_user(user)
    return redirect(url_for("rooms.index"))


@auth_bp.route("/register-guest", methods=["POST"])
def register_guest():
    user = User(
        username=request.form["username"],
        email=request.form["email"],
        password_hash=generate_password_hash(request.form["password"]),
        role="guest",
    )
    db.session.add(user)
    db.session.commit()
    login_user(user)
    return redirect(url_for("rooms.index"))


@auth_bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    return redirect(url_for("auth.login"))
