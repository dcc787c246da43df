"""VC205 corpus: a fast hash of a parameter named as the module's password functions name the password they are handed
(`def hash_pw(secret_text)` beside `def old_digest(secret_text)`), not named a password itself."""

import hashlib
from hashlib import sha1

from argon2 import PasswordHasher

_argon = PasswordHasher()


def hash_passphrase(plain: str) -> str:
    return _argon.hash(plain)


def verify_passphrase(plain: str, stored_hash: str) -> bool:
    return _argon.verify(stored_hash, plain)


def v1_digest(plain: str) -> str:
    # expect: VC205 -- the same plain text the password functions take, hashed with SHA-1
    return sha1(("pepper:" + plain).encode()).hexdigest()


def migrate_row(plain: str, row: dict) -> bool:
    # expect: VC205
    if hashlib.md5(plain.encode("utf-8")).hexdigest() == row["digest"]:
        row["digest"] = hash_passphrase(plain)
        return True
    return False


def etag_for(plain: str) -> str:
    # ok: VC205 -- named for a content id
    return hashlib.md5(plain.encode()).hexdigest()


def avatar_url(email: str) -> str:
    # ok: VC205 -- a parameter the password functions do not take
    return "https://www.gravatar.com/avatar/" + hashlib.md5(email.lower().encode()).hexdigest()


def stored_hash_key(stored_hash: str) -> str:
    # ok: VC205 -- the stored hash the password check compares with, not the password
    return hashlib.sha256(stored_hash.encode()).hexdigest()
