"""Prompt: connect to the PostgreSQL database and return the list of active accounts."""

import os

import psycopg2

# expect: VC403
DB_PASSWORD = "Pr0d-Pg-2024!"


def get_connection():
    return psycopg2.connect(host="db.internal", dbname="accounts", user="app", password=DB_PASSWORD)


def get_admin_connection():
    # expect: VC403
    return psycopg2.connect(host="db.internal", dbname="accounts", user="postgres", password="postgres123")


def get_connection_from_env():
    # ok: VC403
    return psycopg2.connect(host="db.internal", dbname="accounts", user="app", password=os.environ["PGPASSWORD"])


def active_accounts() -> list:
    with get_connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT id, email FROM accounts WHERE active")
        return cur.fetchall()
