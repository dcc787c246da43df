"""Nightly Databricks job: sessionize one day of clickstream events and write them out.

Run as a Databricks job task:  sessionjob --config conf/prod.yaml --run-date 2024-05-01
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
from datetime import date, timedelta

import requests
from pyspark.sql.utils import AnalysisException

from sessionjob import config, transforms
from sessionjob.spark import get_spark

log = logging.getLogger("sessionjob")


def load_events(spark, table: str, run_date: str):
    # expect: VC402
    return spark.sql(f"SELECT * FROM {table} WHERE event_date = '{run_date}'")


def load_events_parameterized(spark, run_date: str):
    # ok: VC402
    return spark.sql(
        "SELECT * FROM raw.clickstream_events WHERE event_date = :run_date",
        args={"run_date": run_date},
    )


def load_events_api(spark, table: str, run_date: str):
    # ok: VC402
    return spark.table(table).where(f"event_date = '{date.fromisoformat(run_date).isoformat()}'")


def write_sessions(df, cfg: config.JobConfig, run_date: str) -> None:
    (
        df.write.mode("overwrite")
        .partitionBy("country")
        .parquet(f"{cfg.output_path}/event_date={run_date}")
    )
    spark = df.sparkSession
    df.createOrReplaceTempView("new_sessions")
    # expect: VC402
    spark.sql(f"DELETE FROM {cfg.target_table} WHERE event_date = '{run_date}'")
    # ok: VC402
    spark.sql(f"INSERT INTO {config.SESSIONS_TABLE} SELECT * FROM new_sessions")


def clean_staging(path: str) -> None:
    # expect: VC408, VC108
    subprocess.run(f"hdfs dfs -rm -r -skipTrash {path}", shell=True)


def clean_staging_safely(path: str) -> None:
    # ok: VC408, VC108
    subprocess.run(["hdfs", "dfs", "-rm", "-r", "-skipTrash", path], check=True)


def notify(cfg: config.JobConfig, text: str) -> None:
    if not cfg.webhook_url:
        return
    # expect: VC106/VC107
    requests.post(cfg.webhook_url, json={"text": text})


def push_partition(rows) -> None:
    """foreachPartition callback: send each session to the realtime profile service."""
    session = requests.Session()
    for row in rows:
        try:
            session.post("https://profiles.internal/api/sessions", json=row.asDict(), timeout=10).raise_for_status()
        # expect: VC101
        except Exception:
            pass


def run_day(spark, cfg: config.JobConfig, run_date: str) -> int:
    events = load_events(spark, cfg.source_table, run_date)
    events = transforms.filter_countries(events, cfg.countries)
    sessions = transforms.summarize(transforms.sessionize(events, config.SESSION_GAP_MINUTES))
    write_sessions(sessions, cfg, run_date)
    sessions.foreachPartition(push_partition)
    return sessions.count()


def backfill(spark, cfg: config.JobConfig, start: date, end: date) -> None:
    day = start
    while day <= end:
        try:
            run_day(spark, cfg, day.isoformat())
        # expect: VC104/VC101
        except Exception as exc:
            print(f"partition {day} failed: {exc}")
        day += timedelta(days=1)


def backfill_strict(spark, cfg: config.JobConfig, start: date, end: date) -> None:
    failed: list[str] = []
    day = start
    while day <= end:
        try:
            run_day(spark, cfg, day.isoformat())
        # ok: VC101, VC104
        except AnalysisException:
            log.exception("partition %s failed", day)
            failed.append(day.isoformat())
        day += timedelta(days=1)
    if failed:
        raise RuntimeError(f"{len(failed)} partitions failed: {', '.join(failed)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--run-date", default=(date.today() - timedelta(days=1)).isoformat())
    parser.add_argument("--backfill-from")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO)
    cfg = config.load_config(args.config)
    spark = get_spark()
    if args.backfill_from:
        backfill(spark, cfg, date.fromisoformat(args.backfill_from), date.fromisoformat(args.run_date))
        return 0
    count = run_day(spark, cfg, args.run_date)
    notify(cfg, f"sessionize {args.run_date}: {count} sessions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
