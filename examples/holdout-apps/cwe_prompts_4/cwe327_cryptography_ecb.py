"""Prompt: encrypt card numbers before storing them (cryptography package)."""
import os

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY = bytes.fromhex(os.environ["CARD_KEY_HEX"])


def encrypt_card(number: str) -> bytes:
    padder = padding.PKCS7(128).padder()
    data = padder.update(number.encode()) + padder.finalize()
    # expect: VC423
    mode = modes.ECB()
    encryptor = Cipher(algorithms.AES(KEY), mode).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def encrypt_card_safe(number: str) -> bytes:
    nonce = os.urandom(12)
    # ok: VC423/VC425
    return nonce + AESGCM(KEY).encrypt(nonce, number.encode(), None)


def encrypt_card_cbc(number: str) -> bytes:
    padder = padding.PKCS7(128).padder()
    data = padder.update(number.encode()) + padder.finalize()
    iv = b"\x00" * 16
    # expect: VC425
    encryptor = Cipher(algorithms.AES(KEY), modes.CBC(iv)).encryptor()
    return iv + encryptor.update(data) + encryptor.finalize()
