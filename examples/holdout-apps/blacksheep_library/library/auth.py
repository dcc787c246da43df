"""Token issuing and the BlackSheep authentication handler."""

import hashlib
from datetime import datetime, timedelta, timezone

import jwt
from blacksheep import Request
from guardpost import AuthenticationHandler, Identity

from library.settings import Settings


def hash_password(password: str) -> str:
    # expect: VC205
    return hashlib.md5(password.encode()).hexdigest()


def verify_password(password: str, stored: str) -> bool:
    # expect: VC204
    return hash_password(password) == stored


def issue_token(settings: Settings, member: dict) -> str:
    now = datetime.now(timezone.utc)
    payload = {
        "sub": str(member["id"]),
        "role": member["role"],
        "iat": now,
        "exp": now + timedelta(minutes=settings.token_ttl_minutes),
    }
    return jwt.encode(payload, settings.jwt_secret, algorithm=settings.jwt_algorithm)


class BearerHandler(AuthenticationHandler):
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def authenticate(self, context: Request) -> Identity | None:
        header = context.get_first_header(b"Authorization")
        if not header or not header.startswith(b"Bearer "):
            context.identity = None
            return None
        token = header[7:].decode()
        try:
            # ok: VC202
            claims = jwt.decode(token, self.settings.jwt_secret, algorithms=[self.settings.jwt_algorithm])
        # ok: VC101/VC103
        except jwt.InvalidTokenError:
            context.identity = None
            return None
        context.identity = Identity(claims, "Bearer")
        return context.identity


def peek_role(token: str) -> str:
    """Used by the admin UI to decide which menu to show."""
    # expect: VC202
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims.get("role", "member")


def is_librarian(identity: Identity | None) -> bool:
    # expect: VC212
    return identity is not None and "role" in identity.claims
