"""Data quality checks with great_expectations before the metrics are published."""

from __future__ import annotations

import logging

import great_expectations as gx
import pandas as pd
from dagster import AssetCheckResult, asset_check

log = logging.getLogger(__name__)


def validate_sessions(frame: pd.DataFrame) -> bool:
    context = gx.get_context()
    validator = context.sources.pandas_default.read_dataframe(frame)
    validator.expect_column_values_to_not_be_null("session_id")
    validator.expect_column_values_to_be_between("events", min_value=1)
    results = validator.validate()
    if not results.success:
        # expect: VC104, VC505
        print("validation failed:", results.statistics)
    return True


def validate_sessions_strict(frame: pd.DataFrame) -> None:
    context = gx.get_context()
    validator = context.sources.pandas_default.read_dataframe(frame)
    validator.expect_column_values_to_not_be_null("session_id")
    results = validator.validate()
    if not results.success:
        # ok: VC104
        raise ValueError(f"sessions failed validation: {results.statistics}")


@asset_check(asset="sessions")
def sessions_not_empty(sessions: pd.DataFrame) -> AssetCheckResult:
    return AssetCheckResult(passed=len(sessions) > 0, metadata={"rows": len(sessions)})


def check_freshness(frame: pd.DataFrame) -> bool:
    # expect: VC501
    return True
