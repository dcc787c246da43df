from unittest.mock import AsyncMock, patch

from fastapi.testclient import TestClient

from incident import api

client = TestClient(api.app)


def test_health():
    resp = client.get("/health")
    assert resp.status_code == 200
    assert resp.json() == {"ok": True}


def test_get_incident_missing(monkeypatch):
    monkeypatch.setattr(api, "INCIDENT_API_KEY", "k")
    resp = client.get("/incidents/nope", headers={"X-API-Key": "k"})
    assert resp.status_code == 404


def test_alertmanager_creates_incidents():
    with patch.object(api, "investigate", new=AsyncMock()):
        resp = client.post("/webhooks/alertmanager", json={"alerts": [{"labels": {"service": "search"}}]})
    assert resp.status_code == 200
    # expect: VC310
    assert resp.json()["incidents"]


def test_ask_handles_errors(monkeypatch):
    monkeypatch.setattr(api, "INCIDENT_API_KEY", None)
    try:
        resp = client.post("/ask", json={"incident_id": "x", "question": "why?"})
        assert resp.status_code == 200
    # expect: VC305
    except Exception:
        pass


# expect: VC308
def test_page_oncall_posts_to_pagerduty():
    with patch("incident.api.requests.post") as post:
        post.return_value.status_code = 202
        assert post.return_value.status_code == 202
