import pickle

import yaml
from flask import Blueprint, abort, g, jsonify, request
from flask.views import MethodView

from . import repo
from .auth import login_required as requires_login
from .auth import signed_in, staff_only
from .extensions import db
from .models import Contact

bp = Blueprint("contacts", __name__, url_prefix="/contacts")


@bp.get("/")
@signed_in
def list_contacts():
    rows = db.session.execute(db.select(Contact).filter_by(owner_id=g.user.id)).scalars()
    return jsonify([{"id": c.id, "name": c.name} for c in rows])


@bp.get("/search")
@signed_in
def search():
    term = request.args.get("q", "")
    return jsonify([dict(row) for row in repo.search_contacts(g.user.id, term)])


@bp.get("/search-safe")
@signed_in
def search_safe():
    term = request.args.get("q", "")
    # ok: VC417/VC422
    return jsonify([dict(row) for row in repo.search_contacts_bound(g.user.id, term)])


@bp.get("/<int:contact_id>")
@signed_in
def show_contact(contact_id: int):
    # expect: VC214
    contact = db.session.get(Contact, contact_id)
    if contact is None:
        abort(404)
    return jsonify(id=contact.id, name=contact.name, email=contact.email, notes=contact.notes)


@bp.delete("/<int:contact_id>")
@signed_in
def delete_contact(contact_id: int):
    # ok: VC214
    contact = db.first_or_404(db.select(Contact).filter_by(id=contact_id, owner_id=g.user.id))
    db.session.delete(contact)
    db.session.commit()
    return "", 204


# expect: VC201
@bp.post("/<int:contact_id>/notes")
def append_note(contact_id: int):
    contact = db.get_or_404(Contact, contact_id)
    contact.notes += "\n" + request.form["note"]
    db.session.commit()
    return jsonify(ok=True)


@bp.post("/import")
@staff_only
def import_contacts():
    # expect: VC406
    records = yaml.load(request.get_data(), Loader=yaml.FullLoader)
    for record in records:
        db.session.add(Contact(owner_id=g.user.id, name=record["name"], email=record.get("email")))
    db.session.commit()
    return jsonify(imported=len(records))


@bp.post("/import-safe")
@staff_only
def import_contacts_safe():
    # ok: VC406
    records = yaml.safe_load(request.get_data())
    for record in records:
        db.session.add(Contact(owner_id=g.user.id, name=record["name"], email=record.get("email")))
    db.session.commit()
    return jsonify(imported=len(records))


# expect: VC201/VC219
@bp.get("/recent")
@requires_login
def recent():
    # expect: VC406
    recent_ids = pickle.loads(bytes.fromhex(request.cookies.get("recent", "")))
    return jsonify(recent_ids)


class ContactAPI(MethodView):
    decorators = [signed_in]

    def patch(self, contact_id: int):
        contact = db.first_or_404(db.select(Contact).filter_by(id=contact_id, owner_id=g.user.id))
        for key, value in request.get_json().items():
            # expect: VC215
            setattr(contact, key, value)
        db.session.commit()
        return jsonify(id=contact.id)


bp.add_url_rule("/api/<int:contact_id>", view_func=ContactAPI.as_view("contact_api"))
