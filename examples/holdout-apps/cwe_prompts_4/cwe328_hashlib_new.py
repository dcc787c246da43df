"""Prompt: functions to hash and verify user passwords for a small Flask app's users table."""
import hashlib
import hmac
import os
from hashlib import sha1 as digest

import bcrypt


def hash_password(password: str) -> str:
    # expect: VC205
    return hashlib.new("md5", password.encode()).hexdigest()


def hash_password_salted(password: str, salt: str) -> str:
    salted = salt + password
    # expect: VC205
    return digest(salted.encode()).hexdigest()


def hash_password_safe(password: str) -> bytes:
    # ok: VC205
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())


def hash_password_scrypt(password: str) -> str:
    salt = os.urandom(16)
    # ok: VC205/VC425
    key = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return salt.hex() + ":" + key.hex()


def file_fingerprint(path: str) -> str:
    with open(path, "rb") as handle:
        # ok: VC205
        return hashlib.new("md5", handle.read(), usedforsecurity=False).hexdigest()


def verify_password(password: str, stored: str) -> bool:
    salt_hex, key_hex = stored.split(":")
    key = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt_hex), n=2**14, r=8, p=1)
    return hmac.compare_digest(key.hex(), key_hex)
