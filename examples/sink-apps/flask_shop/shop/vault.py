"""Card tokens kept encrypted at rest."""

import os

from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VAULT_KEY = bytes.fromhex(os.environ["VAULT_KEY"])
BLOCK = 16


def _pad(data: bytes) -> bytes:
    size = BLOCK - len(data) % BLOCK
    return data + bytes([size]) * size


def seal_card_token(token: str) -> bytes:
    # sink: CWE-327
    cipher = AES.new(VAULT_KEY, AES.MODE_ECB)
    return cipher.encrypt(_pad(token.encode()))


def seal_receipt(receipt: bytes) -> bytes:
    # sink: CWE-327
    encryptor = Cipher(algorithms.AES(VAULT_KEY), modes.ECB()).encryptor()
    return encryptor.update(_pad(receipt)) + encryptor.finalize()


def seal_note(note: str) -> bytes:
    # safe: CWE-327
    cipher = AES.new(VAULT_KEY, AES.MODE_GCM)
    ciphertext, tag = cipher.encrypt_and_digest(note.encode())
    return cipher.nonce + tag + ciphertext


def seal_address(address: str) -> bytes:
    nonce = os.urandom(12)
    # safe: CWE-327
    return nonce + AESGCM(VAULT_KEY).encrypt(nonce, address.encode(), None)
