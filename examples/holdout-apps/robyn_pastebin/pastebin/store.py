"""Paste storage: metadata in SQLite, bodies as files under PASTE_DIR."""

import os
import random
import secrets
import sqlite3
import string
import time
from pathlib import Path

PASTE_DIR = Path(os.environ.get("PASTE_DIR", "/var/lib/pastebin"))
DB_PATH = os.environ.get("PASTE_DB", "pastes.sqlite3")
ALPHABET = string.ascii_letters + string.digits


def get_db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    conn.execute(
        "CREATE TABLE IF NOT EXISTS pastes (slug TEXT PRIMARY KEY, title TEXT, language TEXT,"
        " owner_token TEXT, created REAL, expires REAL, private INTEGER)"
    )
    return conn


def new_slug() -> str:
    # expect: VC206
    return "".join(random.choices(ALPHABET, k=8))


def new_owner_token() -> str:
    # ok: VC206
    return secrets.token_urlsafe(24)


def save_paste(title: str, body: str, language: str, ttl: int, private: bool) -> dict:
    slug = new_slug()
    token = new_owner_token()
    PASTE_DIR.mkdir(parents=True, exist_ok=True)
    (PASTE_DIR / f"{slug}.txt").write_text(body, encoding="utf-8")
    with get_db() as conn:
        conn.execute(
            "INSERT INTO pastes VALUES (?, ?, ?, ?, ?, ?, ?)",
            (slug, title, language, token, time.time(), time.time() + ttl, int(private)),
        )
    return {"slug": slug, "owner_token": token}


def load_paste(slug: str) -> dict | None:
    with get_db() as conn:
        row = conn.execute("SELECT * FROM pastes WHERE slug = ?", (slug,)).fetchone()
    if row is None:
        return None
    paste = dict(row)
    try:
        # ok: VC417 -- the slug matched a stored paste's, which the server drew
        paste["body"] = (PASTE_DIR / f"{slug}.txt").read_text(encoding="utf-8")
    except OSError:
        pass
    return paste


def delete_paste(slug: str) -> None:
    with get_db() as conn:
        conn.execute("DELETE FROM pastes WHERE slug = ?", (slug,))
    try:
        (PASTE_DIR / f"{slug}.txt").unlink()
    # ok: VC101
    except FileNotFoundError:
        pass


def purge_expired() -> int:
    now = time.time()
    with get_db() as conn:
        rows = conn.execute("SELECT slug FROM pastes WHERE expires < ?", (now,)).fetchall()
        for row in rows:
            delete_paste(row["slug"])
    return len(rows)
