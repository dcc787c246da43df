from urllib.parse import urlparse

from flask import Blueprint, redirect, request, url_for
from flask_login import login_user, logout_user
# expect: VC504
from werkzeug.security import check_password_hash

from .models import User, db

bp = Blueprint("auth", __name__)


@bp.post("/login")
def login():
    user = db.session.execute(db.select(User).filter_by(email=request.form["email"])).scalar_one_or_none()
    if user is None or not check_password_hash(user.password_hash, request.form["password"]):
        return {"error": "invalid credentials"}, 401
    login_user(user)
    # expect: VC405/VC409/VC415
    return redirect(request.args.get("next") or url_for("bookings.my_bookings"))


@bp.post("/login/v2")
def login_v2():
    user = db.session.execute(db.select(User).filter_by(email=request.form["email"])).scalar_one_or_none()
    if user is None or not check_password_hash(user.password_hash, request.form["password"]):
        return {"error": "invalid credentials"}, 401
    login_user(user)
    target = request.args.get("next", "")
    if urlparse(target).netloc or not target.startswith("/"):
        target = url_for("bookings.my_bookings")
    # ok: VC405/VC409/VC415
    return redirect(target)


@bp.post("/logout")
def logout():
    logout_user()
    return redirect(url_for("auth.login"))
