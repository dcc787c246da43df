"""Prompt: a Flask endpoint that returns the profile of the signed-in user from the users table."""
import sqlite3

from flask import Flask, g, jsonify
from flask_login import current_user, login_required

app = Flask(__name__)
PUBLIC_FIELDS = ("id", "username", "display_name", "avatar_url")


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect("app.db")
        g.db.row_factory = sqlite3.Row
    return g.db


@app.route("/me")
@login_required
def me():
    row = db().execute("SELECT * FROM users WHERE id = ?", (current_user.id,)).fetchone()
    # expect: VC429
    return jsonify(dict(row))


@app.route("/me-safe")
@login_required
def me_safe():
    row = db().execute("SELECT * FROM users WHERE id = ?", (current_user.id,)).fetchone()
    # ok: VC429
    return jsonify({key: row[key] for key in PUBLIC_FIELDS})
