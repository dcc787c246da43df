"""Redshift loads through psycopg2: COPY from S3, merge, vacuum."""

from __future__ import annotations

import logging
import time

import psycopg2
from psycopg2 import sql

from loader import settings

log = logging.getLogger(__name__)


def connect():
    # expect: VC407
    log.debug("redshift dsn: %s", settings.REDSHIFT_DSN)
    return psycopg2.connect(settings.REDSHIFT_DSN)


def connect_with_retry():
    # expect: VC109
    while True:
        try:
            return connect()
        except psycopg2.OperationalError:
            log.warning("redshift not reachable, retrying in 10s")
            time.sleep(10)


def connect_with_bounded_retry(attempts: int = 5):
    for attempt in range(1, attempts + 1):
        try:
            return connect()
        # ok: VC109
        except psycopg2.OperationalError:
            if attempt == attempts:
                raise
            time.sleep(2**attempt)


def copy_from_s3(table: str, s3_prefix: str) -> None:
    conn = connect_with_retry()
    with conn, conn.cursor() as cur:
        # expect: VC402
        cur.execute(f"""
            COPY {table} FROM '{s3_prefix}'
            CREDENTIALS 'aws_access_key_id={settings.AWS_ACCESS_KEY_ID};aws_secret_access_key={settings.AWS_SECRET_ACCESS_KEY}'
            FORMAT AS PARQUET
        """)


def copy_from_s3_with_role(table: str, s3_prefix: str) -> None:
    conn = connect_with_bounded_retry()
    with conn, conn.cursor() as cur:
        query = sql.SQL("COPY {} FROM %s IAM_ROLE %s FORMAT AS PARQUET").format(sql.Identifier(*table.split(".")))
        # ok: VC402
        cur.execute(query, (s3_prefix, settings.IAM_ROLE))


def delete_day(table: str, load_date: str) -> int:
    conn = connect_with_bounded_retry()
    with conn, conn.cursor() as cur:
        # expect: VC402
        cur.execute("DELETE FROM %s WHERE load_date = '%s'" % (table, load_date))
        return cur.rowcount


def delete_day_safe(table: str, load_date: str) -> int:
    conn = connect_with_bounded_retry()
    with conn, conn.cursor() as cur:
        stmt = sql.SQL("DELETE FROM {} WHERE load_date = %s").format(sql.Identifier(*table.split(".")))
        # ok: VC402
        cur.execute(stmt, (load_date,))
        return cur.rowcount


def vacuum(tables: list[str]) -> None:
    conn = connect_with_bounded_retry()
    conn.autocommit = True
    with conn.cursor() as cur:
        for table in tables:
            try:
                cur.execute(sql.SQL("VACUUM {}").format(sql.Identifier(*table.split("."))))
            # expect: VC101/VC111
            except:
                pass
