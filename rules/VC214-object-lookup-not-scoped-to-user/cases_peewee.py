"""VC214 corpus: peewee's reads and writes by primary key in a Bottle app whose handlers take the signed-in user."""
from functools import wraps

from bottle import Bottle, HTTPError, request, response
from peewee import CharField, ForeignKeyField, Model, SqliteDatabase

db = SqliteDatabase("contacts.db")
app = Bottle()


class User(Model):
    token = CharField(unique=True)

    class Meta:
        database = db


class Contact(Model):
    owner = ForeignKeyField(User, backref="contacts")
    name = CharField()

    class Meta:
        database = db


def authenticated(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        user = User.get_or_none(User.token == request.get_header("Authorization", ""))
        if user is None:
            raise HTTPError(401, "login required")
        return view(user, *args, **kwargs)

    return wrapper


@app.delete("/contacts/<contact_id:int>")
@authenticated
def delete_contact(user, contact_id):
    # expect: VC214
    Contact.delete_by_id(contact_id)
    response.status = 204


@app.put("/contacts/<contact_id:int>/name")
@authenticated
def rename_contact(user, contact_id):
    # expect: VC214
    Contact.set_by_id(contact_id, {"name": request.json["name"]})
    return {"status": "renamed"}


@app.get("/contacts/<contact_id:int>")
@authenticated
def get_contact(user, contact_id):
    # expect: VC214
    contact = Contact.get_by_id(contact_id)
    return {"name": contact.name}


@app.delete("/v2/contacts/<contact_id:int>")
@authenticated
def delete_own_contact(user, contact_id):
    # ok: VC214
    Contact.delete().where((Contact.id == contact_id) & (Contact.owner == user)).execute()
    response.status = 204


@app.get("/v2/contacts/<contact_id:int>")
@authenticated
def get_own_contact(user, contact_id):
    # ok: VC214
    contact = Contact.get_or_none((Contact.id == contact_id) & (Contact.owner == user))
    if contact is None:
        raise HTTPError(404, "not found")
    return {"name": contact.name}



@app.put("/v3/contacts/<contact_id:int>/name")
@authenticated
def retitle_contact(user, contact_id):
    # expect: VC214 -- a write narrowed to the client's id alone
    Contact.update(name=request.json["name"]).where(Contact.id == contact_id).execute()
    return {"status": "renamed"}


@app.delete("/v3/contacts/<contact_id:int>")
@authenticated
def trash_contact(user, contact_id):
    # expect: VC214
    Contact.delete().where(Contact.id == contact_id).execute()
    response.status = 204


@app.put("/v3/contacts/<contact_id:int>/pin")
@authenticated
def pin_contact(user, contact_id):
    # ok: VC214 -- the write is narrowed to the caller's contacts too
    Contact.update(pinned=True).where((Contact.id == contact_id) & (Contact.owner == user)).execute()
    return {"status": "pinned"}
