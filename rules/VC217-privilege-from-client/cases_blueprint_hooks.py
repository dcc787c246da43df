from flask import Blueprint, abort, g, request
from flask_login import current_user, login_required

from .auth import staff_required

admin_bp = Blueprint("admin", __name__)
staff_bp = Blueprint("staff", __name__)
members_bp = Blueprint("members", __name__)
quota_bp = Blueprint("quota", __name__)


@admin_bp.before_request
@login_required
def guard_admin_area():
    if not current_user.is_admin:
        abort(403)


@staff_bp.before_request
@staff_required
def staff_area():
    """Every route of the blueprint is for staff."""


@members_bp.before_request
def load_member():
    if not current_user.is_authenticated:
        abort(401)
    g.is_admin = current_user.role == "admin"


@quota_bp.before_request
def apply_quota():
    if current_user.is_admin:
        return
    check_quota(current_user)


@admin_bp.route("/users/<int:user_id>/role", methods=["POST"])
def set_role(user_id):
    user = User.query.get_or_404(user_id)
    # ok: VC217 -- the blueprint's hook turns away whoever is no administrator
    user.role = request.form["role"]
    return {"id": user.id}


@staff_bp.post("/users/<int:user_id>/staff")
def make_staff(user_id):
    user = User.query.get_or_404(user_id)
    # ok: VC217 -- a staff guard decorates the blueprint's hook
    user.is_staff = request.form.get("staff") == "on"
    return {"id": user.id}


@members_bp.post("/profile/role")
def change_own_role():
    # expect: VC217 -- the hook only signs members in; its admin test refuses no one
    current_user.role = request.form["role"]
    return {"role": current_user.role}


@quota_bp.post("/me/role")
def pick_role():
    # expect: VC217 -- the hook only spares administrators a quota; everyone reaches the route
    current_user.role = request.form["role"]
    return {"role": current_user.role}
