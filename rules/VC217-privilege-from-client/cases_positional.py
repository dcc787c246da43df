"""VC217 corpus, a privilege field of the request handed by position to a helper that stores the parameter in that
position (an INSERT's column, a keyword of the row it makes, a field it sets), and the helpers that only read by it."""
import sqlite3

from flask import Flask, request

app = Flask(__name__)


def create_user(email, password_hash, role, token):
    with sqlite3.connect("app.db") as conn:
        conn.execute("INSERT INTO users (email, password_hash, role, api_token) VALUES (?, ?, ?, ?)",
                     (email, password_hash, role, token))


def make_member(team, email, is_admin=False):
    return Member(team=team, email=email, is_admin=is_admin)


def promote(user, role):
    user.role = role
    return user


def users_with_role(role):
    with sqlite3.connect("app.db") as conn:
        return conn.execute("SELECT id FROM users WHERE role = ?", (role,)).fetchall()


def welcome_text(email, role):
    return "Welcome, administrator" if role == "admin" else f"Welcome, {email}"


def member_page(team, role):
    return Member.query.filter_by(team=team, role=role).all()


@app.post("/signup")
def signup():
    body = request.get_json()
    # expect: VC217
    create_user(body["email"], hash_password(body["password"]), body.get("role", "viewer"), new_token())
    return {"ok": True}, 201


@app.post("/teams/<int:team_id>/members")
def add_member(team_id):
    data = request.get_json()
    is_admin = data.get("is_admin", False)
    # expect: VC217 -- a local bound to the body's field
    member = make_member(team_id, data["email"], is_admin)
    return {"id": member.id}, 201


@app.post("/me/role")
def change_my_role():
    # expect: VC217
    promote(current_user(), request.json["role"])
    return {"ok": True}


@app.post("/signup-fixed")
def signup_fixed():
    body = request.get_json()
    # ok: VC217 -- the server picks the role
    create_user(body["email"], hash_password(body["password"]), "viewer", new_token())
    return {"ok": True}, 201


@app.get("/users")
def list_users():
    # ok: VC217 -- a helper that filters by the role grants nothing
    return {"ids": users_with_role(request.args["role"])}


@app.post("/welcome")
def welcome():
    data = request.get_json()
    # ok: VC217 -- the helper only compares the role
    return {"text": welcome_text(data["email"], data["role"])}


@app.get("/teams/<int:team_id>/members")
def team_members(team_id):
    data = request.get_json()
    # ok: VC217 -- a query's keyword picks what is read
    return {"members": member_page(team_id, data["role"])}


@app.post("/admin/users")
@admin_required
def admin_create_user():
    body = request.get_json()
    # ok: VC217 -- only administrators reach this endpoint
    create_user(body["email"], hash_password(body["password"]), body["role"], new_token())
    return {"ok": True}, 201


class Member:
    query = None

    def __init__(self, team, email, is_admin=False):
        self.id, self.team, self.email, self.is_admin = 0, team, email, is_admin


def hash_password(password):
    return password


def new_token():
    return "token"


def current_user():
    return None


def admin_required(view):
    return view
