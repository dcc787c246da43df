"""REST API used by the sales team's browser extension and the nightly import job."""

import yaml
from flask import request
from flask_appbuilder.api import BaseApi, ModelRestApi, expose, protect, safe
from flask_appbuilder.models.sqla.interface import SQLAInterface
# expect: VC504 -- forgotten: flask-login comes with flask-appbuilder, not declared
from flask_login import current_user
from sqlalchemy import text

from app import appbuilder, db
from app.models import Contact, Deal


class ContactApi(ModelRestApi):
    resource_name = "contact"
    datamodel = SQLAInterface(Contact)
    list_columns = ["id", "name", "email", "company.name"]


class CrmApi(BaseApi):
    resource_name = "crm"

    @expose("/search")
    @protect()
    @safe
    def search(self):
        term = request.args.get("q", "")
        # expect: VC422
        rows = db.session.execute(text(f"SELECT id, name, email FROM contact WHERE name ILIKE '%{term}%' LIMIT 50"))
        return self.response(200, result=[dict(r._mapping) for r in rows])

    @expose("/search-safe")
    @protect()
    def search_safe(self):
        term = request.args.get("q", "")
        # ok: VC422/VC402
        rows = db.session.execute(
            text("SELECT id, name, email FROM contact WHERE name ILIKE :term LIMIT 50"), {"term": f"%{term}%"}
        )
        return self.response(200, result=[dict(r._mapping) for r in rows])

    @expose("/contacts/<int:pk>/notes", methods=["GET"])
    @protect()
    def contact_notes(self, pk):
        # expect: VC214
        contact = db.session.get(Contact, pk)
        if contact is None:
            return self.response_404()
        return self.response(200, notes=contact.notes)

    @expose("/deals/<int:pk>", methods=["PUT"])
    @protect()
    def update_deal(self, pk):
        # ok: VC214
        deal = db.session.query(Deal).filter_by(id=pk, created_by_fk=current_user.id).one_or_none()
        if deal is None:
            return self.response_404()
        for key, value in request.json.items():
            # expect: VC215
            setattr(deal, key, value)
        db.session.commit()
        return self.response(200, id=deal.id)

    # expect: VC218
    @expose("/deals/<int:pk>/approve-discount", methods=["POST"])
    @protect()
    def approve_discount(self, pk):
        # expect: VC214 -- forgotten: any signed-in user approves a discount on any deal by its id
        deal = db.session.get(Deal, pk)
        if deal is None:
            return self.response_404()
        deal.discount_pct = int(request.json.get("discount_pct", 0))
        deal.stage = "approved"
        db.session.commit()
        return self.response(200, stage=deal.stage)

    # expect: VC218
    @expose("/users/<int:pk>/role", methods=["POST"])
    @protect()
    def set_role(self, pk):
        sm = self.appbuilder.sm
        user = sm.get_user_by_id(pk)
        role = sm.find_role(request.json["role"])
        if user is None or role is None:
            return self.response_400(message="unknown user or role")
        user.roles = [role]
        sm.update_user(user)
        return self.response(200, roles=[r.name for r in user.roles])

    # expect: VC201
    @expose("/import", methods=["POST"])
    def import_contacts(self):
        """Nightly job posts the export of the old CRM as YAML."""
        # expect: VC406
        records = yaml.load(request.data, Loader=yaml.Loader)
        for record in records:
            db.session.add(Contact(name=record["name"], email=record.get("email"), phone=record.get("phone")))
        db.session.commit()
        return self.response(201, imported=len(records))


appbuilder.add_api(ContactApi)
appbuilder.add_api(CrmApi)
