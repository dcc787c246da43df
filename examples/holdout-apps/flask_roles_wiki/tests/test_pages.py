import pytest

from wiki import create_app
from wiki.config import TestConfig
from wiki.extensions import db
from wiki.models import User


@pytest.fixture
def app(monkeypatch):
    monkeypatch.setenv("WIKI_SECRET_KEY", "test-only")
    app = create_app(TestConfig)
    with app.app_context():
        db.create_all()
        user = User(email="ann@example.com")
        user.set_password("correct horse")
        db.session.add(user)
        db.session.commit()
        yield app


def test_index_requires_login(app):
    response = app.test_client().get("/")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_admin_users_forbidden_for_readers(app):
    client = app.test_client()
    client.post("/login", data={"email": "ann@example.com", "password": "correct horse"})
    assert client.get("/admin/users").status_code == 403
