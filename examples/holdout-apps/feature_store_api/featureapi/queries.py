"""Query helpers over the offline store and the parquet snapshots."""

from __future__ import annotations

import pandas as pd
import polars as pl
from sqlalchemy import text

from featureapi import db

SORTABLE = {"entity_id", "event_ts", "feature_name"}


def features_for_entity(entity_id: str, names: list[str]) -> pd.DataFrame:
    cols = ", ".join(names)
    # expect: VC402/VC417
    return pd.read_sql(f"SELECT entity_id, {cols} FROM features WHERE entity_id = '{entity_id}'", db.engine)


def features_for_entity_safe(entity_id: str) -> pd.DataFrame:
    # ok: VC402, VC417
    return pd.read_sql(
        text("SELECT * FROM features WHERE entity_id = :eid"),
        db.engine,
        params={"eid": entity_id},
    )


def history(entity_id: str, sort: str) -> pd.DataFrame:
    order = sort if sort in SORTABLE else "event_ts"
    # ok: VC402, VC417
    return pd.read_sql(
        text(f"SELECT * FROM feature_history WHERE entity_id = :eid ORDER BY {order}"),
        db.engine,
        params={"eid": entity_id},
    )


def snapshot_rows(snapshot: str, where: str) -> list[dict]:
    # expect: VC402/VC417
    rel = db.duck.sql(f"SELECT * FROM read_parquet('{db.SNAPSHOT_DIR}/{snapshot}.parquet') WHERE {where}")
    return rel.df().to_dict(orient="records")


def snapshot_for_entity(snapshot_path: str, entity_id: str) -> list[dict]:
    # ok: VC402
    rel = db.duck.execute("SELECT * FROM read_parquet(?) WHERE entity_id = ?", [snapshot_path, entity_id])
    return rel.df().to_dict(orient="records")


def polars_aggregate(frame: pl.DataFrame, group_by: str, metric: str) -> pl.DataFrame:
    ctx = pl.SQLContext(features=frame)
    # expect: VC402/VC417
    return ctx.execute(f"SELECT {group_by}, AVG({metric}) AS avg_value FROM features GROUP BY {group_by}", eager=True)


def polars_aggregate_safe(frame: pl.DataFrame, group_by: str, metric: str) -> pl.DataFrame:
    if group_by not in frame.columns or metric not in frame.columns:
        raise ValueError("unknown column")
    # ok: VC402
    return frame.group_by(group_by).agg(pl.col(metric).mean().alias("avg_value"))
