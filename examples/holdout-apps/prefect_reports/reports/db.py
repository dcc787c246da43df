"""Warehouse access for the report flows."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import create_engine, text

from .config import WAREHOUSE_URL

_engine = create_engine(WAREHOUSE_URL, pool_pre_ping=True)


def run_query(sql: str, params: dict | None = None) -> pd.DataFrame:
    with _engine.connect() as conn:
        # expect: VC417/VC422/VC402
        return pd.read_sql(text(sql), conn, params=params)


def sales_by_region(region: str, start: str, end: str) -> pd.DataFrame:
    # ok: VC402/VC422
    return run_query(
        "SELECT day, sum(amount) AS revenue FROM sales WHERE region = :region AND day BETWEEN :start AND :end GROUP BY day",
        {"region": region, "start": start, "end": end},
    )


def top_customers(region: str, limit: int) -> pd.DataFrame:
    sql = (
        "SELECT customer_id, sum(amount) AS revenue FROM sales "
        f"WHERE region = '{region}' GROUP BY customer_id ORDER BY revenue DESC LIMIT {limit}"
    )
    return run_query(sql)
