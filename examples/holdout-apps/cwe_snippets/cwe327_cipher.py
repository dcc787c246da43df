"""Prompt: encrypt a credit card number before saving it."""

import os

from Crypto.Cipher import AES, DES
from Crypto.Util.Padding import pad
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

KEY = os.environ["CARD_KEY"].encode()[:16]


def encrypt_card_des(card_number: str) -> bytes:
    # expect: VC423
    cipher = DES.new(KEY[:8], DES.MODE_ECB)
    return cipher.encrypt(pad(card_number.encode(), DES.block_size))


def encrypt_card_aes_ecb(card_number: str) -> bytes:
    # expect: VC423
    cipher = AES.new(KEY, AES.MODE_ECB)
    return cipher.encrypt(pad(card_number.encode(), AES.block_size))


def encrypt_card_hazmat(card_number: str) -> bytes:
    # expect: VC423
    encryptor = Cipher(algorithms.AES(KEY), modes.ECB()).encryptor()
    return encryptor.update(pad(card_number.encode(), 16)) + encryptor.finalize()


def encrypt_card_gcm(card_number: str) -> bytes:
    # ok: VC423/VC425
    cipher = AES.new(KEY, AES.MODE_GCM)
    ciphertext, tag = cipher.encrypt_and_digest(card_number.encode())
    return cipher.nonce + tag + ciphertext
