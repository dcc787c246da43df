from unittest.mock import MagicMock

import jwt

from portal import oidc
from portal.redirects import safe_next

DISCOVERY = {
    "authorization_endpoint": "https://idp.test/authorize",
    "token_endpoint": "https://idp.test/token",
    "jwks_uri": "https://idp.test/jwks",
    "end_session_endpoint": "https://idp.test/logout",
}


def fake_tokens(sub: str = "abc", email: str = "ada@example.com") -> dict:
    id_token = jwt.encode({"sub": sub, "email": email, "aud": "portal"}, "not-checked", algorithm="HS256")
    return {"id_token": id_token, "access_token": "at-123", "refresh_token": "rt-456"}


def test_login_redirects_to_idp(client, monkeypatch):
    monkeypatch.setattr(oidc, "discovery", lambda issuer: DISCOVERY)
    resp = client.get("/oidc/login")
    assert resp.status_code == 302
    assert resp.headers["Location"].startswith("https://idp.test/authorize?")
    assert "state=" in resp.headers["Location"]


def test_callback_signs_in(client, monkeypatch):
    monkeypatch.setattr(oidc, "discovery", lambda issuer: DISCOVERY)
    monkeypatch.setattr(oidc, "exchange_code", lambda code, redirect_uri: fake_tokens())
    resp = client.get("/oidc/callback?code=xyz&state=whatever")
    # expect: VC310/VC304
    assert resp


def test_callback_checked_rejects_wrong_state(client, monkeypatch):
    monkeypatch.setattr(oidc, "discovery", lambda issuer: DISCOVERY)
    with client.session_transaction() as sess:
        sess["oidc_state"] = "expected"
    resp = client.get("/oidc/callback/checked?code=xyz&state=forged")
    # ok: VC310
    assert resp.status_code == 400


def test_exchange_code(app, monkeypatch):
    monkeypatch.setattr(oidc, "discovery", lambda issuer: DISCOVERY)
    monkeypatch.setattr(oidc, "exchange_code", MagicMock(return_value=fake_tokens()))
    with app.test_request_context():
        tokens = oidc.exchange_code("xyz", "https://portal.test/oidc/callback")
    # expect: VC308
    assert tokens["access_token"] == "at-123"


def test_safe_next_keeps_relative_paths():
    # ok: VC304
    assert safe_next("/billing?tab=1") == "/billing?tab=1"
    assert safe_next("https://evil.test/") == "/"
    assert safe_next("//evil.test/") == "/"
