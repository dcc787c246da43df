"""Archives leave the host encrypted: AES-GCM under a key derived from the passphrase with scrypt."""

import os
import struct
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"SNAP1"
SALT_BYTES = 16
NONCE_BYTES = 12


class DecryptionError(ValueError):
    """Wrong passphrase, or the file was changed."""


def _key(passphrase: str, salt: bytes) -> bytes:
    # ok: VC205/VC425 -- scrypt with a random salt per file
    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode("utf-8"))


def encrypt_file(source: Path, target: Path, passphrase: str) -> None:
    # ok: VC425
    salt = os.urandom(SALT_BYTES)
    # ok: VC425
    nonce = os.urandom(NONCE_BYTES)
    # ok: VC423
    sealed = AESGCM(_key(passphrase, salt)).encrypt(nonce, source.read_bytes(), MAGIC)
    target.write_bytes(MAGIC + struct.pack(">B", 1) + salt + nonce + sealed)


def decrypt_file(source: Path, passphrase: str) -> bytes:
    data = source.read_bytes()
    header = len(MAGIC) + 1
    if not data.startswith(MAGIC) or len(data) < header + SALT_BYTES + NONCE_BYTES:
        raise DecryptionError(f"{source} is not a snapkit archive")
    salt = data[header : header + SALT_BYTES]
    nonce = data[header + SALT_BYTES : header + SALT_BYTES + NONCE_BYTES]
    try:
        return AESGCM(_key(passphrase, salt)).decrypt(nonce, data[header + SALT_BYTES + NONCE_BYTES :], MAGIC)
    except InvalidTag as exc:
        raise DecryptionError("wrong passphrase or damaged archive") from exc
