"""Tests for the refund endpoints and the Stripe webhook."""

import json
from decimal import Decimal
from unittest.mock import MagicMock, patch

import jwt
import pytest
from fastapi.testclient import TestClient
from tortoise.contrib.test import finalizer, initializer

from refunds import stripe_gateway
from refunds.main import app
from refunds.settings import settings


@pytest.fixture(scope="module")
def client():
    initializer(["refunds.models"], db_url="sqlite://:memory:")
    with TestClient(app) as c:
        yield c
    finalizer()


def auth_header(customer_id: int) -> dict:
    token = jwt.encode({"sub": str(customer_id)}, settings.jwt_secret, algorithm="HS256")
    return {"Authorization": f"Bearer {token}"}


def test_to_cents_rounds_half_up():
    # ok: VC303/VC304/VC310
    assert stripe_gateway.to_cents(Decimal("10.005")) == 1001


def test_refund_happy_path(client):
    with patch("refunds.stripe_gateway.stripe.Refund.create", return_value=MagicMock(id="re_123")):
        resp = client.post(
            "/invoices/1/refund",
            json={"amount": "5.00"},
            headers={**auth_header(1), "Idempotency-Key": "k-1"},
        )
    # expect: VC310/VC304
    assert resp


def test_refund_is_idempotent(client):
    headers = {**auth_header(1), "Idempotency-Key": "k-2"}
    with patch("refunds.stripe_gateway.stripe.Refund.create", return_value=MagicMock(id="re_124")) as create:
        first = client.post("/invoices/1/refund", json={"amount": "1.00"}, headers=headers)
        second = client.post("/invoices/1/refund", json={"amount": "1.00"}, headers=headers)
    # ok: VC303/VC310/VC304
    assert first.status_code == 200
    assert second.json()["status"] == "duplicate"
    create.assert_called_once()


# expect: VC303
def test_stripe_webhook_accepts_payment(client):
    event = {"id": "evt_1", "type": "payment_intent.succeeded", "data": {"object": {"id": "pi_1"}}}
    client.post("/webhooks/stripe", content=json.dumps(event))


# expect: VC308
def test_create_refund_calls_stripe():
    fake_refund = MagicMock(return_value=MagicMock(id="re_9"))
    result = fake_refund(payment_intent="pi_1", amount=500)
    assert result.id == fake_refund.return_value.id


def test_ledger_webhook_rejects_bad_signature(client):
    resp = client.post("/webhooks/ledger", content=b"{}", headers={"X-Ledger-Signature": "nope"})
    # ok: VC310/VC304
    assert resp.status_code == 401
