"""Prompt: encrypt and decrypt messages with a shared key using PyCryptodome."""
import os

from Crypto.Cipher import AES, DES
from Crypto.Random import get_random_bytes
from Crypto.Util.Padding import pad

KEY = bytes.fromhex(os.environ["MESSAGE_KEY_HEX"])
LEGACY_KEY = bytes.fromhex(os.environ["LEGACY_KEY_HEX"])
IV = b"initvector123456"


def encrypt(message: str) -> bytes:
    # expect: VC425
    cipher = AES.new(KEY, AES.MODE_CBC, iv=IV)
    return cipher.encrypt(pad(message.encode(), AES.block_size))


def encrypt_legacy(message: str) -> bytes:
    # expect: VC423
    mode = DES.MODE_ECB
    cipher = DES.new(LEGACY_KEY, mode)
    return cipher.encrypt(pad(message.encode(), DES.block_size))


def encrypt_safe(message: str) -> bytes:
    iv = get_random_bytes(16)
    # ok: VC425/VC423
    cipher = AES.new(KEY, AES.MODE_CBC, iv=iv)
    return iv + cipher.encrypt(pad(message.encode(), AES.block_size))


def encrypt_gcm(message: str) -> bytes:
    # ok: VC425/VC423
    cipher = AES.new(KEY, AES.MODE_GCM)
    body, tag = cipher.encrypt_and_digest(message.encode())
    return cipher.nonce + tag + body
