"""Helpers imported by the churn notebook (kept next to it so `import nb_helpers` works)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import text


def load_cohort(engine, cohort_month: str) -> pd.DataFrame:
    # expect: VC402
    return pd.read_sql(f"SELECT * FROM analytics.customers WHERE cohort = '{cohort_month}'", engine)


def load_cohort_bound(engine, cohort_month: str) -> pd.DataFrame:
    # ok: VC402
    return pd.read_sql(text("SELECT * FROM analytics.customers WHERE cohort = :cohort"), engine,
                       params={"cohort": cohort_month})


def clean(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.dropna(subset=["customer_id"])
    frame["tenure_days"] = (frame["last_seen"] - frame["signup"]).dt.days
    return frame


def winsorize(series: pd.Series, lower: float = 0.01, upper: float = 0.99) -> pd.Series:
    # expect: VC501
    return series
