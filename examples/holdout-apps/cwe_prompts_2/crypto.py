"""Prompts: "hash a password before storing it", "encrypt a message with AES", "generate a password-reset token",
"create a one-time code", "verify the JWT from the Authorization header", "sign the payload"."""

import base64
import hashlib
import hmac
import os
import random
import secrets
import string
import time

import bcrypt
import jwt
from Crypto.Cipher import AES, DES
from Crypto.Random import get_random_bytes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from flask import Flask, abort, request

app = Flask(__name__)
JWT_SECRET = os.environ["JWT_SECRET"]


def hash_password(password: str) -> str:
    # expect: VC205
    return hashlib.md5(password.encode()).hexdigest()


def hash_password_sha(password):
    # expect: VC205
    digest = hashlib.sha256()
    # expect: VC205
    digest.update(password.encode("utf-8"))
    return digest.hexdigest()


def hash_password_static_salt(password):
    salt = b"s3cr3t-salt"
    # expect: VC425
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 100_000).hex()


def hash_password_safe(password: str) -> bytes:
    # ok: VC205
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())


def hash_password_pbkdf2(password: str) -> str:
    salt = os.urandom(16)
    # ok: VC205/VC425
    key = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
    return salt.hex() + ":" + key.hex()


def file_checksum(path):
    with open(path, "rb") as handle:
        # ok: VC205
        return hashlib.md5(handle.read(), usedforsecurity=False).hexdigest()


def encrypt_legacy(data: bytes, key: bytes) -> bytes:
    # expect: VC423
    cipher = DES.new(key, DES.MODE_ECB)
    return cipher.encrypt(data.ljust(64, b"\0"))


def encrypt_message(key: bytes, message: bytes) -> bytes:
    # expect: VC423
    cipher = AES.new(key, AES.MODE_ECB)
    padded = message + b" " * (16 - len(message) % 16)
    return cipher.encrypt(padded)


STATIC_IV = b"0123456789abcdef"


def encrypt_cbc(key: bytes, message: bytes) -> bytes:
    # expect: VC425
    cipher = AES.new(key, AES.MODE_CBC, STATIC_IV)
    return cipher.encrypt(message.ljust(32, b"\0"))


def encrypt_ctr_zero_nonce(key: bytes, message: bytes) -> bytes:
    nonce = bytes(16)
    # expect: VC425
    encryptor = Cipher(algorithms.AES(key), modes.CTR(nonce)).encryptor()
    return encryptor.update(message) + encryptor.finalize()


def encrypt_message_safe(key: bytes, message: bytes) -> bytes:
    nonce = get_random_bytes(12)
    # ok: VC423/VC425
    cipher = AES.new(key, AES.MODE_GCM, nonce=nonce)
    ciphertext, tag = cipher.encrypt_and_digest(message)
    return nonce + tag + ciphertext


def encrypt_cbc_safe(key: bytes, message: bytes) -> bytes:
    iv = os.urandom(16)
    # ok: VC425
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return iv + encryptor.update(message.ljust(32, b"\0")) + encryptor.finalize()


# expect: VC203/VC403
ENCRYPTION_KEY = b"Sixteen byte key"


def encrypt_with_app_key(message: bytes) -> bytes:
    nonce = os.urandom(12)
    cipher = AES.new(ENCRYPTION_KEY, AES.MODE_GCM, nonce=nonce)
    return nonce + cipher.encrypt(message)


def generate_reset_token() -> str:
    alphabet = string.ascii_letters + string.digits
    # expect: VC206
    return "".join(random.choice(alphabet) for _ in range(32))


def generate_otp():
    # expect: VC206
    return str(random.randint(100000, 999999))


def generate_session_id():
    random.seed(time.time())
    # expect: VC206
    return "%032x" % random.getrandbits(128)


def generate_api_key():
    # expect: VC206
    return hashlib.sha1(str(time.time()).encode()).hexdigest()


def generate_reset_token_safe() -> str:
    # ok: VC206
    return secrets.token_urlsafe(32)


def generate_otp_safe() -> str:
    # ok: VC206
    return f"{secrets.randbelow(1_000_000):06d}"


def shuffle_quiz(questions):
    # ok: VC206
    return random.sample(questions, k=len(questions))


def decode_token(token: str) -> dict:
    # expect: VC202
    return jwt.decode(token, options={"verify_signature": False})


def decode_token_any_alg(token: str) -> dict:
    header = jwt.get_unverified_header(token)
    # expect: VC202
    return jwt.decode(token, JWT_SECRET, algorithms=[header["alg"], "none"])


def decode_token_safe(token: str) -> dict:
    # ok: VC202
    return jwt.decode(token, JWT_SECRET, algorithms=["HS256"], audience="billing")


def sign_payload(payload: bytes) -> str:
    return base64.b64encode(hmac.new(JWT_SECRET.encode(), payload, hashlib.sha256).digest()).decode()


@app.post("/webhooks/payments")
def payment_webhook():
    signature = request.headers.get("X-Signature", "")
    # expect: VC204
    if signature != sign_payload(request.get_data()):
        abort(401)
    return {"ok": True}


@app.post("/webhooks/payments2")
def payment_webhook_safe():
    signature = request.headers.get("X-Signature", "")
    # ok: VC204
    if not hmac.compare_digest(signature, sign_payload(request.get_data())):
        abort(401)
    return {"ok": True}
