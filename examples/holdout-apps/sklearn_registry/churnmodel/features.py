"""Feature engineering and a Redis feature cache."""

from __future__ import annotations

import json
import logging
import pickle

import numpy as np
import pandas as pd
import redis

log = logging.getLogger(__name__)

NUMERIC = ["tenure_months", "monthly_charges", "total_charges", "support_tickets"]
CATEGORICAL = ["contract", "payment_method", "internet_service"]

_redis = redis.Redis.from_url("redis://localhost:6379/2")


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["total_charges"] = pd.to_numeric(out["total_charges"], errors="coerce").fillna(0.0)
    out["charges_per_month"] = out["total_charges"] / out["tenure_months"].clip(lower=1)
    out["log_tickets"] = np.log1p(out["support_tickets"])
    return out


def cached_features(customer_id: str) -> pd.DataFrame | None:
    raw = _redis.get(f"features:{customer_id}")
    if raw is None:
        return None
    # expect: VC406
    return pickle.loads(raw)


def cache_features(customer_id: str, frame: pd.DataFrame) -> None:
    _redis.setex(f"features:{customer_id}", 3600, pickle.dumps(frame))


def cached_scores(customer_id: str) -> dict | None:
    raw = _redis.get(f"scores:{customer_id}")
    # ok: VC406
    return json.loads(raw) if raw else None


def parse_row(line: str) -> dict:
    try:
        return json.loads(line)
    except Exception:
        # expect: VC103/VC102
        return {}
