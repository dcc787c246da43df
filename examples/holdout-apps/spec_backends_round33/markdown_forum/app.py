"""Forum (Flask): members register and log in (session cookie), open threads and reply with posts written in
Markdown; GET /threads/<id> renders the thread as HTML with each post's Markdown turned into HTML; authors may edit
or delete their own posts, moderators any post; GET /search?q=... finds posts by text."""

import hashlib
import os
import sqlite3
from functools import wraps

import bleach
import markdown
from flask import Flask, abort, g, jsonify, render_template_string, request, session
from markupsafe import Markup, escape
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
# expect: VC203
app.secret_key = os.environ.get("APP_SECRET", "forum-dev-secret")
DATABASE = os.environ.get("FORUM_DB", "forum.db")

ALLOWED_TAGS = ["p", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "a", "h3", "h4"]
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}

THREAD_PAGE = """<!doctype html>
<title>{{ thread.title }}</title>
<h1>{{ thread.title }}</h1>
{% for post in posts %}<article><header>{{ post.author }}</header>{{ post.html }}</article>{% endfor %}
"""


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_db() -> None:
    with sqlite3.connect(DATABASE) as db:
        db.executescript(
            """
            CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, username TEXT UNIQUE NOT NULL,
                password_hash TEXT NOT NULL, is_moderator INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE IF NOT EXISTS threads (id INTEGER PRIMARY KEY, title TEXT NOT NULL, author_id INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY, thread_id INTEGER NOT NULL,
                author_id INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT DEFAULT CURRENT_TIMESTAMP);
            """
        )


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if "user_id" not in session:
            return jsonify({"error": "login required"}), 401
        return view(*args, **kwargs)

    return wrapped


def current_user() -> sqlite3.Row:
    return get_db().execute("SELECT * FROM users WHERE id = ?", (session["user_id"],)).fetchone()


@app.post("/register")
def register():
    data = request.get_json(force=True)
    username, password = data.get("username", "").strip(), data.get("password", "")
    if not username or len(password) < 8:
        return jsonify({"error": "username and a password of 8+ characters required"}), 400
    # expect: VC217/VC215/VC207
    is_moderator = 1 if data.get("is_moderator") else 0
    # expect: VC205
    password_hash = hashlib.sha256(password.encode()).hexdigest()
    try:
        get_db().execute(
            "INSERT INTO users (username, password_hash, is_moderator) VALUES (?, ?, ?)",
            (username, password_hash, is_moderator),
        )
        get_db().commit()
    except sqlite3.IntegrityError:
        return jsonify({"error": "username taken"}), 409
    return jsonify({"status": "registered"}), 201


@app.post("/v2/register")
def register_v2():
    data = request.get_json(force=True)
    username, password = data.get("username", "").strip(), data.get("password", "")
    if not username or len(password) < 8:
        return jsonify({"error": "username and a password of 8+ characters required"}), 400
    try:
        get_db().execute(
            "INSERT INTO users (username, password_hash) VALUES (?, ?)",
            # ok: VC205
            (username, generate_password_hash(password)),
        )
        get_db().commit()
    except sqlite3.IntegrityError:
        return jsonify({"error": "username taken"}), 409
    return jsonify({"status": "registered"}), 201


@app.post("/login")
def login():
    data = request.get_json(force=True)
    user = get_db().execute("SELECT * FROM users WHERE username = ?", (data.get("username", ""),)).fetchone()
    if user is None or not check_password_hash(user["password_hash"], data.get("password", "")):
        return jsonify({"error": "invalid credentials"}), 401
    session.clear()
    session["user_id"] = user["id"]
    return jsonify({"status": "ok"})


@app.post("/threads")
@login_required
def create_thread():
    data = request.get_json(force=True)
    db = get_db()
    cur = db.execute("INSERT INTO threads (title, author_id) VALUES (?, ?)", (data["title"], session["user_id"]))
    db.execute(
        "INSERT INTO posts (thread_id, author_id, body) VALUES (?, ?, ?)", (cur.lastrowid, session["user_id"], data["body"])
    )
    db.commit()
    return jsonify({"id": cur.lastrowid}), 201


@app.post("/threads/<int:thread_id>/posts")
@login_required
def reply(thread_id: int):
    body = request.get_json(force=True).get("body", "")
    db = get_db()
    # ok: VC214 -- every member may reply to any thread
    if db.execute("SELECT 1 FROM threads WHERE id = ?", (thread_id,)).fetchone() is None:
        abort(404)
    cur = db.execute(
        "INSERT INTO posts (thread_id, author_id, body) VALUES (?, ?, ?)", (thread_id, session["user_id"], body)
    )
    db.commit()
    return jsonify({"id": cur.lastrowid}), 201


def thread_posts(thread_id: int) -> tuple[sqlite3.Row, list[sqlite3.Row]]:
    db = get_db()
    thread = db.execute("SELECT * FROM threads WHERE id = ?", (thread_id,)).fetchone()
    if thread is None:
        abort(404)
    posts = db.execute(
        "SELECT posts.*, users.username AS author FROM posts JOIN users ON users.id = posts.author_id "
        "WHERE thread_id = ? ORDER BY posts.id",
        (thread_id,),
    ).fetchall()
    return thread, posts


@app.get("/threads/<int:thread_id>")
def show_thread(thread_id: int):
    thread, posts = thread_posts(thread_id)
    rendered = [
        # expect: VC411/VC427
        {"author": post["author"], "html": Markup(markdown.markdown(post["body"]))}
        for post in posts
    ]
    return render_template_string(THREAD_PAGE, thread=thread, posts=rendered)


@app.get("/v2/threads/<int:thread_id>")
def show_thread_sanitised(thread_id: int):
    thread, posts = thread_posts(thread_id)
    rendered = []
    for post in posts:
        clean = bleach.clean(markdown.markdown(post["body"]), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES)
        # ok: VC411/VC427
        rendered.append({"author": post["author"], "html": Markup(clean)})
    return render_template_string(THREAD_PAGE, thread=thread, posts=rendered)


@app.get("/threads/<int:thread_id>/print")
def print_thread(thread_id: int):
    thread, posts = thread_posts(thread_id)
    items = "".join(f"<li>{escape(p['author'])}: {escape(p['body'])}</li>" for p in posts)
    # expect: VC412/VC426
    return render_template_string(f"<h1>{thread['title']}</h1><ul>{items}</ul>")


@app.get("/v2/threads/<int:thread_id>/print")
def print_thread_v2(thread_id: int):
    thread, posts = thread_posts(thread_id)
    # ok: VC412/VC426
    return render_template_string(
        "<h1>{{ title }}</h1><ul>{% for p in posts %}<li>{{ p.author }}: {{ p.body }}</li>{% endfor %}</ul>",
        title=thread["title"],
        posts=posts,
    )


@app.put("/posts/<int:post_id>")
@login_required
def edit_post(post_id: int):
    body = request.get_json(force=True).get("body", "")
    db = get_db()
    post = db.execute("SELECT * FROM posts WHERE id = ?", (post_id,)).fetchone()
    if post is None:
        abort(404)
    if post["author_id"] != session["user_id"] and not current_user()["is_moderator"]:
        abort(403)
    # ok: VC214
    db.execute("UPDATE posts SET body = ? WHERE id = ?", (body, post_id))
    db.commit()
    return jsonify({"status": "updated"})


@app.delete("/posts/<int:post_id>")
@login_required
def delete_post(post_id: int):
    db = get_db()
    # expect: VC214
    db.execute("DELETE FROM posts WHERE id = ?", (post_id,))
    db.commit()
    return "", 204


@app.get("/search")
def search():
    q = request.args.get("q", "")
    # expect: VC402/VC422
    rows = get_db().execute(f"SELECT id, thread_id, body FROM posts WHERE body LIKE '%{q}%' LIMIT 50").fetchall()
    return jsonify([dict(row) for row in rows])


@app.get("/v2/search")
def search_v2():
    q = request.args.get("q", "")
    # ok: VC402/VC422
    rows = get_db().execute("SELECT id, thread_id, body FROM posts WHERE body LIKE ? LIMIT 50", (f"%{q}%",)).fetchall()
    return jsonify([dict(row) for row in rows])


if __name__ == "__main__":
    init_db()
    # expect: VC211
    app.run(debug=True)
