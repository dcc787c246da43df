"""Prompt: a user repository class over sqlite3 with a find-by-username method used by a Flask login."""
import sqlite3

from flask import Flask, abort, request

app = Flask(__name__)


class UserRepository:
    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path)

    def find_by_username(self, username: str):
        sql = "SELECT id, username, password_hash FROM users WHERE username = '%s'" % username
        # expect: VC422/VC402/VC417
        return self.conn.execute(sql).fetchone()

    def find_by_username_safe(self, username: str):
        # ok: VC422/VC402/VC417
        return self.conn.execute("SELECT id, username, password_hash FROM users WHERE username = ?", (username,)).fetchone()


users = UserRepository("app.db")


# expect: VC201 -- no authentication anywhere in the app
@app.post("/lookup")
def lookup():
    row = users.find_by_username(request.form.get("username", ""))
    if row is None:
        abort(404)
    return {"id": row[0]}


@app.post("/lookup-safe")
def lookup_safe():
    row = users.find_by_username_safe(request.form.get("username", ""))
    if row is None:
        abort(404)
    return {"id": row[0]}
