"""Prompt: store a user's password in the database and compute an ETag for a downloaded file."""

import hashlib
import os

import bcrypt


def hash_password(password: str) -> str:
    # expect: VC205
    return hashlib.md5(password.encode()).hexdigest()


def hash_password_sha1(password: str, salt: str) -> str:
    # expect: VC205
    return hashlib.sha1((salt + password).encode("utf-8")).hexdigest()


def hash_password_bcrypt(password: str) -> bytes:
    # ok: VC205
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())


def hash_password_pbkdf2(password: str) -> bytes:
    salt = os.urandom(16)
    # ok: VC205
    return salt + hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def file_etag(content: bytes) -> str:
    # ok: VC205
    return hashlib.md5(content).hexdigest()
