from flask import Blueprint, abort, jsonify, render_template, request
from flask_login import current_user, login_required
from sqlalchemy import select

from ..extensions import db
from ..models import Order

account_bp = Blueprint("account", __name__, url_prefix="/account")

EDITABLE_FIELDS = {"display_name", "timezone"}


@account_bp.route("/orders")
@login_required
def my_orders():
    stmt = select(Order).where(Order.user_id == current_user.id).order_by(Order.created_at.desc())
    return render_template("account/orders.html", orders=db.session.scalars(stmt).all())


@account_bp.route("/orders/<int:order_id>")
@login_required
def order_detail(order_id: int):
    # expect: VC214
    order = db.get_or_404(Order, order_id)
    return render_template("account/order.html", order=order)


@account_bp.route("/orders/<int:order_id>/invoice")
@login_required
def order_invoice(order_id: int):
    # ok: VC214
    order = db.session.execute(
        select(Order).where(Order.id == order_id, Order.user_id == current_user.id)
    ).scalar_one_or_none()
    if order is None:
        abort(404)
    return render_template("account/invoice.html", order=order)


@account_bp.route("/orders/<int:order_id>/cancel", methods=["POST"])
@login_required
def cancel_order(order_id: int):
    # expect: VC214
    order = db.first_or_404(select(Order).filter_by(id=order_id))
    order.status = "cancelled"
    db.session.commit()
    return jsonify(id=order.id, status=order.status)


@account_bp.route("/profile", methods=["POST"])
@login_required
def update_profile():
    data = request.get_json()
    for field, value in data.items():
        # expect: VC215
        setattr(current_user, field, value)
    db.session.commit()
    return jsonify(ok=True)


@account_bp.route("/profile/settings", methods=["POST"])
@login_required
def update_settings():
    data = request.get_json() or {}
    for field in EDITABLE_FIELDS & data.keys():
        # ok: VC215
        setattr(current_user, field, data[field])
    db.session.commit()
    return jsonify(ok=True)
