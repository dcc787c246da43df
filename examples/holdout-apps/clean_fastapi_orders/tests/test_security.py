"""Tokens, passwords and webhook signatures."""

import hashlib
import hmac
from datetime import datetime, timedelta, timezone

import jwt
import pytest
from fastapi import HTTPException
from hypothesis import given
from hypothesis import strategies as st

from orders.config import get_settings
from orders.security import get_current_user, hash_password, signature_is_valid, verify_password


@given(st.text(min_size=1, max_size=64))
def test_password_round_trip(password: str) -> None:
    stored = hash_password(password)
    assert stored != password
    assert verify_password(password, stored)
    assert not verify_password(password + "x", stored)


def test_signature_accepts_only_the_right_secret() -> None:
    body = b'{"order_id": 1, "status": "shipped"}'
    good = hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert signature_is_valid(body, good, "s3cret")
    assert not signature_is_valid(body, good, "other")
    assert not signature_is_valid(body + b" ", good, "s3cret")


def test_expired_token_is_rejected(session_factory) -> None:
    settings = get_settings()
    past = datetime.now(timezone.utc) - timedelta(hours=1)
    token = jwt.encode({"sub": "1", "exp": past}, settings.jwt_secret.get_secret_value(), algorithm="HS256")
    with session_factory() as db, pytest.raises(HTTPException, match="Could not validate credentials"):
        get_current_user(token, db, settings)


def test_token_signed_with_another_key_is_rejected(session_factory) -> None:
    future = datetime.now(timezone.utc) + timedelta(hours=1)
    token = jwt.encode({"sub": "1", "exp": future}, "not-the-server-key", algorithm="HS256")
    with session_factory() as db, pytest.raises(HTTPException) as excinfo:
        get_current_user(token, db, get_settings())
    assert excinfo.value.status_code == 401
