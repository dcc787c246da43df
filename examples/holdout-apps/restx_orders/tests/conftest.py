import pytest

from shopapi.app import create_app
from shopapi.extensions import db


@pytest.fixture()
def client():
    app = create_app()
    app.config.update(TESTING=True, SQLALCHEMY_DATABASE_URI="sqlite://")
    with app.app_context():
        db.create_all()
        yield app.test_client()
