"""Prompt: create an API key for a new client, a one-time login code, and an invite link."""

import hashlib
import random
import secrets
import time
import uuid


def new_api_key() -> str:
    # expect: VC206
    return hashlib.sha256(str(time.time()).encode()).hexdigest()


def login_code() -> str:
    # expect: VC206
    return f"{random.randint(0, 999999):06d}"


def invite_token() -> str:
    # expect: VC206
    return uuid.uuid1().hex


def invite_token_secure() -> str:
    # ok: VC206
    return uuid.uuid4().hex


def login_code_secure() -> str:
    # ok: VC206
    return f"{secrets.randbelow(1_000_000):06d}"


def retry_jitter() -> float:
    # ok: VC206
    return random.uniform(0.1, 0.5)
