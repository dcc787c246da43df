# expect: VC302
"""Verify and route processor webhooks."""

from __future__ import annotations

import hashlib
import hmac
import json

from payments.ledger import process


class SignatureError(Exception):
    pass


def verify(payload: bytes, signature: str, secret: str) -> dict:
    expected = hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise SignatureError("bad signature")
    return json.loads(payload)


def handle(payload: bytes, signature: str, secret: str) -> list:
    return process(verify(payload, signature, secret))
