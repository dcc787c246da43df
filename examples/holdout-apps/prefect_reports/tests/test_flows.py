from datetime import timedelta
from unittest.mock import MagicMock, patch

import pandas as pd
import pytest
from prefect.testing.utilities import prefect_test_harness

from reports import db, flows, notify


@pytest.fixture(autouse=True, scope="session")
def prefect_harness():
    with prefect_test_harness():
        yield


def test_render_summary_safe_escapes_title():
    html = flows.render_summary_safe.fn(pd.DataFrame({"day": [1]}), "<b>x</b>")
    assert "&lt;b&gt;" in html


def test_load_sales_returns_frame(monkeypatch):
    monkeypatch.setattr(db, "run_query", lambda sql, params=None: pd.DataFrame({"day": [1], "revenue": [10.0]}))
    frame = flows.load_sales.fn("eu", "2024-01-01", "2024-01-07")
    # expect: VC310
    assert frame is not None


# expect: VC308
def test_post_to_slack():
    with patch("reports.notify.requests") as req:
        req.post.return_value.status_code = 200
        assert req.post.return_value.status_code == 200


def test_post_to_slack_checked_raises_on_error():
    with patch("reports.notify.requests.post") as post:
        post.return_value.raise_for_status.side_effect = RuntimeError("500")
        # ok: VC305
        with pytest.raises(RuntimeError, match="500"):
            notify.post_to_slack_checked("https://hooks.example", "hi")


def test_write_excel_safe_names(tmp_path, monkeypatch):
    monkeypatch.setattr(flows, "OUTPUT_DIR", tmp_path)
    path = flows.write_excel_safe.fn(pd.DataFrame({"a": [1]}), "EU", "2024-05-01")
    # ok: VC310
    assert path.name == "sales-eu-20240501.xlsx"


# expect: VC306
@pytest.mark.skip
# expect: VC303
def test_weekly_report_flow():
    flows.weekly_sales_report_safe(region="eu")


def test_fetch_fx_rates_bounded(monkeypatch):
    fake = MagicMock()
    fake.json.return_value = {"EURUSD": 1.08}
    monkeypatch.setattr(flows.requests, "get", lambda *a, **k: fake)
    rates = flows.fetch_fx_rates_bounded.fn("2024-05-01")
    # expect: VC311
    if rates:
        assert rates["EURUSD"] == 1.08
