"""Shared to-do lists (Flask + sqlite3): users sign up and log in (session cookie), keep to-do lists with items, and
share a list with another user as viewer or editor; viewers read the list, editors also add and tick items; only the
owner shares, renames or deletes a list."""

import os
import sqlite3
from functools import wraps

from flask import Flask, abort, g, jsonify, request, session
# expect: VC504
from flask_cors import CORS
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config.update(
    # expect: VC203
    SECRET_KEY="todo-app-secret",
    # expect: VC210
    SESSION_COOKIE_HTTPONLY=False,
    DATABASE=os.environ.get("TODO_DB", "todos.db"),
)
# expect: VC209
CORS(app, resources={r"/*": {"origins": "*"}}, supports_credentials=True)

ROLES = ("viewer", "editor")


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def init_db() -> None:
    with sqlite3.connect(app.config["DATABASE"]) as conn:
        conn.executescript(
            """
            CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, username TEXT UNIQUE, password_hash TEXT);
            CREATE TABLE IF NOT EXISTS lists (id INTEGER PRIMARY KEY, owner_id INTEGER, title TEXT);
            CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, list_id INTEGER, text TEXT, done INTEGER DEFAULT 0);
            CREATE TABLE IF NOT EXISTS shares (list_id INTEGER, user_id INTEGER, role TEXT, PRIMARY KEY (list_id, user_id));
            """
        )


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if session.get("uid") is None:
            return jsonify(error="login required"), 401
        return view(*args, **kwargs)

    return wrapper


def list_role(list_id: int, user_id: int) -> str | None:
    """The caller's role on a list: owner, editor, viewer or None."""
    row = db().execute("SELECT owner_id FROM lists WHERE id = ?", (list_id,)).fetchone()
    if row is None:
        return None
    if row["owner_id"] == user_id:
        return "owner"
    share = db().execute("SELECT role FROM shares WHERE list_id = ? AND user_id = ?", (list_id, user_id)).fetchone()
    return share["role"] if share else None


@app.post("/signup")
def signup():
    data = request.get_json() or {}
    try:
        db().execute(
            "INSERT INTO users (username, password_hash) VALUES (?, ?)",
            (data["username"], generate_password_hash(data["password"])),
        )
        db().commit()
    except sqlite3.IntegrityError:
        return jsonify(error="username taken"), 409
    except KeyError:
        return jsonify(error="username and password required"), 400
    return jsonify(status="ok"), 201


@app.post("/login")
def login():
    data = request.get_json() or {}
    user = db().execute("SELECT * FROM users WHERE username = ?", (data.get("username"),)).fetchone()
    if user is None or not check_password_hash(user["password_hash"], data.get("password", "")):
        return jsonify(error="invalid credentials"), 401
    session["uid"] = user["id"]
    return jsonify(status="ok")


@app.post("/lists")
@login_required
def create_list():
    title = (request.get_json() or {}).get("title", "Untitled")
    cur = db().execute("INSERT INTO lists (owner_id, title) VALUES (?, ?)", (session["uid"], title))
    db().commit()
    return jsonify(id=cur.lastrowid), 201


@app.get("/users/<int:user_id>/lists")
@login_required
def lists_of_user(user_id: int):
    # expect: VC214/VC207
    rows = db().execute("SELECT id, title FROM lists WHERE owner_id = ?", (user_id,)).fetchall()
    return jsonify([dict(r) for r in rows])


@app.get("/me/lists")
@login_required
def my_lists():
    rows = db().execute(
        # ok: VC214
        "SELECT id, title FROM lists WHERE owner_id = ? UNION SELECT l.id, l.title FROM lists l "
        "JOIN shares s ON s.list_id = l.id WHERE s.user_id = ?",
        (session["uid"], session["uid"]),
    ).fetchall()
    return jsonify([dict(r) for r in rows])


@app.get("/lists/<int:list_id>")
@login_required
def get_list(list_id: int):
    # expect: VC214
    todo_list = db().execute("SELECT * FROM lists WHERE id = ?", (list_id,)).fetchone()
    if todo_list is None:
        abort(404)
    items = db().execute("SELECT id, text, done FROM items WHERE list_id = ?", (list_id,)).fetchall()
    return jsonify(id=todo_list["id"], title=todo_list["title"], items=[dict(i) for i in items])


@app.get("/v2/lists/<int:list_id>")
@login_required
def get_list_v2(list_id: int):
    if list_role(list_id, session["uid"]) is None:
        abort(404)
    # ok: VC214
    todo_list = db().execute("SELECT * FROM lists WHERE id = ?", (list_id,)).fetchone()
    items = db().execute("SELECT id, text, done FROM items WHERE list_id = ?", (list_id,)).fetchall()
    return jsonify(id=todo_list["id"], title=todo_list["title"], items=[dict(i) for i in items])


@app.post("/lists/<int:list_id>/items")
@login_required
def add_item(list_id: int):
    if list_role(list_id, session["uid"]) not in ("owner", "editor"):
        abort(403)
    text = (request.get_json() or {}).get("text", "")
    cur = db().execute("INSERT INTO items (list_id, text) VALUES (?, ?)", (list_id, text))
    db().commit()
    return jsonify(id=cur.lastrowid), 201


@app.patch("/items/<int:item_id>")
@login_required
def tick_item(item_id: int):
    done = 1 if (request.get_json() or {}).get("done") else 0
    # expect: VC214
    db().execute("UPDATE items SET done = ? WHERE id = ?", (done, item_id))
    db().commit()
    return jsonify(status="ok")


@app.patch("/v2/items/<int:item_id>")
@login_required
def tick_item_v2(item_id: int):
    item = db().execute("SELECT list_id FROM items WHERE id = ?", (item_id,)).fetchone()
    if item is None or list_role(item["list_id"], session["uid"]) not in ("owner", "editor"):
        abort(404)
    done = 1 if (request.get_json() or {}).get("done") else 0
    # ok: VC214
    db().execute("UPDATE items SET done = ? WHERE id = ?", (done, item_id))
    db().commit()
    return jsonify(status="ok")


@app.post("/lists/<int:list_id>/share")
@login_required
def share_list(list_id: int):
    data = request.get_json() or {}
    role = data.get("role", "viewer")
    if role not in ROLES:
        return jsonify(error="role must be viewer or editor"), 400
    # expect: VC214
    if list_role(list_id, session["uid"]) is None:
        abort(404)
    friend = db().execute("SELECT id FROM users WHERE username = ?", (data.get("username"),)).fetchone()
    if friend is None:
        return jsonify(error="no such user"), 404
    db().execute("INSERT OR REPLACE INTO shares VALUES (?, ?, ?)", (list_id, friend["id"], role))
    db().commit()
    return jsonify(status="shared")


@app.delete("/lists/<int:list_id>")
@login_required
def delete_list(list_id: int):
    try:
        # ok: VC214
        cur = db().execute("DELETE FROM lists WHERE id = ? AND owner_id = ?", (list_id, session["uid"]))
        if cur.rowcount == 0:
            abort(404)
        db().execute("DELETE FROM items WHERE list_id = ?", (list_id,))
        db().execute("DELETE FROM shares WHERE list_id = ?", (list_id,))
        db().commit()
    except sqlite3.Error as e:
        # expect: VC414
        return jsonify(error=str(e)), 500
    return "", 204


@app.put("/lists/<int:list_id>")
@login_required
def rename_list(list_id: int):
    title = (request.get_json() or {}).get("title", "")
    owner_id = request.args.get("owner_id", type=int)
    # expect: VC207/VC214
    cur = db().execute("UPDATE lists SET title = ? WHERE id = ? AND owner_id = ?", (title, list_id, owner_id))
    db().commit()
    return (jsonify(status="renamed"), 200) if cur.rowcount else (jsonify(error="not found"), 404)


if __name__ == "__main__":
    init_db()
    app.run(host="127.0.0.1", port=5000)
