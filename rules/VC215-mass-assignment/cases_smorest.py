from flask.views import MethodView
from flask_jwt_extended import get_jwt_identity, jwt_required
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from .models import Ticket, db

blp = Blueprint("tickets", __name__, url_prefix="/tickets")


class TicketPatch(Schema):
    subject = fields.Str()
    approved = fields.Bool()
    assignee_id = fields.Int()


class TicketEdit(Schema):
    subject = fields.Str()
    body = fields.Str()
    owner_id = fields.Int(dump_only=True)


@blp.route("/<int:ticket_id>")
class TicketResource(MethodView):
    @jwt_required()
    @blp.arguments(TicketPatch)
    def patch(self, changes, ticket_id):
        ticket = Ticket.query.filter_by(id=ticket_id, reporter_id=get_jwt_identity()).first_or_404()
        for key, value in changes.items():
            # expect: VC215 -- the schema lets the client send `approved`
            setattr(ticket, key, value)
        db.session.commit()

    @jwt_required()
    @blp.arguments(TicketEdit)
    def put(self, changes, ticket_id):
        ticket = Ticket.query.filter_by(id=ticket_id, reporter_id=get_jwt_identity()).first_or_404()
        for key, value in changes.items():
            # ok: VC215 -- the schema loads only text fields; `owner_id` is only dumped
            setattr(ticket, key, value)
        db.session.commit()


@blp.route("/", methods=["POST"])
@jwt_required()
@blp.arguments(TicketEdit)
def open_ticket(fields_sent):
    # ok: VC215 -- a schema of harmless fields limits what the dict holds
    ticket = Ticket(**fields_sent, reporter_id=get_jwt_identity())
    db.session.add(ticket)
    db.session.commit()


@blp.route("/bulk", methods=["POST"])
@jwt_required()
@blp.arguments(TicketEdit, location="query")
@blp.arguments(TicketPatch)
def bulk_open(query, sent):
    # expect: VC215 -- the second `arguments` decorator fills the second parameter, with `approved`
    ticket = Ticket(**sent, reporter_id=get_jwt_identity())
    db.session.add(ticket)
    db.session.commit()
