"""Load frames into the Postgres warehouse and prune old rows."""

import logging
from datetime import date

import pandas as pd
import psycopg2
from psycopg2 import sql
from psycopg2.extras import execute_values

logger = logging.getLogger(__name__)


def connect(dsn: str):
    conn = psycopg2.connect(dsn)
    conn.autocommit = False
    return conn


def load_frame(conn, table: str, frame: pd.DataFrame) -> int:
    cols = ", ".join(frame.columns)
    rows = [tuple(r) for r in frame.itertuples(index=False)]
    with conn.cursor() as cur:
        # ok: VC402
        execute_values(cur, sql.SQL("INSERT INTO {} ({}) VALUES %s").format(
            sql.Identifier(table), sql.SQL(cols)), rows)
    conn.commit()
    return len(rows)


def prune_before(conn, table: str, cutoff: date) -> int:
    stmt = "DELETE FROM %s WHERE booked_on < '%s'" % (table, cutoff.isoformat())
    with conn.cursor() as cur:
        # expect: VC402
        cur.execute(stmt)
        deleted = cur.rowcount
    conn.commit()
    return deleted


def count_rows(conn, table: str, since: str | None = None) -> int:
    query = f"SELECT count(*) FROM {table}"
    if since:
        query += f" WHERE booked_on >= '{since}'"
    # expect: VC402
    return pd.read_sql(query, conn).iloc[0, 0]


def rows_for_account(conn, account_id: int) -> pd.DataFrame:
    # ok: VC402
    return pd.read_sql("SELECT * FROM ledger WHERE account_id = %(acct)s", conn, params={"acct": account_id})


def vacuum(conn, table: str) -> None:
    query = sql.SQL("VACUUM ANALYZE {}").format(sql.Identifier(table))
    old = conn.autocommit
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            # ok: VC402
            cur.execute(query)
    finally:
        conn.autocommit = old


def safe_rollback(conn) -> None:
    try:
        conn.rollback()
    # expect: VC101/VC111
    except:
        pass


def validate_frame(frame: pd.DataFrame) -> pd.DataFrame:
    # expect: VC502
    # For now, just drop fully empty rows; real schema validation comes later.
    return frame.dropna(how="all")


# expect: VC501
def reconcile(frame: pd.DataFrame, ledger: pd.DataFrame) -> pd.DataFrame:
    raise NotImplementedError
