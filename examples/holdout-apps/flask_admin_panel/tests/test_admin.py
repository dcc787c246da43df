from unittest.mock import MagicMock


def test_promote_commits(client, monkeypatch):
    fake_db = MagicMock()
    monkeypatch.setattr("panel.views.admin.db", fake_db)
    client.post("/admin/users/1/promote")
    # ok: VC308 -- the app runs through the test client; the test is weak (it checks a call, not the result) but not mock-only
    fake_db.session.commit.assert_called_once()


# expect: VC303
def test_dashboard_loads(client):
    client.get("/admin/")


def test_export_returns_something(client):
    response = client.get("/admin/users/export")
    # expect: VC304/VC310
    assert response


def test_login_page_renders(client):
    response = client.get("/login")
    assert response.status_code == 200
    assert b"Sign in" in response.data
