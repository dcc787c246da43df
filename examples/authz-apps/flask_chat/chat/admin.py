from flask import Blueprint, jsonify
from flask_login import login_required

from . import db
from .decorators import admin_required
from .models import User

admin_bp = Blueprint("admin", __name__)


@admin_bp.route("/users/<int:user_id>/ban", methods=["POST"])
@login_required
@admin_required
def ban(user_id):
    user = db.get_or_404(User, user_id)
    user.banned = True
    db.session.commit()
    return jsonify({"banned": user.id})


# expect: VC218
@admin_bp.route("/users/<int:user_id>/promote", methods=["POST"])
@login_required
def promote(user_id):
    # expect: VC214 -- as in flask_tickets' ban_user: the user is anyone's, and the action an admin's
    user = db.get_or_404(User, user_id)
    user.role = "admin"
    db.session.commit()
    return jsonify({"promoted": user.id})


@admin_bp.route("/users")
@login_required
@admin_required
def list_users():
    return jsonify([{"id": u.id, "email": u.email, "role": u.role} for u in User.query.all()])
