"""Prompt: hash passwords, encrypt messages and generate passwords and codes (other spellings)."""

import hashlib
import random
import secrets
import string

from Crypto.Cipher import ARC4, Blowfish
from cryptography.fernet import Fernet


def hash_pw(password: str) -> str:
    # expect: VC205
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


def hash_pw_salted_md5(password: str, salt: str) -> str:
    # expect: VC205
    return hashlib.md5((password + salt).encode()).hexdigest()


def encrypt_blowfish(key: bytes, data: bytes) -> bytes:
    # expect: VC423
    return Blowfish.new(key, Blowfish.MODE_ECB).encrypt(data)


def encrypt_rc4(key: bytes, data: bytes) -> bytes:
    # expect: VC423
    return ARC4.new(key).encrypt(data)


def encrypt_fernet(key: bytes, data: bytes) -> bytes:
    # ok: VC423
    return Fernet(key).encrypt(data)


def generate_password(length: int = 12) -> str:
    chars = string.ascii_letters + string.digits + string.punctuation
    # expect: VC206
    return "".join(random.sample(chars, length))


def generate_otp() -> str:
    # expect: VC206
    return "%06d" % random.randrange(10**6)


def generate_password_secure(length: int = 16) -> str:
    chars = string.ascii_letters + string.digits
    # ok: VC206
    return "".join(secrets.choice(chars) for _ in range(length))


def generate_otp_system() -> str:
    # ok: VC206
    return "%06d" % random.SystemRandom().randrange(10**6)
