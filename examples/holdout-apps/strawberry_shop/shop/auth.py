"""Token handling and Strawberry permission classes."""
import logging
import typing
from datetime import datetime, timedelta, timezone

import jwt
from passlib.context import CryptContext
from strawberry.permission import BasePermission
from strawberry.types import Info

from .config import JWT_ALGORITHM, JWT_SECRET

logger = logging.getLogger(__name__)
pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")


def hash_password(password: str) -> str:
    return pwd_context.hash(password)


def verify_password(password: str, hashed: str) -> bool:
    return pwd_context.verify(password, hashed)


def create_token(user_id: int, role: str) -> str:
    payload = {
        "sub": str(user_id),
        "role": role,
        "exp": datetime.now(timezone.utc) + timedelta(hours=12),
    }
    return jwt.encode(payload, JWT_SECRET, algorithm=JWT_ALGORITHM)


def decode_token(token: str) -> dict | None:
    try:
        # ok: VC202 -- verified with a fixed algorithm
        return jwt.decode(token, JWT_SECRET, algorithms=[JWT_ALGORITHM])
    except jwt.PyJWTError:
        return None


def peek_claims(token: str) -> dict:
    """Used by the websocket feed, where the connection is short-lived."""
    # expect: VC202 -- signature not verified
    return jwt.decode(token, options={"verify_signature": False})


class IsAuthenticated(BasePermission):
    message = "Not signed in"

    def has_permission(self, source: typing.Any, info: Info, **kwargs) -> bool:
        return info.context.get("user") is not None


class IsStaff(BasePermission):
    message = "Staff only"

    def has_permission(self, source: typing.Any, info: Info, **kwargs) -> bool:
        user = info.context.get("user")
        return bool(user) and user["role"] in ("staff", "admin")


class IsOrderOwner(BasePermission):
    message = "Not your order"

    # expect: VC212 -- permission that admits everyone
    def has_permission(self, source: typing.Any, info: Info, **kwargs) -> bool:
        # ownership is enforced in the resolver
        return True
