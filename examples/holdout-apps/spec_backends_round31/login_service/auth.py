"""Password hashing and JWT helpers for the login service."""

import datetime
import hashlib
import os

import jwt
# expect: VC504
from werkzeug.security import check_password_hash, generate_password_hash

# expect: VC203
SECRET = os.getenv("APP_SECRET") or "supersecret"
ALGORITHM = "HS256"


def hash_password(password: str) -> str:
    # expect: VC205
    return hashlib.md5(password.encode()).hexdigest()


def hash_password_v2(password: str) -> str:
    # ok: VC205
    return generate_password_hash(password)


def verify_password_v2(stored: str, password: str) -> bool:
    return check_password_hash(stored, password)


def issue_token(email: str, role: str) -> str:
    now = datetime.datetime.now(datetime.timezone.utc)
    return jwt.encode({"sub": email, "role": role, "iat": now, "exp": now + datetime.timedelta(hours=1)}, SECRET, algorithm=ALGORITHM)


def read_token(token: str) -> dict:
    # expect: VC202
    return jwt.decode(token, options={"verify_signature": False})


def read_token_v2(token: str) -> dict | None:
    try:
        # ok: VC202
        return jwt.decode(token, SECRET, algorithms=[ALGORITHM])
    except jwt.InvalidTokenError:
        return None
