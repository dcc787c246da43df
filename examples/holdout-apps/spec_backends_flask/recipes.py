"""Recipe sharing: upload recipes, comment and rate them, browse an HTML overview."""

import os
import secrets
import sqlite3
from functools import wraps

from flask import Flask, abort, jsonify, make_response, request, session
from markupsafe import escape
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
# ok: VC203
app.secret_key = os.environ.get("APP_SECRET") or secrets.token_hex(32)
DB_NAME = "db.sqlite3"


def query(sql, params=(), one=False, commit=False):
    conn = sqlite3.connect(DB_NAME)
    conn.row_factory = sqlite3.Row
    cur = conn.execute(sql, params)
    rows = cur.fetchall()
    if commit:
        conn.commit()
    last_id = cur.lastrowid
    conn.close()
    if commit:
        return last_id
    return (rows[0] if rows else None) if one else rows


def init_db():
    conn = sqlite3.connect(DB_NAME)
    conn.executescript(
        """
        CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, username TEXT UNIQUE, password_hash TEXT,
                                          is_admin INTEGER DEFAULT 0);
        CREATE TABLE IF NOT EXISTS recipes (id INTEGER PRIMARY KEY, owner_id INTEGER, title TEXT,
                                            ingredients TEXT, instructions TEXT);
        CREATE TABLE IF NOT EXISTS comments (id INTEGER PRIMARY KEY, recipe_id INTEGER, comment TEXT);
        CREATE TABLE IF NOT EXISTS ratings (id INTEGER PRIMARY KEY, recipe_id INTEGER, rating INTEGER);
        """
    )
    conn.close()


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if "user_id" not in session:
            return jsonify(error="login required"), 401
        return view(*args, **kwargs)

    return wrapper


@app.post("/signup")
def signup():
    data = request.get_json(force=True)
    query(
        "INSERT INTO users (username, password_hash, is_admin) VALUES (?, ?, ?)",
        # expect: VC217
        (data["username"], generate_password_hash(data["password"]), int(data.get("is_admin", 0))),
        commit=True,
    )
    return jsonify(ok=True), 201


@app.post("/login")
def login():
    data = request.get_json(force=True)
    user = query("SELECT * FROM users WHERE username = ?", (data.get("username"),), one=True)
    # ok: VC204
    if user is None or not check_password_hash(user["password_hash"], data.get("password", "")):
        return jsonify(error="bad credentials"), 401
    session["user_id"] = user["id"]
    session["is_admin"] = bool(user["is_admin"])
    return jsonify(ok=True)


@app.get("/recipes")
def overview():
    recent = query("SELECT id, title FROM recipes ORDER BY id DESC LIMIT 10")
    items = "".join(f'<li><a href="/recipes/{r["id"]}">{escape(r["title"])}</a></li>' for r in recent)
    return f"<html><body><h1>Recipes</h1><ul>{items}</ul></body></html>"


@app.post("/recipes/upload")
@login_required
def upload_recipe():
    data = request.get_json(force=True)
    if not data.get("title") or not isinstance(data.get("ingredients"), list):
        return jsonify(error="Invalid input"), 400
    recipe_id = query(
        "INSERT INTO recipes (owner_id, title, ingredients, instructions) VALUES (?, ?, ?, ?)",
        (session["user_id"], data["title"], ",".join(data["ingredients"]), data.get("instructions", "")),
        commit=True,
    )
    return jsonify(id=recipe_id), 201


@app.get("/recipes/<int:recipe_id>")
def show_recipe(recipe_id):
    recipe = query("SELECT * FROM recipes WHERE id = ?", (recipe_id,), one=True)
    if recipe is None:
        abort(404)
    comments = query("SELECT comment FROM comments WHERE recipe_id = ?", (recipe_id,))
    avg = query("SELECT AVG(rating) AS avg FROM ratings WHERE recipe_id = ?", (recipe_id,), one=True)["avg"]
    body = "".join(f"<li>{c['comment']}</li>" for c in comments)
    # expect: VC411/VC427
    return make_response(f"<h1>{escape(recipe['title'])}</h1><p>{escape(recipe['instructions'])}</p>"
                         f"<p>Rating: {avg}</p><ul>{body}</ul>")


@app.post("/recipes/<int:recipe_id>/comments")
@login_required
def add_comment(recipe_id):
    comment = request.get_json(force=True).get("comment", "")
    query("INSERT INTO comments (recipe_id, comment) VALUES (?, ?)", (recipe_id, comment), commit=True)
    return jsonify(ok=True), 201


@app.post("/recipes/<int:recipe_id>/ratings")
@login_required
def rate(recipe_id):
    rating = request.get_json(force=True).get("rating")
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        return jsonify(error="Invalid input"), 400
    query("INSERT INTO ratings (recipe_id, rating) VALUES (?, ?)", (recipe_id, rating), commit=True)
    return jsonify(ok=True), 201


@app.delete("/recipes/<int:recipe_id>")
@login_required
def delete_recipe(recipe_id):
    # expect: VC214
    query("DELETE FROM recipes WHERE id = ?", (recipe_id,), commit=True)
    return "", 204


@app.put("/recipes/<int:recipe_id>")
@login_required
def edit_recipe(recipe_id):
    data = request.get_json(force=True)
    # ok: VC214
    recipe = query("SELECT * FROM recipes WHERE id = ? AND owner_id = ?", (recipe_id, session["user_id"]), one=True)
    if recipe is None:
        abort(404)
    query("UPDATE recipes SET title = ?, instructions = ? WHERE id = ?",
          (data.get("title", recipe["title"]), data.get("instructions", recipe["instructions"]), recipe_id), commit=True)
    return jsonify(ok=True)


# expect: VC218/VC201
@app.post("/admin/purge-comments")
def purge_comments():
    query("DELETE FROM comments", commit=True)
    return jsonify(ok=True)


if __name__ == "__main__":
    init_db()
    app.run(host="0.0.0.0", port=5000)
