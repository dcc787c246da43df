"""Login service (Flask): register with email and password, log in for a JWT, read your own profile; admins list
the users."""

import sqlite3
from functools import wraps

from flask import Flask, g, jsonify, request

from auth import hash_password, hash_password_v2, issue_token, read_token, read_token_v2, verify_password_v2

app = Flask(__name__)
DATABASE = "users.db"


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.row_factory = sqlite3.Row
        g.db.execute(
            "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT UNIQUE NOT NULL, "
            "name TEXT, password TEXT NOT NULL, role TEXT NOT NULL DEFAULT 'user')"
        )
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    return header[7:] if header.startswith("Bearer ") else None


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = bearer_token()
        claims = read_token_v2(token) if token else None
        if claims is None:
            return jsonify({"message": "Unauthorized"}), 401
        g.claims = claims
        return view(*args, **kwargs)

    return wrapper


@app.post("/register")
def register():
    data = request.get_json(silent=True) or {}
    email, password, name = data.get("email"), data.get("password"), data.get("name", "")
    if not email or not password:
        return jsonify({"message": "Email already in use or invalid data"}), 400
    role = data.get("role", "user")
    db = get_db()
    try:
        db.execute(
            "INSERT INTO users (email, name, password, role) VALUES (?, ?, ?, ?)",
            # expect: VC217
            (email, name, hash_password(password), role),
        )
        db.commit()
    except sqlite3.IntegrityError:
        return jsonify({"message": "Email already in use or invalid data"}), 400
    return jsonify({"message": "Registration successful"}), 201


@app.post("/v2/register")
def register_v2():
    data = request.get_json(silent=True) or {}
    email, password = data.get("email"), data.get("password")
    if not email or not password or len(password) < 8:
        return jsonify({"message": "Email already in use or invalid data"}), 400
    db = get_db()
    try:
        # ok: VC217
        db.execute(
            "INSERT INTO users (email, name, password, role) VALUES (?, ?, ?, 'user')",
            (email, data.get("name", ""), hash_password_v2(password)),
        )
        db.commit()
    except sqlite3.IntegrityError:
        return jsonify({"message": "Email already in use or invalid data"}), 400
    return jsonify({"message": "Registration successful"}), 201


@app.post("/login")
def login():
    data = request.get_json(silent=True) or {}
    email, password = data.get("email", ""), data.get("password", "")
    # expect: VC402/VC422
    user = get_db().execute(f"SELECT * FROM users WHERE email = '{email}'").fetchone()
    # expect: VC204
    if user is None or user["password"] != hash_password(password):
        return jsonify({"message": "Invalid email or password"}), 401
    return jsonify({"token": issue_token(user["email"], user["role"]), "message": "Login successful"})


@app.post("/v2/login")
def login_v2():
    data = request.get_json(silent=True) or {}
    # ok: VC402/VC422
    user = get_db().execute("SELECT * FROM users WHERE email = ?", (data.get("email", ""),)).fetchone()
    if user is None or not verify_password_v2(user["password"], data.get("password", "")):
        return jsonify({"message": "Invalid email or password"}), 401
    return jsonify({"token": issue_token(user["email"], user["role"]), "message": "Login successful"})


@app.get("/me")
def me():
    token = bearer_token()
    if not token:
        return jsonify({"message": "Unauthorized"}), 401
    claims = read_token(token)
    user = get_db().execute("SELECT * FROM users WHERE email = ?", (claims["sub"],)).fetchone()
    if user is None:
        return jsonify({"message": "Not found"}), 404
    # expect: VC429
    return jsonify(dict(user))


@app.get("/v2/me")
@login_required
def me_v2():
    user = get_db().execute("SELECT id, email, name, role FROM users WHERE email = ?", (g.claims["sub"],)).fetchone()
    if user is None:
        return jsonify({"message": "Not found"}), 404
    # ok: VC429
    return jsonify({"id": user["id"], "email": user["email"], "name": user["name"], "role": user["role"]})


@app.get("/admin/users")
@login_required
def list_users():
    # ok: VC217
    if g.claims.get("role") != "admin":
        return jsonify({"message": "Forbidden"}), 403
    rows = get_db().execute("SELECT id, email, name, role FROM users").fetchall()
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
