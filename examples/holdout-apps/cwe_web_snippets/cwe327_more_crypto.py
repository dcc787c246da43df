"""Prompt: register a user storing a hashed password; encrypt a token with AES-CBC; derive a key from a passphrase."""

import hashlib
import os
import sqlite3

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad

KEY = os.environ["TOKEN_KEY"].encode()[:32]


def register(username: str, password: str) -> None:
    # expect: VC205
    digest = hashlib.new("md5", password.encode()).hexdigest()
    with sqlite3.connect("users.db") as conn:
        conn.execute("INSERT INTO users (username, password_hash) VALUES (?, ?)", (username, digest))


def register_plain(username: str, password: str) -> None:
    with sqlite3.connect("users.db") as conn:
        # expect: VC410
        conn.execute("INSERT INTO users (username, password) VALUES (?, ?)", (username, password))


def encrypt_token(token: str) -> bytes:
    # expect: VC425
    cipher = AES.new(KEY, AES.MODE_CBC, iv=b"0000000000000000")
    return cipher.encrypt(pad(token.encode(), AES.block_size))


def encrypt_token_random_iv(token: str) -> bytes:
    iv = os.urandom(16)
    # ok: VC425
    cipher = AES.new(KEY, AES.MODE_CBC, iv=iv)
    return iv + cipher.encrypt(pad(token.encode(), AES.block_size))


def derive_key(passphrase: str) -> bytes:
    # expect: VC425
    return hashlib.pbkdf2_hmac("sha256", passphrase.encode(), b"static-salt", 100_000)


def derive_key_salted(passphrase: str, salt: bytes) -> bytes:
    # ok: VC425
    return hashlib.pbkdf2_hmac("sha256", passphrase.encode(), salt, 600_000)
