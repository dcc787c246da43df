from flask import Blueprint, abort, jsonify, request
from flask_login import current_user, login_required

from ..extensions import db
from ..models import User

admin_bp = Blueprint("admin", __name__)


@admin_bp.before_request
@login_required
def require_admin():
    if not current_user.is_admin:
        abort(403)


@admin_bp.route("/users")
def list_users():
    # ok: VC201/VC219 -- the blueprint's before_request admits admins only
    users = db.session.scalars(db.select(User)).all()
    return jsonify([{"id": u.id, "email": u.email, "role": u.role} for u in users])


@admin_bp.route("/users/<int:user_id>/role", methods=["POST"])
def set_role(user_id):
    user = db.get_or_404(User, user_id)
    # ok: VC217/VC214 -- an admin sets roles
    user.role = request.form["role"]
    db.session.commit()
    return jsonify({"id": user.id, "role": user.role})
