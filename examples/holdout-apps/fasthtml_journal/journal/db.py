"""fastlite tables for users, journal entries and shared links."""

from __future__ import annotations

# expect: VC503/VC504 -- fastlite comes with python-fasthtml but is not declared
from fastlite import database

db = database("data/journal.db")


class User:
    id: int
    email: str
    pw_hash: str
    role: str = "member"


class Entry:
    id: int
    user_id: int
    title: str
    body: str
    mood: str = "neutral"


class Share:
    id: int
    entry_id: int
    token: str


users = db.create(User, pk="id")
entries = db.create(Entry, pk="id")
shares = db.create(Share, pk="id")


def search_entries(user_id: int, term: str, sort: str):
    # expect: VC402/VC422
    return db.q(f"select * from entry where user_id = {user_id} and body like '%{term}%' order by {sort}")


def entries_for(user_id: int, mood: str | None = None):
    # ok: VC402/VC422
    where, args = "user_id = ?", [user_id]
    if mood:
        where += " and mood = ?"
        args.append(mood)
    return entries(where=where, where_args=args, order_by="id desc")


SORTS = {"new": "id desc", "old": "id asc", "title": "title"}


def sorted_entries(user_id: int, sort_key: str):
    order = SORTS.get(sort_key, "id desc")
    # ok: VC402/VC422
    return entries(where="user_id = ?", where_args=[user_id], order_by=order)
