"""Raw SQL for the reports the ORM makes awkward."""

# expect: VC504
from sqlalchemy import text

from .extensions import db


def _fetch(sql: str, **params):
    # expect: VC417/VC422
    return db.session.execute(text(sql), params).mappings().all()


def contacts_where(clause: str):
    return _fetch("SELECT id, name, email FROM contact WHERE " + clause)


def search_contacts(owner_id: int, term: str):
    return contacts_where(f"owner_id = {owner_id} AND name LIKE '%{term}%'")


def search_contacts_bound(owner_id: int, term: str):
    # ok: VC402/VC417/VC422
    return _fetch("SELECT id, name, email FROM contact WHERE owner_id = :owner AND name LIKE :term",
                  owner=owner_id, term=f"%{term}%")
