"""SQLite helpers for devices, readings and users."""

import sqlite3

from sensors.config import DB_PATH


def connect():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def user_by_token(token):
    with connect() as conn:
        # ok: VC402
        row = conn.execute("SELECT * FROM users WHERE api_token = ?", (token,)).fetchone()
    return dict(row) if row else None


def create_user(email, password_hash, role, token):
    with connect() as conn:
        conn.execute(
            "INSERT INTO users (email, password_hash, role, api_token) VALUES (?, ?, ?, ?)",
            (email, password_hash, role, token),
        )


def get_device(device_id):
    with connect() as conn:
        row = conn.execute("SELECT * FROM devices WHERE id = ?", (device_id,)).fetchone()
    return dict(row) if row else None


def get_device_for(device_id, owner_id):
    with connect() as conn:
        row = conn.execute(
            "SELECT * FROM devices WHERE id = ? AND owner_id = ?", (device_id, owner_id)
        ).fetchone()
    return dict(row) if row else None


def save_device(device):
    with connect() as conn:
        conn.execute(
            "UPDATE devices SET name = ?, location = ?, owner_id = ?, webhook_url = ? WHERE id = ?",
            (device["name"], device["location"], device["owner_id"], device.get("webhook_url"), device["id"]),
        )


def delete_device(device_id):
    with connect() as conn:
        conn.execute("DELETE FROM devices WHERE id = ?", (device_id,))


def readings(device_id, metric, order):
    sql = f"SELECT ts, value FROM readings WHERE device_id = {device_id} AND metric = '{metric}'"
    sql += " ORDER BY " + order
    with connect() as conn:
        # expect: VC402/VC417
        return [dict(r) for r in conn.execute(sql).fetchall()]


def readings_safe(device_id, metric):
    with connect() as conn:
        rows = conn.execute(
            "SELECT ts, value FROM readings WHERE device_id = ? AND metric = ? ORDER BY ts",
            (device_id, metric),
        ).fetchall()
    return [dict(r) for r in rows]
