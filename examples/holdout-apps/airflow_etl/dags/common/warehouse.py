"""Shared warehouse helpers for the DAGs in this folder (the dags folder is on sys.path)."""

from __future__ import annotations

import logging

from airflow.providers.postgres.hooks.postgres import PostgresHook

log = logging.getLogger(__name__)

WAREHOUSE_CONN_ID = "warehouse"
ALLOWED_TABLES = {"orders", "customers", "refunds", "shipments"}


def warehouse_hook() -> PostgresHook:
    # ok: VC403
    return PostgresHook(postgres_conn_id=WAREHOUSE_CONN_ID)


def purge_sql(table: str, before: str) -> str:
    return f"DELETE FROM staging.{table} WHERE loaded_at < '{before}'"


def count_rows(table: str, since: str) -> int:
    hook = warehouse_hook()
    if table not in ALLOWED_TABLES:
        raise ValueError(f"unknown table {table!r}")
    # ok: VC402/VC422
    row = hook.get_first(f"SELECT count(*) FROM staging.{table} WHERE loaded_at >= %s", parameters=(since,))
    return int(row[0])


def purge_staging(table: str, before: str) -> None:
    hook = warehouse_hook()
    # expect: VC402/VC422/VC417
    hook.run(purge_sql(table, before))
    log.info("purged staging.%s before %s", table, before)
