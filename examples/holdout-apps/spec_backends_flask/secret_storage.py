"""Secret storage: users register, log in and keep one secret each, read back by username."""

import hashlib
import os
import sqlite3
from datetime import datetime, timedelta, timezone

import jwt
from flask import Flask, g, jsonify, request

app = Flask(__name__)
DB_PATH = "db.sqlite3"
# expect: VC203
APP_SECRET = os.environ.get("APP_SECRET", "default-secret-key")


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_db():
    with sqlite3.connect(DB_PATH) as conn:
        conn.executescript(
            """
            CREATE TABLE IF NOT EXISTS users (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                email TEXT UNIQUE NOT NULL,
                username TEXT UNIQUE NOT NULL,
                password TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS secrets (
                username TEXT PRIMARY KEY,
                secret TEXT NOT NULL
            );
            """
        )


def hash_password(password):
    # expect: VC205
    return hashlib.sha256(password.encode()).hexdigest()


def current_username():
    auth = request.headers.get("Authorization", "")
    if not auth.startswith("Bearer "):
        return None
    token = auth.split(" ", 1)[1]
    try:
        header = jwt.get_unverified_header(token)
        # expect: VC202
        payload = jwt.decode(token, APP_SECRET, algorithms=[header["alg"]])
    except jwt.PyJWTError:
        return None
    return payload.get("sub")


@app.post("/register")
def register():
    data = request.get_json(silent=True) or {}
    email, username, password = data.get("email"), data.get("username"), data.get("password")
    if not email or not username or not password:
        return jsonify(message="Email already in use or invalid data"), 400
    db = get_db()
    try:
        db.execute(
            "INSERT INTO users (email, username, password) VALUES (?, ?, ?)",
            (email, username, hash_password(password)),
        )
        db.commit()
    except sqlite3.IntegrityError:
        return jsonify(message="Email already in use or invalid data"), 400
    return jsonify(message="Registration successful"), 201


@app.post("/login")
def login():
    data = request.get_json(silent=True) or {}
    db = get_db()
    user = db.execute("SELECT * FROM users WHERE email = ?", (data.get("email"),)).fetchone()
    # expect: VC204
    if user is None or user["password"] != hash_password(data.get("password", "")):
        return jsonify(message="Invalid email or password"), 401
    token = jwt.encode(
        {"sub": user["username"], "exp": datetime.now(timezone.utc) + timedelta(hours=1)},
        APP_SECRET,
        algorithm="HS256",
    )
    return jsonify(token=token, message="Login successful")


@app.post("/set_secret")
def set_secret():
    if current_username() is None:
        return jsonify(message="Invalid authentication token"), 401
    data = request.get_json(silent=True) or {}
    db = get_db()
    # expect: VC214/VC207
    db.execute(
        "INSERT OR REPLACE INTO secrets (username, secret) VALUES (?, ?)",
        (data.get("username"), data.get("secret")),
    )
    db.commit()
    return jsonify(message="Secret has been set successfully")


@app.get("/get_secret")
def get_secret():
    username = current_username()
    if username is None:
        return jsonify(message="Invalid authentication token"), 401
    db = get_db()
    # ok: VC214
    row = db.execute("SELECT secret FROM secrets WHERE username = ?", (username,)).fetchone()
    if row is None:
        return jsonify(message="No secret stored"), 404
    return jsonify(secret=row["secret"])


if __name__ == "__main__":
    init_db()
    app.run(host="0.0.0.0", port=5000)
