import pytest

from inventory import create_app
from inventory.models import db


@pytest.fixture
def app():
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    yield app
    with app.app_context():
        db.drop_all()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def widget(client):
    resp = client.post("/api/items", json={"sku": "W-1", "name": "Widget", "quantity": 3})
    return resp.get_json()
