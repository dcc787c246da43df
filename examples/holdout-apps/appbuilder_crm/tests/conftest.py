import pytest

from app import app as flask_app
from app import appbuilder, db


@pytest.fixture
def app():
    flask_app.config.update(TESTING=True, SQLALCHEMY_DATABASE_URI="sqlite://")
    with flask_app.app_context():
        db.create_all()
        sm = appbuilder.sm
        if not sm.find_user(username="admin"):
            sm.add_user("admin", "Ada", "Admin", "admin@acme.test", sm.find_role("Admin"), "admin-pass-1")
        yield flask_app
        db.session.remove()
        db.drop_all()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def api_token(client):
    resp = client.post(
        "/api/v1/security/login",
        json={"username": "admin", "password": "admin-pass-1", "provider": "db", "refresh": False},
    )
    assert resp.status_code == 200
    return resp.get_json()["access_token"]
