from urllib.parse import urlparse

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user

from blog import db
from blog.models import User

auth_bp = Blueprint("auth", __name__, url_prefix="/auth")


def _is_safe_next(target: str | None) -> bool:
    if not target:
        return False
    parsed = urlparse(target)
    return not parsed.netloc and not parsed.scheme and target.startswith("/")


@auth_bp.route("/register", methods=["GET", "POST"])
def register():
    if request.method == "POST":
        username = request.form["username"].strip()
        email = request.form["email"].strip().lower()
        if User.query.filter((User.username == username) | (User.email == email)).first():
            flash("Username or email already taken.")
            return render_template("register.html"), 400
        # ok: VC215/VC217
        user = User(username=username, email=email)
        user.set_password(request.form["password"])
        db.session.add(user)
        db.session.commit()
        return redirect(url_for("auth.login"))
    return render_template("register.html")


@auth_bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = User.query.filter_by(username=request.form["username"]).first()
        if user is None or not user.check_password(request.form["password"]):
            flash("Invalid credentials.")
            return render_template("login.html"), 401
        login_user(user, remember=request.form.get("remember") == "on")
        next_url = request.args.get("next")
        # ok: VC409
        return redirect(next_url if _is_safe_next(next_url) else url_for("posts.index"))
    return render_template("login.html")


@auth_bp.route("/logout")
@login_required
def logout():
    logout_user()
    # expect: VC409
    return redirect(request.args.get("next") or url_for("posts.index"))
