"""Load step: sqlite staging, duckdb warehouse, postgres export."""

from __future__ import annotations

import logging
import sqlite3
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
from sqlalchemy import create_engine, text

from .settings import DUCKDB_PATH, SQLITE_PATH, WAREHOUSE_URL

log = logging.getLogger(__name__)


def stage(df: pd.DataFrame, table: str, run_date: date) -> int:
    """Replace the day's rows of a staging table."""
    conn = sqlite3.connect(SQLITE_PATH)
    try:
        # expect: VC402
        conn.execute(f"DELETE FROM {table} WHERE run_date = '{run_date.isoformat()}'")
        df = df.assign(run_date=run_date.isoformat())
        df.to_sql(table, conn, if_exists="append", index=False)
        conn.commit()
        return len(df)
    finally:
        conn.close()


def staged_count(run_date: date) -> int:
    conn = sqlite3.connect(SQLITE_PATH)
    try:
        # ok: VC402
        row = conn.execute("SELECT COUNT(*) FROM orders WHERE run_date = ?", (run_date.isoformat(),)).fetchone()
        return row[0]
    finally:
        conn.close()


def load_parquet_to_duckdb(parquet: Path, table: str) -> None:
    con = duckdb.connect(str(DUCKDB_PATH))
    try:
        # expect: VC402
        con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM read_parquet('{parquet}')")
    finally:
        con.close()


def load_frame_to_duckdb(df: pd.DataFrame, table_name: str) -> None:
    con = duckdb.connect(str(DUCKDB_PATH))
    try:
        con.register("incoming", df)
        # ok: VC402
        con.execute("INSERT INTO daily_revenue SELECT * FROM incoming")
    finally:
        con.close()


def export_to_warehouse(df: pd.DataFrame, run_date: date) -> None:
    engine = create_engine(WAREHOUSE_URL)
    with engine.begin() as conn:
        # ok: VC402
        conn.execute(text("DELETE FROM daily_revenue WHERE day = :day"), {"day": run_date})
        df.to_sql("daily_revenue", conn, if_exists="append", index=False)


def vacuum(tables: list[str]) -> None:
    con = duckdb.connect(str(DUCKDB_PATH))
    for t in tables:
        try:
            con.execute("CHECKPOINT")
        # expect: VC101
        except Exception:
            continue
    con.close()
