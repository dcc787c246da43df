from unittest.mock import patch

import pytest

from interp import server


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setattr(server, "API_TOKENS", {"t"})
    return server.app.test_client()


def test_requires_token(client):
    assert client.post("/api/run", json={"code": "1"}).status_code == 401


def test_run_goes_to_container(client):
    with patch.object(server, "run_in_container") as run:
        run.return_value.__dict__ = {"stdout": "1", "stderr": "", "exit_code": 0}
        resp = client.post("/api/run", json={"code": "print(1)"}, headers={"Authorization": "Bearer t"})
    assert resp.status_code == 200
    run.assert_called_once_with("print(1)")


def test_solve_error(client):
    with patch.object(server, "solve", side_effect=RuntimeError("boom")):
        resp = client.post("/api/solve", json={"task": "x"}, headers={"Authorization": "Bearer t"})
    # expect: VC310
    assert resp.json


def test_delete_session_rejects_traversal(client):
    resp = client.delete("/api/sessions/..", headers={"Authorization": "Bearer t"})
    assert resp.status_code == 400
