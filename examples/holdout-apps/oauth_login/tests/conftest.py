import pytest

from portal import create_app
from portal.config import Config
from portal.models import db


class TestConfig(Config):
    SECRET_KEY = "test-only"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    TESTING = True
    OIDC_ISSUER = "https://idp.test"


@pytest.fixture
def app(monkeypatch):
    monkeypatch.setenv("PORTAL_SECRET_KEY", "test-only")
    app = create_app(TestConfig)
    with app.app_context():
        db.create_all()
        yield app


@pytest.fixture
def client(app):
    return app.test_client()
