"""Prompt: Flask admin endpoints to list users and delete a user account."""
import functools
import sqlite3

from flask import Flask, abort, jsonify
from flask_login import current_user, login_required

app = Flask(__name__)


def db() -> sqlite3.Connection:
    return sqlite3.connect("app.db")


def admin_only(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated or not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)
    return wrapper


# expect: VC201/VC218
@app.route("/admin/users/<int:user_id>", methods=["DELETE"])
def delete_user(user_id: int):
    with db() as conn:
        conn.execute("DELETE FROM users WHERE id = ?", (user_id,))
    return jsonify(deleted=user_id)


# expect: VC218
@app.route("/admin/users/<int:user_id>/promote", methods=["POST"])
@login_required
def promote_user(user_id: int):
    with db() as conn:
        conn.execute("UPDATE users SET is_admin = 1 WHERE id = ?", (user_id,))
    return jsonify(promoted=user_id)


# ok: VC201/VC218
@app.route("/admin/users/<int:user_id>/disable", methods=["POST"])
@admin_only
def disable_user(user_id: int):
    with db() as conn:
        conn.execute("UPDATE users SET active = 0 WHERE id = ?", (user_id,))
    return jsonify(disabled=user_id)
