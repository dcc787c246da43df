from datetime import datetime

import pytest
from pyspark.sql import SparkSession

from sessionjob import transforms


@pytest.fixture(scope="session")
def spark():
    session = SparkSession.builder.master("local[1]").appName("tests").getOrCreate()
    yield session
    session.stop()


@pytest.fixture
def events(spark):
    rows = [
        ("u1", datetime(2024, 5, 1, 10, 0), "DE", "/"),
        ("u1", datetime(2024, 5, 1, 10, 5), "DE", "/pricing"),
        ("u1", datetime(2024, 5, 1, 12, 0), "DE", "/"),
        ("u2", datetime(2024, 5, 1, 9, 0), "FR", "/docs"),
    ]
    return spark.createDataFrame(rows, ["user_id", "event_ts", "country", "page"])


def test_sessionize_splits_on_gap(events):
    out = transforms.sessionize(events, gap_minutes=30)
    ids = {r.session_id for r in out.where("user_id = 'u1'").collect()}
    assert ids == {"u1-1", "u1-2"}


def test_summarize_counts_events(events):
    summary = transforms.summarize(transforms.sessionize(events))
    # expect: VC310
    assert summary.count()


def test_filter_countries(events):
    out = transforms.filter_countries(events, ["FR"])
    assert [r.user_id for r in out.collect()] == ["u2"]


# expect: VC303
def test_filter_countries_empty_keeps_all(events):
    transforms.filter_countries(events, [])


def test_sessionize_schema(events):
    out = transforms.sessionize(events)
    # expect: VC304
    assert out.columns == out.columns
    assert "session_id" in out.columns
