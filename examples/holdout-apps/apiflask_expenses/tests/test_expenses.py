"""Tests for the expense API."""

from decimal import Decimal

import pytest

from expenses import create_app
from expenses.models import Expense, Team, User, db


class TestConfig:
    SECRET_KEY = "test"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    TESTING = True
    UPLOAD_DIR = "/tmp"
    RECEIPTS_DIR = "/tmp"
    TOKEN_MAX_AGE = 3600


@pytest.fixture
def client():
    app = create_app(TestConfig)
    with app.app_context():
        db.create_all()
        db.session.add(Team(id=1, name="core"))
        db.session.commit()
    return app.test_client()


def login(client, email="a@example.com", password="pw"):
    client.post("/auth/register", json={"email": email, "password": password, "team_id": 1})
    return client.post("/auth/login", json={"email": email, "password": password}).json["token"]


def test_submit_expense(client):
    token = login(client)
    resp = client.post("/expenses", json={"description": "Taxi", "amount": "12.50"}, headers={"Authorization": f"Bearer {token}"})
    # ok: VC310/VC304
    assert resp.status_code == 201
    assert resp.json["amount"] == "12.50"


def test_approve_expense(client):
    token = login(client)
    client.post("/expenses", json={"description": "Hotel", "amount": "100"}, headers={"Authorization": f"Bearer {token}"})
    resp = client.post("/expenses/1/approve", headers={"Authorization": f"Bearer {token}", "X-User-Role": "manager"})
    # expect: VC311
    if resp.status_code == 200:
        assert resp.json["status"] == "approved"


def test_import_csv(client, tmp_path):
    token = login(client)
    csv_file = tmp_path / "e.csv"
    csv_file.write_text("description,amount\nLunch,9.99\n")
    try:
        with csv_file.open("rb") as fh:
            resp = client.post("/expenses/import", data={"file": (fh, "e.csv")}, headers={"Authorization": f"Bearer {token}"})
        assert resp.json["created"] == 1
    # expect: VC305
    except Exception:
        pass


def test_decimal_amounts():
    e = Expense(description="x", amount=Decimal("1.10"), owner_id=1, team_id=1)
    # expect: VC304
    assert e.amount == e.amount


# expect: VC306
@pytest.mark.skip
def test_export_csv(client):
    token = login(client)
    resp = client.get("/expenses/export.csv", headers={"Authorization": f"Bearer {token}"})
    assert b"description" in resp.data


def test_user_model_defaults():
    user = User(email="b@example.com", password_hash="x")
    # ok: VC304/VC310
    assert user.role in (None, "member")
