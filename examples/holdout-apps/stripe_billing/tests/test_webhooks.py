import hashlib
import hmac
import json
from unittest.mock import MagicMock, patch

import pytest
import stripe
from fastapi.testclient import TestClient

from billing import paypal, webhooks
from billing.main import app


@pytest.fixture
def client():
    return TestClient(app)


def sign(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def test_stripe_webhook_handles_event(client, monkeypatch):
    event = {"type": "payment_intent.succeeded", "data": {"object": {"id": "pi_1"}}}
    handled = MagicMock()
    monkeypatch.setattr(webhooks, "handle_stripe_event", handled)
    monkeypatch.setattr(stripe.Webhook, "construct_event", lambda payload, sig, secret: event)
    resp = client.post("/webhooks/stripe/v2", content=json.dumps(event), headers={"Stripe-Signature": "t=1,v1=x"})
    assert resp.status_code == 200
    # ok: VC308
    handled.assert_called_once_with(event)


def test_github_signature_accepted(client, monkeypatch):
    monkeypatch.setattr(webhooks.settings, "github_webhook_secret", "s3cret")
    body = b'{"action": "published"}'
    resp = client.post("/webhooks/github/deployments", content=body, headers={"X-Hub-Signature-256": sign(body, "s3cret")})
    assert resp.json() == {"ok": True, "action": "published"}


def test_github_bad_signature(client, monkeypatch):
    monkeypatch.setattr(webhooks.settings, "github_webhook_secret", "s3cret")
    try:
        resp = client.post("/webhooks/github/releases", content=b"{}", headers={"X-Hub-Signature-256": "sha256=0"})
        assert resp.status_code == 401
    # expect: VC305
    except Exception:
        pass


# expect: VC308
def test_paypal_verification():
    with patch.object(paypal, "verify_webhook", return_value=True) as verify:
        result = verify({"PAYPAL-TRANSMISSION-ID": "1"}, {"id": "WH-1"})
    assert result is True


def test_paypal_webhook_rejects_unverified(client, monkeypatch):
    async def unverified(headers, event):
        return False

    monkeypatch.setattr(paypal, "verify_webhook", unverified)
    resp = client.post("/webhooks/paypal", json={"id": "WH-2"})
    # ok: VC310
    assert resp.status_code == 400


def test_checkout_returns_url(client, monkeypatch):
    monkeypatch.setattr(stripe.checkout.Session, "create", MagicMock(return_value=MagicMock(url="https://checkout.test/s")))
    resp = client.post("/billing/subscribe", json={"plan": "team", "amount_cents": 0},
                       headers={"Authorization": "Bearer test"})
    # expect: VC310
    assert resp.json().get("url")
