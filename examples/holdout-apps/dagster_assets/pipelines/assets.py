"""Assets: raw events -> sessions -> daily metrics, with a model score on top."""

from __future__ import annotations

import subprocess
import time

# expect: VC504
import joblib
import pandas as pd
import yaml
from dagster import (
    AssetExecutionContext,
    Config,
    MaterializeResult,
    OpExecutionContext,
    RetryPolicy,
    asset,
    op,
)

from .resources import EventsApi, Warehouse


class BackfillConfig(Config):
    table: str = "events"
    where: str = "1=1"


# ok: VC109
@asset(retry_policy=RetryPolicy(max_retries=3, delay=30))
def raw_events(context: AssetExecutionContext, events_api: EventsApi) -> pd.DataFrame:
    rows = events_api.fetch("/events", since=context.partition_key if context.has_partition_key else None)
    return pd.DataFrame(rows)


@asset
def sessions(raw_events: pd.DataFrame) -> pd.DataFrame:
    grouped = raw_events.groupby("session_id").agg(start=("ts", "min"), end=("ts", "max"), events=("ts", "count"))
    return grouped.reset_index()


@asset
def daily_metrics(context: AssetExecutionContext, sessions: pd.DataFrame, warehouse: Warehouse) -> MaterializeResult:
    con = warehouse.connect()
    con.register("sessions_df", sessions)
    # ok: VC402/VC422
    con.execute("CREATE OR REPLACE TABLE daily_sessions AS SELECT * FROM sessions_df")
    count = con.execute("SELECT count(*) FROM daily_sessions").fetchone()[0]
    return MaterializeResult(metadata={"rows": count})


@asset
def churn_scores(sessions: pd.DataFrame) -> pd.DataFrame:
    # ok: VC406 -- the model file is built by this repo's training job and shipped in the image
    model = joblib.load("/opt/models/churn.joblib")
    sessions["score"] = model.predict_proba(sessions[["events"]])[:, 1]
    return sessions


@op
def backfill_table(context: OpExecutionContext, config: BackfillConfig, warehouse: Warehouse) -> int:
    con = warehouse.connect()
    # expect: VC402/VC422
    con.execute(f"INSERT INTO {config.table}_backfill SELECT * FROM {config.table} WHERE {config.where}")
    # expect: VC402/VC422
    return con.execute(f"SELECT count(*) FROM {config.table}_backfill").fetchone()[0]


@op(config_schema={"day": str})
def purge_day(context: OpExecutionContext, warehouse: Warehouse) -> None:
    day = context.op_config["day"]
    con = warehouse.connect()
    # expect: VC402/VC422
    con.execute(f"DELETE FROM daily_sessions WHERE day = '{day}'")
    # ok: VC402/VC422
    con.execute("DELETE FROM daily_sessions WHERE day = ?", [day])


@op(config_schema={"selector": str})
def run_dbt(context: OpExecutionContext) -> None:
    selector = context.op_config["selector"]
    # expect: VC421/VC408
    subprocess.run(f"dbt run --select {selector} --profiles-dir /opt/dbt", shell=True, check=True)
    # ok: VC421/VC408
    subprocess.run(["dbt", "test", "--select", selector, "--profiles-dir", "/opt/dbt"], check=True)


@op
def run_dbt_docs(context: OpExecutionContext) -> None:
    # expect: VC108
    subprocess.run(["dbt", "docs", "generate", "--profiles-dir", "/opt/dbt"])


@op
def load_pipeline_settings(context: OpExecutionContext) -> dict:
    with open("/opt/pipelines/settings.yaml") as fh:
        # ok: VC406 -- a literal path to the deployment's own settings, which VC406 documents as trusted
        return yaml.load(fh, Loader=yaml.Loader)


@op
def load_pipeline_settings_safe(context: OpExecutionContext) -> dict:
    with open("/opt/pipelines/settings.yaml") as fh:
        # ok: VC406
        return yaml.safe_load(fh)


@op
def wait_for_export(context: OpExecutionContext, events_api: EventsApi) -> None:
    # expect: VC109
    while True:
        status = events_api.fetch("/exports/latest")
        if status and status[0]["state"] == "ready":
            return
        context.log.info("export not ready yet")
        time.sleep(30)


@op(retry_policy=RetryPolicy(max_retries=5))
def wait_for_export_bounded(context: OpExecutionContext, events_api: EventsApi) -> None:
    # ok: VC109
    for _ in range(60):
        status = events_api.fetch("/exports/latest")
        if status and status[0]["state"] == "ready":
            return
        time.sleep(30)
    raise TimeoutError("export never became ready")
