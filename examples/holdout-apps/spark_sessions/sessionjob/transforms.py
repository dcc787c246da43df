"""Pure DataFrame transforms: sessionize raw click events."""

from __future__ import annotations

from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def sessionize(events: DataFrame, gap_minutes: int = 30) -> DataFrame:
    """Assign a session id to each event: a new session starts after `gap_minutes` of inactivity."""
    by_user = Window.partitionBy("user_id").orderBy("event_ts")
    gap = F.col("event_ts").cast("long") - F.lag("event_ts").over(by_user).cast("long")
    flagged = events.withColumn("new_session", F.when(gap.isNull() | (gap > gap_minutes * 60), 1).otherwise(0))
    numbered = flagged.withColumn("session_seq", F.sum("new_session").over(by_user))
    return numbered.withColumn("session_id", F.concat_ws("-", "user_id", "session_seq")).drop("new_session")


def summarize(sessions: DataFrame) -> DataFrame:
    return sessions.groupBy("user_id", "session_id", "country").agg(
        F.min("event_ts").alias("started_at"),
        F.max("event_ts").alias("ended_at"),
        F.count("*").alias("events"),
        F.countDistinct("page").alias("pages"),
    )


def filter_countries(df: DataFrame, countries: list[str]) -> DataFrame:
    if not countries:
        return df
    # ok: VC402
    return df.where(F.col("country").isin(countries))


def filter_expression(df: DataFrame, condition: str) -> DataFrame:
    """Apply a SQL filter expression taken from the caller."""
    return df.filter(condition)
