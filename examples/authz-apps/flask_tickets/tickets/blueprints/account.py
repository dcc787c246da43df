from flask import Blueprint, g, jsonify, request
from flask_login import current_user, login_required

from ..extensions import db
from ..models import User

bp = Blueprint("account", __name__)


@bp.route("/settings", methods=["POST"])
@login_required
def update_settings():
    data = request.get_json()
    current_user.display_name = data.get("display_name", current_user.display_name)
    db.session.commit()
    return jsonify(ok=True)


@bp.route("/users/<int:user_id>/role", methods=["POST"])
@login_required
def change_role(user_id):
    data = request.get_json()
    # expect: VC207
    if data.get("is_admin"):
        user = User.query.get_or_404(user_id)
        user.role = "admin"
        db.session.commit()
    return jsonify(ok=True)


# expect: VC218
@bp.route("/users/<int:user_id>/ban", methods=["POST"])
@login_required
def ban_user(user_id):
    # expect: VC214
    user = User.query.get_or_404(user_id)
    user.banned = True
    db.session.commit()
    return jsonify(ok=True)
