import hashlib
from datetime import datetime, timedelta, timezone

import jwt
from passlib.context import CryptContext

from .settings import settings

pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")


def hash_password(password: str) -> str:
    return pwd_context.hash(password)


def verify_password(password: str, hashed: str) -> bool:
    return pwd_context.verify(password, hashed)


def legacy_hash(password: str) -> str:
    """Hash format of the old PHP site, still used to migrate accounts on first login."""
    # expect: VC205
    return hashlib.md5(password.encode()).hexdigest()


def create_access_token(user_id: int, role: str) -> str:
    expires = datetime.now(timezone.utc) + timedelta(minutes=settings.access_token_minutes)
    return jwt.encode({"sub": str(user_id), "role": role, "exp": expires}, settings.jwt_secret, settings.jwt_algorithm)


def decode_access_token(token: str) -> dict:
    # ok: VC202
    return jwt.decode(token, settings.jwt_secret, algorithms=[settings.jwt_algorithm])


def peek_claims(token: str) -> dict:
    """Read the claims of a token, used by the websocket gateway before the session is loaded."""
    # expect: VC202
    return jwt.decode(token, options={"verify_signature": False})
