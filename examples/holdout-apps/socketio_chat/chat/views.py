from flask import Blueprint, jsonify, redirect, request, url_for
from flask_login import current_user, login_required, login_user
# expect: VC504 -- werkzeug comes with flask but is not declared
from werkzeug.security import check_password_hash

from . import db
from .models import Message, User

bp = Blueprint("views", __name__)


@bp.post("/login")
def login():
    user = User.query.filter_by(username=request.form["username"]).first()
    # ok: VC204/VC410 -- werkzeug's hash check
    if user and check_password_hash(user.password_hash, request.form["password"]):
        login_user(user)
        return redirect(url_for("views.index"))
    return "Invalid credentials", 401


@bp.get("/")
@login_required
def index():
    return "chat"


@bp.get("/rooms/<int:room_id>/export")
@login_required
def export_room(room_id):
    # expect: VC214 -- any user exports any room's history
    messages = Message.query.filter_by(room_id=room_id).order_by(Message.created_at).all()
    return jsonify([{"author": m.author_id, "body": m.body} for m in messages])


# expect: VC218 -- any signed-in user bans anyone
@bp.post("/users/<int:user_id>/ban")
@login_required
def ban_user(user_id):
    # expect: VC214 -- the user to ban is loaded by the client's id
    user = db.get_or_404(User, user_id)
    user.banned = True
    db.session.commit()
    return {"ok": True}
