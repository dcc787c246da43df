from flask import Blueprint, jsonify

from ..auth import admin_required
from ..extensions import db
from ..models import Ticket, User

bp = Blueprint("admin", __name__)


@bp.route("/users/<int:user_id>/suspend", methods=["POST"])
@admin_required
def suspend_user(user_id):
    user = User.query.get_or_404(user_id)
    user.suspended = True
    db.session.commit()
    return jsonify(ok=True)


@bp.route("/tickets/<int:ticket_id>", methods=["DELETE"])
@admin_required
def delete_ticket(ticket_id):
    db.session.delete(Ticket.query.get_or_404(ticket_id))
    db.session.commit()
    return "", 204


# expect: VC201
@bp.route("/tickets/<int:ticket_id>/reassign", methods=["POST"])
def reassign_ticket(ticket_id):
    ticket = Ticket.query.get_or_404(ticket_id)
    ticket.assignee_id = None
    db.session.commit()
    return jsonify(ok=True)
