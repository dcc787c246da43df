import csv
import io

from flask import Blueprint, Response
from flask_login import login_required

from ..extensions import db
from ..models import Page, User

reports_bp = Blueprint("reports", __name__)


@reports_bp.before_request
@login_required
def require_login():
    """All reports are for signed-in users."""


@reports_bp.route("/my-activity")
def my_activity():
    # ok: VC218/VC219 -- counts only
    return {"pages": db.session.scalar(db.select(db.func.count(Page.id)))}


# expect: VC218/VC219 -- every user's email and role, for anyone signed in
@reports_bp.route("/users.csv")
def export_users():
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "email", "role", "is_admin"])
    for user in db.session.scalars(db.select(User)):
        writer.writerow([user.id, user.email, user.role, user.is_admin])
    return Response(buffer.getvalue(), mimetype="text/csv")
