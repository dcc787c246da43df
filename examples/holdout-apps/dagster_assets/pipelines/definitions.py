from dagster import Definitions, define_asset_job, job

from .assets import (
    backfill_table,
    churn_scores,
    daily_metrics,
    load_pipeline_settings,
    purge_day,
    raw_events,
    run_dbt,
    run_dbt_docs,
    sessions,
    wait_for_export,
)
from .checks import sessions_not_empty
from .resources import EventsApi, SharedPickleIOManager, Warehouse


@job
def maintenance():
    purge_day()
    backfill_table()
    run_dbt()
    run_dbt_docs()
    load_pipeline_settings()
    wait_for_export()


defs = Definitions(
    assets=[raw_events, sessions, daily_metrics, churn_scores],
    asset_checks=[sessions_not_empty],
    jobs=[maintenance, define_asset_job("metrics", selection="*")],
    resources={
        "events_api": EventsApi(),
        "warehouse": Warehouse(),
        "io_manager": SharedPickleIOManager(),
    },
)
