"""Monthly reports as DataFrames, read from the store's SQLite file with bound parameters."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

GROUPINGS = {"month": "substr(booked, 1, 7)", "counterparty": "counterparty"}


def totals(db_path: Path, accounts: Sequence[str], group_by: str = "month") -> pd.DataFrame:
    if group_by not in GROUPINGS:
        raise ValueError(f"cannot group by {group_by!r}; choose one of {sorted(GROUPINGS)}")
    placeholders = ", ".join("?" * len(accounts))
    # ok: VC402/VC422 -- an allowlisted expression and placeholders; the accounts are bound
    query = (
        f"SELECT {GROUPINGS[group_by]} AS bucket, currency, sum(CAST(amount AS REAL)) AS total"
        f" FROM transactions WHERE account IN ({placeholders}) GROUP BY bucket, currency ORDER BY bucket"
    )
    with sqlite3.connect(db_path, timeout=5.0) as conn:
        # ok: VC402/VC422
        return pd.read_sql_query(query, conn, params=list(accounts))


def large_debits(frame: pd.DataFrame, threshold: float) -> pd.DataFrame:
    # ok: VC409/VC413 -- a local variable in the expression, not text from outside
    return frame.query("total < -@threshold")
