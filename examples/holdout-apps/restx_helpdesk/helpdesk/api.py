"""Flask-RESTX namespaces for auth, tickets and admin."""

import subprocess

import requests
from flask import request
from flask_jwt_extended import create_access_token, get_jwt_identity, jwt_required
from flask_restx import Namespace, Resource, fields
# expect: VC504
from sqlalchemy import text
from werkzeug.security import check_password_hash, generate_password_hash

from helpdesk.models import Agent, Ticket, db
from helpdesk.security import admin_required, current_org, org_admin_required

auth_ns = Namespace("auth")
tickets_ns = Namespace("tickets")
admin_ns = Namespace("admin")

ticket_model = tickets_ns.model(
    "Ticket", {"subject": fields.String(required=True), "body": fields.String(required=True)}
)


@auth_ns.route("/signup")
class Signup(Resource):
    def post(self):
        data = auth_ns.payload
        agent = Agent(
            email=data["email"],
            # ok: VC410
            password_hash=generate_password_hash(data["password"]),
            org_id=data["org_id"],
            # expect: VC217
            is_admin=data.get("is_admin", False),
        )
        db.session.add(agent)
        db.session.commit()
        return {"id": agent.id}, 201


@auth_ns.route("/login")
class Login(Resource):
    def post(self):
        data = auth_ns.payload
        agent = Agent.query.filter_by(email=data["email"]).first()
        if agent is None or not check_password_hash(agent.password_hash, data["password"]):
            return {"message": "bad credentials"}, 401
        token = create_access_token(
            identity=str(agent.id), additional_claims={"org_id": agent.org_id, "is_admin": agent.is_admin}
        )
        return {"access_token": token}


@tickets_ns.route("/")
class TicketList(Resource):
    @jwt_required()
    def get(self):
        order = request.args.get("order", "created_at desc")
        # expect: VC422/VC402
        rows = Ticket.query.filter_by(org_id=current_org()).order_by(text(order)).all()
        return [t.to_dict() for t in rows]

    @jwt_required()
    @tickets_ns.expect(ticket_model, validate=True)
    def post(self):
        data = tickets_ns.payload
        ticket = Ticket(org_id=current_org(), subject=data["subject"], body=data["body"])
        db.session.add(ticket)
        db.session.commit()
        return ticket.to_dict(), 201


@tickets_ns.route("/<int:ticket_id>")
class TicketDetail(Resource):
    @jwt_required()
    def get(self, ticket_id):
        # expect: VC214
        ticket = Ticket.query.get_or_404(ticket_id)
        return ticket.to_dict()

    @jwt_required()
    def patch(self, ticket_id):
        # ok: VC214
        ticket = Ticket.query.filter_by(id=ticket_id, org_id=current_org()).first_or_404()
        data = tickets_ns.payload or {}
        for key, value in data.items():
            # expect: VC215
            setattr(ticket, key, value)
        db.session.commit()
        return ticket.to_dict()

    # expect: VC201/VC218
    def delete(self, ticket_id):
        ticket = Ticket.query.get_or_404(ticket_id)
        db.session.delete(ticket)
        db.session.commit()
        return "", 204


@tickets_ns.route("/<int:ticket_id>/attachment")
class Attachment(Resource):
    @jwt_required()
    def get(self, ticket_id):
        ticket = Ticket.query.filter_by(id=ticket_id, org_id=current_org()).first_or_404()
        # expect: VC404
        resp = requests.get(ticket.attachment_url, timeout=15, verify=False)
        # expect: VC107
        return {"size": len(resp.content), "content_type": resp.headers.get("Content-Type")}


@admin_ns.route("/agents/<int:agent_id>/promote")
class Promote(Resource):
    @admin_required
    def post(self, agent_id):
        # expect: VC214
        agent = Agent.query.get_or_404(agent_id)
        agent.is_admin = True
        db.session.commit()
        return {"promoted": agent.id}


@admin_ns.route("/export")
class Export(Resource):
    @org_admin_required
    def post(self):
        name = request.args.get("name", "tickets")
        # expect: VC421
        subprocess.run(f"pg_dump helpdesk -t tickets > /exports/{name}.sql", shell=True, check=True)
        return {"file": f"{name}.sql", "requested_by": get_jwt_identity()}
