"""Postgres access for the ledger service."""
import os

import psycopg2
import psycopg2.extras

# expect: VC403 -- database password in the default DSN
DSN = os.environ.get("LEDGER_DSN", "postgresql://ledger:Ledger2024!@db:5432/ledger")


def connect():
    return psycopg2.connect(DSN, cursor_factory=psycopg2.extras.RealDictCursor)


def fetch_account(conn, account_id: int):
    with conn.cursor() as cur:
        # ok: VC402/VC422 -- bound parameter
        cur.execute("SELECT * FROM accounts WHERE id = %s", (account_id,))
        return cur.fetchone()


def fetch_user_account(conn, account_id: int, user_id: str):
    with conn.cursor() as cur:
        cur.execute("SELECT * FROM accounts WHERE id = %s AND owner = %s", (account_id, user_id))
        return cur.fetchone()


def run_query(conn, sql: str):
    with conn.cursor() as cur:
        # expect: VC417 -- the SQL service.py formats from the request runs here
        cur.execute(sql)
        return cur.fetchall()
