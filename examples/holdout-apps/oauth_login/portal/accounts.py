from flask import Blueprint, abort, redirect, request, session, url_for
from werkzeug.security import check_password_hash

from .models import User
from .redirects import safe_next

bp = Blueprint("accounts", __name__)


@bp.post("/login")
def password_login():
    user = User.query.filter_by(email=request.form["email"]).first()
    if user is None or not user.password_hash or not check_password_hash(user.password_hash, request.form["password"]):
        abort(401)
    # ok: VC210
    session["user_id"] = user.id
    # expect: VC409
    return redirect(request.args.get("next") or url_for("accounts.home"))


@bp.post("/login/form")
def password_login_checked():
    user = User.query.filter_by(email=request.form["email"]).first()
    if user is None or not user.password_hash or not check_password_hash(user.password_hash, request.form["password"]):
        abort(401)
    session.clear()
    session["user_id"] = user.id
    # ok: VC409
    return redirect(safe_next(request.form.get("next")))


@bp.get("/logout")
def logout():
    session.clear()
    # expect: VC409
    return redirect(request.args.get("return_to", "/"))


@bp.get("/")
def home():
    if "user_id" not in session:
        return redirect(url_for("accounts.login_page"))
    return {"user_id": session["user_id"]}


@bp.get("/login")
def login_page():
    return "<form method=post><input name=email><input name=password type=password></form>"
