"""User creation by invitation: a member invites an email, the invitee signs up with the invite id."""

import base64
import json
import os
import random
import sqlite3
import string
from datetime import datetime, timedelta, timezone

import jwt
from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from passlib.context import CryptContext
from pydantic import BaseModel, EmailStr

app = FastAPI(title="InviteAPI")
# expect: VC203
SECRET = os.environ.get("APP_SECRET", "supersecretkey123")
pwd = CryptContext(schemes=["bcrypt"], deprecated="auto")
bearer = HTTPBearer()
DB = "invites.db"


def conn():
    c = sqlite3.connect(DB)
    c.row_factory = sqlite3.Row
    return c


@app.on_event("startup")
def setup():
    with conn() as c:
        c.executescript(
            """
            CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, username TEXT UNIQUE, password TEXT,
                                              email TEXT, role TEXT DEFAULT 'member');
            CREATE TABLE IF NOT EXISTS invitations (invite_id TEXT PRIMARY KEY, email TEXT UNIQUE,
                                                    invited_by INTEGER, used INTEGER DEFAULT 0);
            """
        )
        if c.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 0:
            c.execute(
                "INSERT INTO users (username, password, email, role) VALUES (?, ?, ?, 'admin')",
                # expect: VC403
                ("admin", pwd.hash("admin123"), "admin@example.com"),
            )


class Credentials(BaseModel):
    username: str
    password: str


class InviteIn(BaseModel):
    email: EmailStr


class SignupIn(BaseModel):
    invite_id: str
    user_name: str
    password: str
    role: str = "member"


def decode_token(token: str) -> dict:
    payload_part = token.split(".")[1]
    padded = payload_part + "=" * (-len(payload_part) % 4)
    # expect: VC202
    return json.loads(base64.urlsafe_b64decode(padded))


def current_user(creds: HTTPAuthorizationCredentials = Depends(bearer)) -> dict:
    try:
        claims = decode_token(creds.credentials)
    except (IndexError, ValueError):
        # expect: VC105
        raise HTTPException(status_code=401, detail="Invalid token")
    if claims.get("exp", 0) < datetime.now(timezone.utc).timestamp():
        raise HTTPException(status_code=401, detail="Token expired")
    return claims


def verified_user(creds: HTTPAuthorizationCredentials = Depends(bearer)) -> dict:
    try:
        # ok: VC202
        return jwt.decode(creds.credentials, SECRET, algorithms=["HS256"])
    except jwt.PyJWTError:
        # expect: VC105
        raise HTTPException(status_code=401, detail="Invalid token")


@app.post("/login")
def login(body: Credentials):
    with conn() as c:
        user = c.execute("SELECT * FROM users WHERE username = ?", (body.username,)).fetchone()
    if user is None or not pwd.verify(body.password, user["password"]):
        raise HTTPException(status_code=401, detail="Invalid credentials")
    exp = datetime.now(timezone.utc) + timedelta(hours=2)
    token = jwt.encode({"sub": user["id"], "role": user["role"], "exp": exp}, SECRET, algorithm="HS256")
    return {"token": token}


@app.post("/invite_user")
def invite_user(body: InviteIn, user: dict = Depends(current_user)):
    with conn() as c:
        existing = c.execute("SELECT invite_id FROM invitations WHERE email = ?", (body.email,)).fetchone()
        if existing:
            return {"invite_id": existing["invite_id"], "message": "Invitation already exists"}
        # expect: VC206
        invite_id = "".join(random.choice(string.ascii_letters + string.digits) for _ in range(16))
        c.execute(
            "INSERT INTO invitations (invite_id, email, invited_by) VALUES (?, ?, ?)",
            (invite_id, body.email, user["sub"]),
        )
    return {"invite_id": invite_id, "message": "Invitation created"}


@app.post("/create_user")
def create_user(body: SignupIn):
    with conn() as c:
        invite = c.execute("SELECT * FROM invitations WHERE invite_id = ? AND used = 0", (body.invite_id,)).fetchone()
        if invite is None:
            raise HTTPException(status_code=401, detail="Invalid invite_id")
        if c.execute("SELECT 1 FROM users WHERE username = ?", (body.user_name,)).fetchone():
            raise HTTPException(status_code=400, detail="Username already exists. Try providing different username.")
        c.execute(
            "INSERT INTO users (username, password, email, role) VALUES (?, ?, ?, ?)",
            # expect: VC217
            (body.user_name, pwd.hash(body.password), invite["email"], body.role),
        )
        c.execute("UPDATE invitations SET used = 1 WHERE invite_id = ?", (body.invite_id,))
    return {"message": "User created"}


@app.get("/users/{user_id}")
def get_user(user_id: int, user: dict = Depends(verified_user)):
    with conn() as c:
        # expect: VC214
        row = c.execute("SELECT id, username, email, role FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail="Not found")
    return dict(row)


@app.delete("/users/{user_id}")
def delete_user(user_id: int, user: dict = Depends(verified_user)):
    # ok: VC218
    if user.get("role") != "admin":
        raise HTTPException(status_code=403, detail="Admins only")
    with conn() as c:
        c.execute("DELETE FROM users WHERE id = ?", (user_id,))
    return {"deleted": user_id}


# expect: VC218
@app.post("/users/{user_id}/promote")
def promote(user_id: int, user: dict = Depends(current_user)):
    with conn() as c:
        # expect: VC214
        c.execute("UPDATE users SET role = 'admin' WHERE id = ?", (user_id,))
    return {"promoted": user_id}
