"""VC218 corpus: routes whose path, or whose blueprint or router, says they are for administrators (`/admin/...`,
`url_prefix="/admin"`, `APIRouter(prefix="/internal")`, `admin_bp`) but that only check a login; the look-alikes check
a role, only read, or have `admin` in a path parameter or inside another word."""
from fastapi import APIRouter, Depends
from flask import Blueprint, Flask, abort
from flask_login import current_user, login_required

from . import settings
from .auth import get_admin_user, get_current_user
from .models import Flag, Setting, User, db

app = Flask(__name__)
admin = Blueprint("admin", __name__, url_prefix="/admin")
admin_bp = Blueprint("admin_panel", __name__)
staff_only = Blueprint("staff_only", __name__, url_prefix="/backoffice")
internal = APIRouter(prefix="/internal")
router = APIRouter()


# expect: VC218
@app.post("/admin/users/<int:user_id>/delete")
@login_required
def delete_account(user_id):
    db.session.delete(User.query.get_or_404(user_id))
    db.session.commit()
    return "", 204


# expect: VC218
@admin.post("/settings")
@login_required
def save_settings():
    Setting.query.update({"value": "on"})
    return "", 204


# expect: VC218
@admin_bp.route("/flags/<int:flag_id>", methods=["DELETE"])
@login_required
def drop_flag(flag_id):
    Flag.query.filter_by(id=flag_id).delete()
    return "", 204


# expect: VC218
@internal.post("/cache/clear")
async def clear_cache(user=Depends(get_current_user)):
    return {"cleared": True}


# ok: VC218 -- the body turns away whoever is no administrator
@app.post("/admin/users/<int:user_id>/disable")
@login_required
def disable_account(user_id):
    if not current_user.is_admin:
        abort(403)
    User.query.get_or_404(user_id).active = False
    return "", 204


# ok: VC218 -- an administrators' dependency
@internal.post("/reindex")
async def reindex(user=Depends(get_admin_user)):
    return {"queued": True}


# ok: VC218 -- only reads
@admin.get("/dashboard")
@login_required
def dashboard():
    return {"users": User.query.count()}


# ok: VC218 -- `admin` names a path parameter, not the route
@router.post("/teams/{admin_id}/messages")
async def message_team_admin(admin_id: int, user=Depends(get_current_user)):
    return {"sent": admin_id}


# ok: VC218 -- `badminton` and `administrative` are other words
@router.post("/badminton/bookings/administrative-fees")
async def book_court(user=Depends(get_current_user)):
    return {"booked": True}


# expect: VC218
@staff_only.post("/refunds/export")
@login_required
def export_orders():
    return {"queued": True}


staff = Blueprint("staff", __name__, url_prefix="/staff")


# ok: VC218 -- an app whose users are its customers' staff: `staff` names every user
@staff.post("/campaigns")
@login_required
def create_campaign():
    return {"created": True}


OPERATIONS_PREFIX = "/superuser/ops"
operations = Blueprint("operations", __name__, url_prefix=OPERATIONS_PREFIX)
reporting = APIRouter(prefix=settings.REPORTING_PREFIX)


# expect: VC218
@operations.post("/quotas/<int:org_id>")
@login_required
def raise_quota(org_id):
    Setting.query.filter_by(org_id=org_id).update({"quota": 1000})
    db.session.commit()
    return {"ok": True}


# ok: VC218 -- a prefix from the settings is not known: nothing says the route is for administrators
@reporting.post("/exports/{report_id}/rerun")
def rerun_export(report_id: int, user=Depends(get_current_user)):
    Flag.query.filter_by(report_id=report_id).update({"rerun": True})
    return {"ok": True}
