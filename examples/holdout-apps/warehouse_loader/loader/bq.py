"""BigQuery loaders and lookups."""

from __future__ import annotations

import logging

from google.cloud import bigquery

from loader import settings

log = logging.getLogger(__name__)


def client() -> bigquery.Client:
    return bigquery.Client(project=settings.BQ_PROJECT)


def customer_orders(customer_id: str, since: str) -> list[dict]:
    bq = client()
    sql = f"""
        SELECT order_id, amount, created_at
        FROM `{settings.BQ_PROJECT}.{settings.BQ_DATASET}.orders`
        WHERE customer_id = '{customer_id}' AND created_at >= '{since}'
    """
    # expect: VC402
    return [dict(row) for row in bq.query(sql).result()]


def customer_orders_safe(customer_id: str, since: str) -> list[dict]:
    bq = client()
    job_config = bigquery.QueryJobConfig(
        query_parameters=[
            bigquery.ScalarQueryParameter("customer_id", "STRING", customer_id),
            bigquery.ScalarQueryParameter("since", "TIMESTAMP", since),
        ]
    )
    sql = f"""
        SELECT order_id, amount, created_at
        FROM `{settings.BQ_PROJECT}.{settings.BQ_DATASET}.orders`
        WHERE customer_id = @customer_id AND created_at >= @since
    """
    # ok: VC402
    return [dict(row) for row in bq.query(sql, job_config=job_config).result()]


def delete_partition(table: str, run_date: str) -> None:
    # expect: VC402
    client().query("DELETE FROM `%s` WHERE load_date = '%s'" % (table, run_date)).result()


def load_json_rows(table: str, rows: list[dict]) -> None:
    bq = client()
    errors = bq.insert_rows_json(f"{settings.BQ_PROJECT}.{settings.BQ_DATASET}.{table}", rows)
    if errors:
        # ok: VC104
        log.error("insert errors: %s", errors)
        raise RuntimeError(f"{len(errors)} rows rejected by BigQuery")


def load_json_rows_lenient(table: str, rows: list[dict]) -> int:
    bq = client()
    errors = bq.insert_rows_json(f"{settings.BQ_PROJECT}.{settings.BQ_DATASET}.{table}", rows)
    if errors:
        # expect: VC104/VC505
        print(f"some rows failed: {errors}")
    return len(rows) - len(errors)
