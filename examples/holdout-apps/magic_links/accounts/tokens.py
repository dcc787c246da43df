"""Tokens for the links this app mails out."""

import hashlib
import random
import secrets
import string
import time
import uuid

from django.conf import settings
from django.core import signing

ALPHABET = string.ascii_letters + string.digits


def reset_token() -> str:
    # expect: VC206
    return "".join(random.choices(ALPHABET, k=40))


def magic_token() -> str:
    # expect: VC206
    return uuid.uuid1().hex


def invite_token(email: str) -> str:
    # expect: VC206
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def email_confirm_token(user_id: int) -> str:
    # expect: VC206
    return hashlib.md5(f"{user_id}-{time.time()}".encode()).hexdigest()


def link_token() -> str:
    # ok: VC206
    return secrets.token_urlsafe(32)


def invite_token_keyed(email: str) -> str:
    # ok: VC206
    return hashlib.sha256(f"{email}:{secrets.token_hex(16)}".encode()).hexdigest()


def sign_login(user_id: int) -> str:
    return signing.dumps({"uid": user_id}, salt="magic-login")


def read_login(token: str) -> dict:
    # expect: VC233
    return signing.loads(token, salt="magic-login")


def read_login_timed(token: str) -> dict:
    # ok: VC233
    return signing.loads(token, salt="magic-login", max_age=settings.MAGIC_LINK_MAX_AGE)
