"""User store for the admin page (SQLAlchemy core on Postgres)."""

from __future__ import annotations

import hashlib
import os
import random
import secrets
from datetime import datetime, timedelta, timezone

import bcrypt
from sqlalchemy import create_engine, text

# expect: VC403
engine = create_engine(os.environ.get("DATABASE_URL", "postgresql://admin:Adm1nPa55w0rd@db.internal:5432/users"))


def find_users(name_filter: str, role: str | None) -> list[dict]:
    sql = "SELECT id, email, name, role, active FROM users WHERE name ILIKE :pattern"
    params = {"pattern": f"%{name_filter}%"}
    if role:
        sql += " AND role = :role"
        params["role"] = role
    with engine.connect() as conn:
        # ok: VC402
        return [dict(r._mapping) for r in conn.execute(text(sql), params)]


def find_by_email_domain(domain: str) -> list[dict]:
    with engine.connect() as conn:
        # expect: VC402/VC417
        rows = conn.execute(text(f"SELECT id, email FROM users WHERE email LIKE '%@{domain}'"))
        return [dict(r._mapping) for r in rows]


def set_password(user_id: int, new_password: str) -> None:
    hashed = bcrypt.hashpw(new_password.encode(), bcrypt.gensalt())
    with engine.begin() as conn:
        # ok: VC410
        conn.execute(text("UPDATE users SET password_hash = :h WHERE id = :id"), {"h": hashed, "id": user_id})


def set_password_legacy(user_id: int, new_password: str) -> None:
    # expect: VC205
    hashed = hashlib.md5(new_password.encode()).hexdigest()
    with engine.begin() as conn:
        conn.execute(text("UPDATE users SET password_hash = :h WHERE id = :id"), {"h": hashed, "id": user_id})


def create_reset_token(user_id: int) -> str:
    # expect: VC206
    token = str(random.randint(100000, 999999))
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO reset_tokens (user_id, token) VALUES (:u, :t)"), {"u": user_id, "t": token})
    return token


def create_magic_token(user_id: int) -> str:
    # ok: VC206
    token = secrets.token_urlsafe(32)
    expires = datetime.now(timezone.utc) + timedelta(minutes=30)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO reset_tokens (user_id, token, expires_at) VALUES (:u, :t, :e)"),
            {"u": user_id, "t": hashlib.sha256(token.encode()).hexdigest(), "e": expires},
        )
    return token


def deactivate(user_id: int) -> None:
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE users SET active = false WHERE id = :id"), {"id": user_id})
    # expect: VC101
    except Exception:
        pass
