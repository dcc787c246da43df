from flask import Blueprint, abort, g, redirect, render_template, request, url_for

from ..extensions import db
from ..models import Comment, Ticket

bp = Blueprint("tickets", __name__)


@bp.route("/")
def index():
    items = Ticket.query.filter_by(author_id=g.user.id).all()
    return render_template("tickets/index.html", tickets=items)


@bp.route("/<int:ticket_id>")
def show(ticket_id):
    # expect: VC214
    ticket = Ticket.query.get_or_404(ticket_id)
    return render_template("tickets/show.html", ticket=ticket)


@bp.route("/<int:ticket_id>/edit", methods=["POST"])
def edit(ticket_id):
    ticket = Ticket.query.get_or_404(ticket_id)
    if ticket.author_id != g.user.id:
        abort(403)
    ticket.title = request.form["title"]
    ticket.body = request.form["body"]
    db.session.commit()
    return redirect(url_for("tickets.show", ticket_id=ticket.id))


@bp.route("/<int:ticket_id>/close", methods=["POST"])
def close(ticket_id):
    # expect: VC214
    ticket = Ticket.query.filter_by(id=ticket_id).first_or_404()
    ticket.status = "closed"
    db.session.commit()
    return redirect(url_for("tickets.index"))


@bp.route("/<int:ticket_id>/comments", methods=["POST"])
def add_comment(ticket_id):
    ticket = Ticket.query.filter_by(id=ticket_id, author_id=g.user.id).first_or_404()
    db.session.add(Comment(ticket=ticket, author_id=g.user.id, body=request.form["body"]))
    db.session.commit()
    return redirect(url_for("tickets.show", ticket_id=ticket.id))
