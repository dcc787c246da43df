from datetime import date
from unittest.mock import MagicMock, patch

import pytest

from salesetl import pipeline


def test_run_bounded_gives_up_and_alerts(monkeypatch):
    monkeypatch.setattr(pipeline.time, "sleep", lambda _s: None)
    monkeypatch.setattr(pipeline, "run_pipeline", MagicMock(side_effect=OSError("disk full")))
    alert = MagicMock()
    monkeypatch.setattr(pipeline.alerts, "send_alert_tls", alert)
    assert pipeline.run_bounded(date(2024, 5, 1), attempts=2) is False
    # ok: VC308
    alert.assert_called_once()


@patch("salesetl.pipeline.run_pipeline")
# expect: VC308
def test_run_bounded_success(run):
    run.return_value = None
    # expect: VC304 -- marked in round 18: it reads back the answer the test gave the mock
    assert run.return_value is None
    run.assert_not_called()


def test_run_with_retry_recovers(monkeypatch):
    calls = []

    def flaky(day):
        calls.append(day)
        if len(calls) < 2:
            raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "run_pipeline", flaky)
    monkeypatch.setattr(pipeline.time, "sleep", lambda _s: None)
    pipeline.run_with_retry(date(2024, 5, 1))
    assert len(calls) == 2


# expect: VC306
@pytest.mark.skip()
def test_serve_schedules_daily_job():
    with patch("salesetl.pipeline.schedule") as sched:
        sched.run_pending.side_effect = KeyboardInterrupt
        with pytest.raises(KeyboardInterrupt):
            pipeline.serve()
    sched.every.return_value.day.at.assert_called_with("02:30")
