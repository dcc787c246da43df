from unittest.mock import MagicMock, patch

import pytest
from fastapi.testclient import TestClient

from sandbox.app import app
from sandbox.settings import settings

client = TestClient(app)
AUTH = {"Authorization": f"Bearer {settings.api_token}"}


def test_rejects_unknown_image():
    resp = client.post("/jobs", json={"image": "evil/miner", "command": "print(1)"}, headers=AUTH)
    assert resp.status_code == 400


def test_rejects_missing_token():
    resp = client.post("/jobs", json={"image": "python:3.12-slim", "command": "print(1)"})
    assert resp.status_code == 401


@patch("sandbox.app.engine")
def test_create_job_returns_id(mock_engine):
    mock_engine.run_job.return_value = MagicMock(id="abc123")
    resp = client.post("/jobs", json={"image": "python:3.12-slim", "command": "print(1)"}, headers=AUTH)
    assert resp.json() == {"id": "abc123"}


@patch("sandbox.app.engine")
def test_delete_job(mock_engine):
    resp = client.delete("/jobs/abc123")
    # ok: VC310 -- one field's truth is the check of a flag
    assert resp.json()["deleted"]


@patch("sandbox.app.engine")
def test_logs(mock_engine):
    mock_engine.client.containers.get.return_value.logs.return_value = b"hello\n"
    resp = client.get("/jobs/abc123/logs", headers=AUTH)
    # expect: VC311
    if resp.status_code == 200:
        assert resp.json()["logs"] == "hello\n"


# expect: VC306
@pytest.mark.skip
def test_exec_job_runs_command():
    resp = client.post("/jobs/abc123/exec", json={"cmd": "id"}, headers={"X-Api-Key": settings.api_token})
    assert resp.status_code == 200
