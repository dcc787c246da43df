"""Small psycopg2 helpers shared by the API and the worker."""

import hashlib
from contextlib import contextmanager

import psycopg2
import psycopg2.extras

from exports.config import DATABASE_URL


@contextmanager
def cursor():
    conn = psycopg2.connect(DATABASE_URL)
    try:
        with conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            yield cur
    finally:
        conn.close()


def hash_key(api_key: str) -> str:
    # ok: VC205 -- a random 256-bit API key, not a password: a fast digest is the usual lookup hash
    return hashlib.md5(api_key.encode()).hexdigest()


def user_for_key(api_key: str):
    with cursor() as cur:
        # ok: VC402/VC422
        cur.execute("SELECT id, email, role FROM users WHERE api_key_hash = %s", (hash_key(api_key),))
        return cur.fetchone()


def create_user(email: str, api_key: str, role: str) -> int:
    with cursor() as cur:
        cur.execute(
            "INSERT INTO users (email, api_key_hash, role) VALUES (%s, %s, %s) RETURNING id",
            (email, hash_key(api_key), role),
        )
        return cur.fetchone()["id"]


def get_export(export_id: int):
    with cursor() as cur:
        cur.execute("SELECT * FROM exports WHERE id = %s", (export_id,))
        return cur.fetchone()


def get_export_for(export_id: int, owner_id: int):
    with cursor() as cur:
        cur.execute("SELECT * FROM exports WHERE id = %s AND owner_id = %s", (export_id, owner_id))
        return cur.fetchone()


def save_export(export: dict) -> None:
    with cursor() as cur:
        cur.execute(
            "UPDATE exports SET name = %s, fmt = %s, status = %s, owner_id = %s WHERE id = %s",
            (export["name"], export["fmt"], export["status"], export["owner_id"], export["id"]),
        )
