"""SQLite access for users and export jobs."""

import os
import sqlite3
from contextlib import closing

DB_PATH = os.environ.get("EXPORTS_DB", "exports.db")


def connect() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def get_user(user_id: int) -> dict | None:
    with closing(connect()) as conn:
        row = conn.execute("SELECT id, email, name FROM users WHERE id = ?", (user_id,)).fetchone()
    return dict(row) if row else None


def create_export(user_id: int) -> int:
    with closing(connect()) as conn, conn:
        cur = conn.execute("INSERT INTO exports (user_id, status) VALUES (?, 'pending')", (user_id,))
        return cur.lastrowid


def get_export(export_id: int) -> dict | None:
    with closing(connect()) as conn:
        # ok: VC402
        row = conn.execute("SELECT * FROM exports WHERE id = ?", (export_id,)).fetchone()
    return dict(row) if row else None


def get_export_for_user(export_id: int, user_id: int) -> dict | None:
    with closing(connect()) as conn:
        row = conn.execute(
            "SELECT * FROM exports WHERE id = ? AND user_id = ?", (export_id, user_id)
        ).fetchone()
    return dict(row) if row else None


def list_exports(user_id: int, status: str, order_by: str) -> list[dict]:
    with closing(connect()) as conn:
        rows = conn.execute(
            # expect: VC402/VC422/VC417
            f"SELECT * FROM exports WHERE user_id = ? AND status = ? ORDER BY {order_by} DESC",
            (user_id, status),
        ).fetchall()
    return [dict(r) for r in rows]


def mark_export_ready(export_id: int, key: str) -> None:
    with closing(connect()) as conn, conn:
        conn.execute("UPDATE exports SET status = 'ready', s3_key = ? WHERE id = ?", (key, export_id))


def delete_all_exports() -> int:
    with closing(connect()) as conn, conn:
        return conn.execute("DELETE FROM exports").rowcount


def user_data(user_id: int) -> dict:
    with closing(connect()) as conn:
        profile = conn.execute("SELECT id, email, name, created_at FROM users WHERE id = ?", (user_id,)).fetchone()
        orders = conn.execute("SELECT * FROM orders WHERE user_id = ?", (user_id,)).fetchall()
    return {"profile": dict(profile), "orders": [dict(o) for o in orders]}
