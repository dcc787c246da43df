import hashlib
import os
import random
import secrets
import string

import jwt
from starlette.authentication import AuthCredentials, AuthenticationBackend, SimpleUser

JWT_SECRET = os.environ["JWT_SECRET"]


class TokenBackend(AuthenticationBackend):
    async def authenticate(self, conn):
        header = conn.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return None
        token = header.removeprefix("Bearer ")
        try:
            payload = jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
        # ok: VC101/VC102
        except jwt.InvalidTokenError:
            return None
        user = SimpleUser(payload["username"])
        user.id = payload["sub"]
        return AuthCredentials(["authenticated"]), user


def peek_claims(token: str) -> dict:
    # expect: VC202
    return jwt.decode(token, options={"verify_signature": False})


def hash_password(password: str) -> str:
    # expect: VC205
    return hashlib.md5(password.encode()).hexdigest()


def new_reset_token() -> str:
    # expect: VC206
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(32))


def new_api_key() -> str:
    # ok: VC206
    return secrets.token_urlsafe(32)
