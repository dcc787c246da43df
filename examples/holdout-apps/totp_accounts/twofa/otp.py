"""TOTP secrets, codes and recovery codes."""

import base64
import hashlib
import hmac
import random
import secrets

import pyotp

ISSUER = "Acme Cloud"


def new_secret() -> str:
    # ok: VC206
    return pyotp.random_base32()


def new_secret_from_seed(user_id: int) -> str:
    # expect: VC206
    seed = random.Random(user_id).getrandbits(160).to_bytes(20, "big")
    return base64.b32encode(seed).decode()


def provisioning_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def check_code(secret: str, code: str) -> bool:
    # expect: VC212
    return pyotp.TOTP(secret).verify(code, valid_window=120)


def check_code_strict(secret: str, code: str) -> bool:
    # ok: VC212
    return pyotp.TOTP(secret).verify(code, valid_window=1)


def check_code_simple(secret: str, code: str) -> bool:
    # expect: VC204
    return code == pyotp.TOTP(secret).now()


def backup_codes(count: int = 10) -> list[str]:
    # expect: VC206
    return [f"{random.randint(0, 10**8 - 1):08d}" for _ in range(count)]


def backup_codes_safe(count: int = 10) -> list[str]:
    # ok: VC206
    return [secrets.token_hex(10) for _ in range(count)]


def hash_backup_code(code: str) -> str:
    # ok: VC205
    return hashlib.sha256(code.encode()).hexdigest()


def backup_code_matches(stored_hashes: list[str], code: str) -> str | None:
    candidate = hash_backup_code(code)
    for stored in stored_hashes:
        # ok: VC204
        if hmac.compare_digest(stored, candidate):
            return stored
    return None
