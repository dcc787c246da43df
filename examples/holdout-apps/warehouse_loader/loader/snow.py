"""Snowflake staging and COPY INTO."""

from __future__ import annotations

import logging
import os

import snowflake.connector

from loader import settings

log = logging.getLogger(__name__)


def connect():
    # expect: VC407
    log.info("connecting to snowflake with %s", settings.SNOWFLAKE)
    return snowflake.connector.connect(**settings.SNOWFLAKE)


def connect_from_env():
    params = {
        "account": os.environ["SNOWFLAKE_ACCOUNT"],
        "user": os.environ["SNOWFLAKE_USER"],
        # ok: VC403
        "password": os.environ["SNOWFLAKE_PASSWORD"],
        "warehouse": "LOAD_WH",
    }
    # ok: VC407
    log.info("connecting to snowflake account %s as %s", params["account"], params["user"])
    return snowflake.connector.connect(**params)


def copy_file(stage: str, filename: str, table: str) -> int:
    conn = connect()
    cur = conn.cursor()
    # expect: VC402
    cur.execute(f"PUT file://{filename} @{stage} AUTO_COMPRESS=TRUE")
    # expect: VC402
    cur.execute(f"COPY INTO {table} FROM @{stage}/{os.path.basename(filename)}.gz FILE_FORMAT=(TYPE=CSV SKIP_HEADER=1)")
    return cur.rowcount


def rows_for_batch(batch_id: str) -> list[tuple]:
    with connect_from_env() as conn:
        cur = conn.cursor()
        # ok: VC402
        cur.execute("SELECT * FROM RAW.PUBLIC.EVENTS WHERE BATCH_ID = %(batch)s", {"batch": batch_id})
        return cur.fetchall()


def mark_loaded(batch_id: str) -> None:
    with connect_from_env() as conn:
        # expect: VC402
        conn.cursor().execute("UPDATE RAW.PUBLIC.BATCHES SET LOADED = TRUE WHERE ID = '" + batch_id + "'")
