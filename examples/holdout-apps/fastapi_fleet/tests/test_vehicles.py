from fastapi.testclient import TestClient

from fleet.main import app

client = TestClient(app)


# expect: VC303
def test_read_vehicle():
    client.get("/vehicles/1", headers={"Authorization": "Bearer test"})


def test_search_returns_list():
    resp = client.get("/vehicles/", headers={"Authorization": "Bearer test"})
    # expect: VC310/VC304
    assert resp.json() is not None


def test_decommission_requires_admin():
    resp = client.delete("/vehicles/1", headers={"Authorization": "Bearer driver"})
    # ok: VC310/VC304
    assert resp.status_code == 403


def test_diagnostics():
    resp = client.post("/vehicles/1/diagnostics", headers={"Authorization": "Bearer test"})
    # expect: VC311
    if resp.status_code == 200:
        assert "output" in resp.json()
