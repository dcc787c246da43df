"""Warehouse maintenance: vacuum, purge old staging rows, dump a table for the analysts.

Analysts trigger it from the UI with {"table": "orders", "before": "2024-01-01"}.
"""

from __future__ import annotations

import logging
import shlex
import subprocess
from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.operators.bash import BashOperator
from airflow.operators.python import PythonOperator
from airflow.providers.postgres.hooks.postgres import PostgresHook
from sqlalchemy import create_engine, text

from common.warehouse import ALLOWED_TABLES, count_rows, purge_staging

log = logging.getLogger(__name__)

# expect: VC403
REPORTING_DB_URL = "postgresql://reporting:Rep0rting!2024@reporting-db.internal:5432/reporting"


def _reporting_engine():
    # ok: VC403
    return create_engine(Variable.get("reporting_db_url"))


def _purge(**context):
    conf = context["dag_run"].conf or {}
    table = conf.get("table", "orders")
    before = conf.get("before", context["ds"])
    purge_staging(table, before)


def _purge_checked(**context):
    conf = context["dag_run"].conf or {}
    table = conf.get("table", "orders")
    if table not in ALLOWED_TABLES:
        raise ValueError(f"table {table!r} is not purgeable")
    log.info("rows before purge: %s", count_rows(table, context["ds"]))


def _dump_table(**context):
    table = context["dag_run"].conf.get("table", "orders")
    target = f"/data/exports/{table}.csv"
    # expect: VC421/VC408
    subprocess.run(f"psql $WAREHOUSE_URL -c \"\\copy {table} TO '{target}' CSV HEADER\"", shell=True, check=True)


def _dump_table_quoted(**context):
    table = context["dag_run"].conf.get("table", "orders")
    target = shlex.quote(f"/data/exports/{table}.csv")
    # ok: VC421/VC408
    subprocess.run(["psql", Variable.get("warehouse_url"), "-c", f"\\copy {shlex.quote(table)} TO {target} CSV"], check=True)


def _archive_exports(**context):
    # expect: VC108
    subprocess.run(["gzip", "-f", "/data/exports/orders.csv"])


def _refresh_reporting(**context):
    region = context["params"]["region"]
    engine = create_engine(REPORTING_DB_URL)
    with engine.begin() as conn:
        # ok: VC402/VC422
        conn.execute(text("REFRESH MATERIALIZED VIEW CONCURRENTLY reporting.sales_by_region"))
        # ok: VC402/VC422
        conn.execute(text("DELETE FROM reporting.cache WHERE region = :region"), {"region": region})
        # expect: VC402/VC422
        conn.execute(text(f"UPDATE reporting.meta SET refreshed_at = now() WHERE region = '{region}'"))


def _vacuum(**context):
    hook = PostgresHook(postgres_conn_id="warehouse")
    try:
        hook.run("VACUUM ANALYZE staging.orders", autocommit=True)
    # expect: VC101/VC102
    except Exception as exc:
        log.info("vacuum skipped: %s", exc)


# expect: VC501
def validate_exports(**context):
    pass


with DAG(
    dag_id="warehouse_maintenance",
    schedule="0 3 * * 0",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=10)},
    params={"region": "eu"},
) as dag:
    vacuum = PythonOperator(task_id="vacuum", python_callable=_vacuum)
    purge = PythonOperator(task_id="purge", python_callable=_purge)
    purge_checked = PythonOperator(task_id="purge_checked", python_callable=_purge_checked)
    dump = PythonOperator(task_id="dump_table", python_callable=_dump_table)
    dump_quoted = PythonOperator(task_id="dump_table_quoted", python_callable=_dump_table_quoted)
    archive = PythonOperator(task_id="archive_exports", python_callable=_archive_exports)
    refresh = PythonOperator(task_id="refresh_reporting", python_callable=_refresh_reporting)
    validate = PythonOperator(task_id="validate_exports", python_callable=validate_exports)

    export_bash = BashOperator(
        task_id="export_bash",
        # expect: VC421/VC408
        bash_command="pg_dump --table={{ dag_run.conf['table'] }} $WAREHOUSE_URL > /data/exports/dump.sql",
    )
    export_bash_env = BashOperator(
        task_id="export_bash_env",
        # ok: VC421/VC408
        bash_command='pg_dump --table="$TABLE" "$WAREHOUSE_URL" > /data/exports/dump.sql',
        env={"TABLE": "{{ dag_run.conf.get('table', 'orders') }}"},
        append_env=True,
    )
    # ok: VC421/VC408
    rotate_logs = BashOperator(task_id="rotate_logs", bash_command="find /data/exports -mtime +30 -delete")

    vacuum >> [purge, purge_checked] >> dump >> archive >> validate
    dump_quoted >> refresh
    export_bash >> export_bash_env >> rotate_logs
