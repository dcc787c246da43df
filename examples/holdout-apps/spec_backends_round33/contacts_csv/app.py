"""Contacts with CSV import/export (Bottle + peewee): users hold an address book behind a bearer token; they add,
edit, search and delete contacts, import a CSV upload (name,email,phone,company) and export their book as CSV."""

import csv
import io
import os
import secrets
from functools import wraps

from bottle import Bottle, HTTPError, request, response, run
from peewee import SQL, CharField, ForeignKeyField, Model, SqliteDatabase
from werkzeug.security import check_password_hash, generate_password_hash

db = SqliteDatabase(os.environ.get("CONTACTS_DB", "contacts.db"))
IMPORT_DIR = os.environ.get("IMPORT_DIR", "imports")
EDITABLE_FIELDS = ("name", "email", "phone", "company")
SORTABLE = {"name": "name", "company": "company", "email": "email"}
app = Bottle()


class BaseModel(Model):
    class Meta:
        database = db


class User(BaseModel):
    username = CharField(unique=True)
    password_hash = CharField()
    token = CharField(unique=True, null=True)


class Contact(BaseModel):
    owner = ForeignKeyField(User, backref="contacts")
    name = CharField()
    email = CharField(null=True)
    phone = CharField(null=True)
    company = CharField(null=True)


def contact_dict(contact: Contact) -> dict:
    return {field: getattr(contact, field) for field in ("id",) + EDITABLE_FIELDS}


def authenticated(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        header = request.get_header("Authorization", "")
        token = header.removeprefix("Bearer ").strip()
        user = User.get_or_none(User.token == token) if token else None
        if user is None:
            raise HTTPError(401, "login required")
        return view(user, *args, **kwargs)

    return wrapper


@app.post("/register")
def register():
    data = request.json or {}
    if not data.get("username") or len(data.get("password", "")) < 8:
        raise HTTPError(400, "username and password required")
    User.create(username=data["username"], password_hash=generate_password_hash(data["password"]))
    response.status = 201
    return {"status": "registered"}


@app.post("/login")
def login():
    data = request.json or {}
    user = User.get_or_none(User.username == data.get("username"))
    if user is None or not check_password_hash(user.password_hash, data.get("password", "")):
        raise HTTPError(401, "invalid credentials")
    user.token = secrets.token_urlsafe(32)
    user.save()
    return {"token": user.token}


@app.get("/contacts")
@authenticated
def list_contacts(user):
    q = request.query.get("q", "")
    sort = request.query.get("sort", "name")
    # expect: VC402/VC422
    rows = Contact.raw(f"SELECT * FROM contact WHERE owner_id = {user.id} AND name LIKE '%{q}%' ORDER BY {sort}")
    return {"contacts": [contact_dict(c) for c in rows]}


@app.get("/v2/contacts")
@authenticated
def list_contacts_v2(user):
    q = request.query.get("q", "")
    sort = SORTABLE.get(request.query.get("sort", "name"), "name")
    # ok: VC402/VC422
    query = Contact.select().where((Contact.owner == user) & (Contact.name.contains(q))).order_by(SQL(sort))
    return {"contacts": [contact_dict(c) for c in query]}


@app.get("/v3/contacts")
@authenticated
def list_contacts_v3(user):
    q = request.query.get("q", "")
    # ok: VC402/VC422
    rows = Contact.raw("SELECT * FROM contact WHERE owner_id = ? AND name LIKE ? ORDER BY name", user.id, f"%{q}%")
    return {"contacts": [contact_dict(c) for c in rows]}


@app.post("/contacts")
@authenticated
def add_contact(user):
    data = request.json or {}
    contact = Contact.create(owner=user, **{k: data.get(k) for k in EDITABLE_FIELDS})
    response.status = 201
    return contact_dict(contact)


@app.get("/contacts/<contact_id:int>")
@authenticated
def get_contact(user, contact_id):
    # expect: VC214
    contact = Contact.get_or_none(Contact.id == contact_id)
    if contact is None:
        raise HTTPError(404, "not found")
    return contact_dict(contact)


@app.put("/contacts/<contact_id:int>")
@authenticated
def update_contact(user, contact_id):
    data = request.json or {}
    # expect: VC215
    updated = Contact.update(**data).where((Contact.id == contact_id) & (Contact.owner == user)).execute()
    if not updated:
        raise HTTPError(404, "not found")
    return {"status": "updated"}


@app.put("/v2/contacts/<contact_id:int>")
@authenticated
def update_contact_v2(user, contact_id):
    data = request.json or {}
    changes = {getattr(Contact, k): data[k] for k in EDITABLE_FIELDS if k in data}
    # ok: VC215/VC214
    updated = Contact.update(changes).where((Contact.id == contact_id) & (Contact.owner == user)).execute()
    if not updated:
        raise HTTPError(404, "not found")
    return {"status": "updated"}


@app.delete("/contacts/<contact_id:int>")
@authenticated
def delete_contact(user, contact_id):
    # expect: VC214
    Contact.delete_by_id(contact_id)
    response.status = 204


@app.delete("/v2/contacts/<contact_id:int>")
@authenticated
def delete_contact_v2(user, contact_id):
    # ok: VC214
    Contact.delete().where((Contact.id == contact_id) & (Contact.owner == user)).execute()
    response.status = 204


@app.post("/contacts/import")
@authenticated
def import_contacts(user):
    upload = request.files.get("file")
    if upload is None:
        raise HTTPError(400, "file missing")
    os.makedirs(IMPORT_DIR, exist_ok=True)
    saved = os.path.join(IMPORT_DIR, upload.raw_filename)
    # expect: VC405/VC409
    upload.save(saved, overwrite=True)
    # expect: VC405
    with open(saved, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with db.atomic():
        for row in rows:
            Contact.create(owner=user, **{k: row.get(k) for k in EDITABLE_FIELDS})
    return {"imported": len(rows)}


@app.post("/v2/contacts/import")
@authenticated
def import_contacts_v2(user):
    upload = request.files.get("file")
    if upload is None:
        raise HTTPError(400, "file missing")
    text = io.TextIOWrapper(upload.file, encoding="utf-8", newline="")
    rows = [{k: row.get(k) for k in EDITABLE_FIELDS} for row in csv.DictReader(text)]
    with db.atomic():
        for row in rows:
            Contact.create(owner=user, **row)
    # ok: VC405
    upload.save(IMPORT_DIR, overwrite=True)
    return {"imported": len(rows)}


@app.get("/contacts/export")
@authenticated
def export_contacts(user):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EDITABLE_FIELDS)
    for contact in Contact.select().where(Contact.owner == user):
        writer.writerow([getattr(contact, field) for field in EDITABLE_FIELDS])
    response.content_type = "text/csv"
    response.set_header("Content-Disposition", "attachment; filename=contacts.csv")
    return buffer.getvalue()


# expect: VC201/VC219
@app.get("/export/all")
def export_everything():
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for contact in Contact.select():
        writer.writerow([contact.owner_id] + [getattr(contact, field) for field in EDITABLE_FIELDS])
    response.content_type = "text/csv"
    return buffer.getvalue()


if __name__ == "__main__":
    db.connect()
    db.create_tables([User, Contact])
    # expect: VC211
    run(app, host="127.0.0.1", port=8080, debug=True, reloader=True)
