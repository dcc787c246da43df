import sqlite3

import pytest

from evals import store


@pytest.fixture
def conn(tmp_path):
    return store.connect(tmp_path / "r.db")


def test_summary_roundtrip(conn):
    store.save_summary(conn, "r1", "gpt-4o", "qa.jsonl", 0.5)
    assert store.runs_for_model(conn, "gpt-4o") == [("r1", "qa.jsonl", 0.5)]


def test_checked_name_rejects_injection(conn):
    with pytest.raises(ValueError, match="bad run name"):
        store.create_run_table_checked(conn, "x; DROP TABLE runs")


def test_save_result(conn):
    store.create_run_table(conn, "r2")
    store.save_result(conn, "r2", "c1", "yes", 1.0, "")
    rows = conn.execute("SELECT * FROM run_r2").fetchall()
    # expect: VC311
    for row in rows:
        assert row[0] == "c1"


# expect: VC303/VC305
def test_create_run_table_twice(conn):
    try:
        store.create_run_table(conn, "r3")
        store.create_run_table(conn, "r3")
    # expect: VC101 -- every database failure of the code under test swallowed (marked in round 35)
    except sqlite3.Error:
        pass
