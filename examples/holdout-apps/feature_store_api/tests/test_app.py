from unittest.mock import patch

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from featureapi import app as app_module

SNAPSHOT = pd.DataFrame(
    {
        "entity_id": ["a", "b", "c"],
        "segment": ["smb", "ent", "smb"],
        "ltv_90d": [10.0, 250.0, 40.0],
    }
)


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("ML_API_KEY", "test-key")
    with patch.object(app_module, "_load_snapshot", return_value=SNAPSHOT.copy()):
        yield TestClient(app_module.app)


def test_segment_filters(client):
    resp = client.get(
        "/cohorts/segment", params={"snapshot": "s1", "segment": "smb", "min_ltv": 20}, headers={"x-api-key": "test-key"}
    )
    assert resp.status_code == 200
    assert [r["entity_id"] for r in resp.json()] == ["c"]


def test_requires_key(client):
    resp = client.get("/cohorts/segment", params={"snapshot": "s1", "segment": "smb"})
    assert resp.status_code == 401


def test_aggregates_safe_rejects_unknown_column(client):
    resp = client.get(
        "/aggregates/safe", params={"snapshot": "s1", "group_by": "nope", "metric": "ltv_90d"}, headers={"x-api-key": "test-key"}
    )
    assert resp.status_code == 400


def test_cohort_query(client):
    resp = client.post(
        "/cohorts/query", json={"snapshot": "s1", "condition": "ltv_90d > 100"}, headers={"x-api-key": "test-key"}
    )
    data = resp.json()
    # expect: VC311
    if resp.status_code == 200:
        assert data[0]["entity_id"] == "b"


def test_export_safe(client, tmp_path):
    with patch.object(app_module, "EXPORT_DIR", tmp_path):
        resp = client.post("/exports/safe", json={"snapshot": "s1", "filename": "x.csv"}, headers={"x-api-key": "test-key"})
    # expect: VC310
    assert resp.json()["id"]
