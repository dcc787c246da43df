import csv
import io
from functools import wraps

from flask import Blueprint, Response, abort, render_template, request
from flask_login import current_user, login_required
from sqlalchemy import func, select, text

from ..audit import record_audit
from ..extensions import db
from ..models import Order, User

admin_bp = Blueprint("admin", __name__, url_prefix="/admin")


def admin_required(view):
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


@admin_bp.route("/")
@admin_required
def dashboard():
    user_count = db.session.scalar(select(func.count(User.id)))
    revenue = db.session.scalar(select(func.sum(Order.total_cents)).where(Order.status == "paid"))
    return render_template("admin/dashboard.html", user_count=user_count, revenue=revenue or 0)


@admin_bp.route("/users")
@admin_required
def users():
    q = request.args.get("q", "")
    # ok: VC402
    stmt = select(User).where(User.email.ilike(f"%{q}%")).order_by(User.created_at.desc())
    return render_template("admin/users.html", users=db.session.scalars(stmt).all(), q=q)


# expect: VC218
@admin_bp.route("/users/<int:user_id>/promote", methods=["POST"])
@login_required
def promote(user_id: int):
    user = db.get_or_404(User, user_id)
    user.is_admin = True
    db.session.commit()
    record_audit(current_user.id, "promote", str(user_id))
    return {"id": user.id, "is_admin": True}


@admin_bp.route("/users/<int:user_id>/disable", methods=["POST"])
@admin_required
def disable(user_id: int):
    user = db.get_or_404(User, user_id)
    db.session.delete(user)
    db.session.commit()
    record_audit(current_user.id, "disable", str(user_id))
    return {"deleted": user_id}


# expect: VC201/VC219
@admin_bp.route("/users/export")
def export_users():
    rows = db.session.execute(select(User.id, User.email, User.created_at)).all()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "email", "created_at"])
    writer.writerows(rows)
    return Response(buffer.getvalue(), mimetype="text/csv")


@admin_bp.route("/orders/report")
@admin_required
def orders_report():
    status = request.args.get("status", "paid")
    sort = request.args.get("sort", "created_at")
    # expect: VC402/VC422
    sql = text(f"SELECT id, user_id, total_cents FROM orders WHERE status = :status ORDER BY {sort} DESC")
    rows = db.session.execute(sql, {"status": status}).all()
    return {"orders": [dict(r._mapping) for r in rows]}


SORTABLE = {"created_at": Order.created_at, "total": Order.total_cents}


@admin_bp.route("/orders")
@admin_required
def orders():
    column = SORTABLE.get(request.args.get("sort", "created_at"), Order.created_at)
    # ok: VC402
    stmt = select(Order).order_by(column.desc()).limit(200)
    return render_template("admin/orders.html", orders=db.session.scalars(stmt).all())
