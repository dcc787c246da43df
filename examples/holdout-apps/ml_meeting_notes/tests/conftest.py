import pandas as pd
import pytest

from meetnotes.config import AppConfig


@pytest.fixture
def cfg(tmp_path, monkeypatch):
    # ok: VC403
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    return AppConfig(openai_api_key="sk-test", output_dir=str(tmp_path))


@pytest.fixture
def meetings():
    return pd.DataFrame({
        "title": ["standup", "retro", "planning"],
        "duration_min": [15, 60, 90],
        "attendees": [5, 7, 6],
        "started_at": pd.to_datetime(["2024-05-06", "2024-05-07", "2024-05-14"]),
    })
