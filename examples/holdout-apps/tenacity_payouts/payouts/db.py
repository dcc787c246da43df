"""Local bookkeeping of sync runs (psycopg 3)."""

import logging

import psycopg

from .settings import DATABASE_URL

logger = logging.getLogger(__name__)


def connect() -> psycopg.Connection:
    return psycopg.connect(DATABASE_URL, autocommit=False)


def start_run(conn: psycopg.Connection, run_date: str) -> int:
    with conn.cursor() as cur:
        cur.execute("INSERT INTO sync_runs (run_date, state) VALUES (%s, 'running') RETURNING id", (run_date,))
        run_id = cur.fetchone()[0]
    conn.commit()
    return run_id


def finish_run(conn: psycopg.Connection, run_id: int, paid: int, failed: int) -> dict:
    summary = {"run_id": run_id, "paid": paid, "failed": failed}
    try:
        with conn.cursor() as cur:
            cur.execute(
                "UPDATE sync_runs SET state = 'done', paid = %s, failed = %s WHERE id = %s",
                (paid, failed, run_id),
            )
        conn.commit()
    finally:
        conn.close()
        # expect: VC101 -- return in finally: a failed UPDATE or commit vanishes and the summary is returned
        return summary


def finish_run_safely(conn: psycopg.Connection, run_id: int, paid: int, failed: int) -> dict:
    try:
        with conn.cursor() as cur:
            cur.execute(
                "UPDATE sync_runs SET state = 'done', paid = %s, failed = %s WHERE id = %s",
                (paid, failed, run_id),
            )
        conn.commit()
    # ok: VC101 -- finally only closes; the return is after it
    finally:
        conn.close()
    return {"run_id": run_id, "paid": paid, "failed": failed}


def last_run(conn: psycopg.Connection) -> dict | None:
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT id, run_date, state FROM sync_runs ORDER BY id DESC LIMIT 1")
            row = cur.fetchone()
    except Exception:
        logger.exception("could not read the last run")
        # expect: VC101/VC102/VC103 -- a broken database reads as "no previous run"
        return {}
    if row is None:
        return None
    return {"id": row[0], "run_date": row[1], "state": row[2]}
