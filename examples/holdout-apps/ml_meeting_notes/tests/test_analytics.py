from unittest.mock import MagicMock, patch

import pytest

from meetnotes import analytics
from meetnotes.analytics import metric_summary, weekly_report


def test_weekly_report_sums_durations(meetings):
    report = weekly_report(meetings)
    # ok: VC310
    assert report["duration_min"].tolist() == [75, 90]


def test_weekly_report_runs(meetings):
    report = weekly_report(meetings)
    # expect: VC310
    assert report is not None


def test_metric_summary_rejects_unknown_column(cfg, meetings):
    with patch.object(analytics, "chat", return_value="title"), pytest.raises(ValueError):
        metric_summary(cfg, meetings, "what is the title?")


def test_answer_question(cfg, meetings):
    with patch.object(analytics, "chat", return_value="```python\nresult = df['duration_min'].sum()\n```"):
        answer = analytics.answer_question(cfg, meetings, "total minutes?")
    # expect: VC311
    if answer is not None:
        assert answer == 165


# expect: VC308
def test_chat_returns_model_text():
    fake_client = MagicMock()
    fake_client.chat.completions.create.return_value.choices = [MagicMock(message=MagicMock(content="hi"))]
    reply = fake_client.chat.completions.create(model="x", messages=[])
    assert reply.choices[0].message.content == "hi"


# expect: VC306
@pytest.mark.skip
# expect: VC303
def test_ask_database(cfg):
    analytics.ask_database(cfg, "sqlite://", "longest meeting?")


# ok: VC306
@pytest.mark.skip(reason="needs a running SQL database")
def test_ask_database_against_postgres(cfg):
    frame = analytics.ask_database(cfg, "postgresql://localhost/meetnotes", "longest meeting?")
    assert len(frame) == 1
