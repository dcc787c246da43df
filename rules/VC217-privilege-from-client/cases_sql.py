"""VC217 corpus, SQL run with a tuple of parameters: a privilege column written from the request body, and the
server-set or read-only look-alikes."""
import sqlite3

from flask import Flask, request

app = Flask(__name__)


def get_db():
    return sqlite3.connect("app.db")


@app.post("/signup")
def signup():
    form = request.get_json()
    db = get_db()
    db.execute("INSERT INTO users (email, password_hash, role) VALUES (?, ?, ?)",
               # expect: VC217
               (form["email"], form["password_hash"], form.get("role", "user")))
    db.commit()
    return {"ok": True}


@app.post("/signup-fixed")
def signup_fixed():
    form = request.get_json()
    db = get_db()
    # ok: VC217 -- the server chooses the role
    db.execute("INSERT INTO users (email, role) VALUES (?, ?)", (form["email"], "user"))
    db.commit()
    return {"ok": True}


@app.put("/profile/<int:user_id>")
def update_profile(user_id):
    data = request.get_json()
    db = get_db()
    cursor = db.cursor()
    # expect: VC217
    cursor.execute("UPDATE users SET display_name = %s, is_admin = %s WHERE id = %s",
                   (data["display_name"], data.get("is_admin"), user_id))
    db.commit()
    return {"ok": True}


@app.get("/users")
def users_by_role():
    data = request.get_json()
    db = get_db()
    # ok: VC217 -- a role the client filters by grants nothing
    return {"users": db.execute("SELECT id FROM users WHERE role = ?", (data["role"],)).fetchall()}


def query_db(sql, args=(), commit=False):
    conn = get_db()
    rows = conn.execute(sql, args).fetchall()
    if commit:
        conn.commit()
    return rows


@app.post("/register")
def register_through_helper():
    data = request.get_json()
    query_db("INSERT INTO users (email, is_admin) VALUES (?, ?)",
             # expect: VC217 -- the module's own helper runs the SQL
             (data["email"], int(data.get("is_admin", 0))), commit=True)
    return {"ok": True}


@app.post("/register-safely")
def register_through_helper_safely():
    data = request.get_json()
    # ok: VC217
    query_db("INSERT INTO users (email, is_admin) VALUES (?, ?)", (data["email"], 0), commit=True)
    # ok: VC217 -- a lookup by role
    query_db("SELECT id FROM users WHERE role = ?", (data.get("role"),))
    return {"ok": True}


@app.post("/signup/local-role")
def signup_role_in_a_local():
    data = request.get_json(silent=True) or {}
    role = data.get("role", "user")
    db = get_db()
    db.execute(
        "INSERT INTO users (email, password_hash, role) VALUES (?, ?, ?)",
        # expect: VC217 -- the local holds the body's field
        (data["email"], data["password_hash"], role),
    )
    db.commit()
    return {"ok": True}


@app.post("/signup/local-role-reset")
def signup_role_reset_before_insert():
    data = request.get_json(silent=True) or {}
    role = data.get("role", "user")
    if role not in ("user", "viewer"):
        role = "user"
    role = "user"
    db = get_db()
    # ok: VC217 -- the local was bound again to the server's choice
    db.execute("INSERT INTO users (email, role) VALUES (?, ?)", (data["email"], role))
    db.commit()
    return {"ok": True}


@app.get("/users/by-role")
def users_filtered_by_a_local():
    data = request.get_json(silent=True) or {}
    role = data.get("role")
    db = get_db()
    # ok: VC217 -- a filter, not a write
    return {"users": db.execute("SELECT id FROM users WHERE role = ?", (role,)).fetchall()}


@app.post("/accounts")
def create_account_from_local():
    data = request.get_json()
    is_admin = bool(data.get("is_admin"))
    # expect: VC217
    account = Account(email=data["email"], is_admin=is_admin)
    return {"id": account.id}


class Account:
    def __init__(self, email, is_admin=False):
        self.id, self.email, self.is_admin = 0, email, is_admin
