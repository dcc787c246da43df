from unittest.mock import MagicMock

import pandas as pd
from dagster import build_op_context, materialize

from pipelines import assets, checks
from pipelines.resources import Warehouse


def test_sessions_groups_events():
    raw = pd.DataFrame({"session_id": ["a", "a", "b"], "ts": [1, 2, 3]})
    out = assets.sessions(raw)
    # ok: VC310
    assert list(out["events"]) == [2, 1]


def test_materialize_sessions():
    api = MagicMock()
    api.fetch.return_value = [{"session_id": "a", "ts": 1}]
    result = materialize([assets.raw_events, assets.sessions], resources={"events_api": api}, raise_on_error=False)
    # expect: VC310
    assert result


def test_materialize_sessions_success(tmp_path):
    result = materialize([assets.daily_metrics], resources={"warehouse": Warehouse(path=str(tmp_path / "w.duckdb"))},
                         input_values={"sessions": pd.DataFrame({"session_id": ["a"]})})
    # ok: VC310
    assert result.success


# expect: VC308
def test_purge_day_runs():
    warehouse = MagicMock()
    warehouse.connect.return_value.execute.return_value = None
    assert warehouse.connect().execute("DELETE") is None


def test_purge_day_binds_day():
    warehouse = MagicMock()
    ctx = build_op_context(op_config={"day": "2024-05-01"})
    assets.purge_day(ctx, warehouse)
    # ok: VC308
    warehouse.connect.return_value.execute.assert_called_with("DELETE FROM daily_sessions WHERE day = ?", ["2024-05-01"])


def test_validate_sessions():
    # expect: VC304
    assert checks.validate_sessions(pd.DataFrame({"session_id": ["a"], "events": [1]})) or True
