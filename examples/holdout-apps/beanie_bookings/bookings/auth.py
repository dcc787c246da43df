"""Password hashing, JWTs and the FastAPI dependencies that resolve the caller."""

import logging
from datetime import datetime, timedelta, timezone

import jwt
from beanie import PydanticObjectId
from fastapi import Depends, HTTPException, Request, status
from fastapi.security import OAuth2PasswordBearer
from passlib.context import CryptContext

from bookings.config import settings
from bookings.models import ApiKey, User

logger = logging.getLogger(__name__)
pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/login", auto_error=False)


def hash_password(password: str) -> str:
    return pwd_context.hash(password)


def verify_password(password: str, hashed: str) -> bool:
    return pwd_context.verify(password, hashed)


def create_access_token(user: User) -> str:
    expires = datetime.now(timezone.utc) + timedelta(minutes=settings.token_ttl_minutes)
    payload = {"sub": str(user.id), "org": str(user.org_id), "exp": expires}
    return jwt.encode(payload, settings.jwt_secret, algorithm=settings.jwt_algorithm)


async def _user_from_api_key(request: Request) -> User | None:
    """Service accounts send `{"api_key": "..."}` in the JSON body instead of a bearer token."""
    try:
        body = await request.json()
    except ValueError:
        return None
    # expect: VC422
    key = await ApiKey.find_one({"key": body.get("api_key")})
    if key is None:
        return None
    return await User.get(key.user_id)


async def get_current_user(request: Request, token: str | None = Depends(oauth2_scheme)) -> User:
    if token is None:
        user = await _user_from_api_key(request)
        if user is None:
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Not authenticated")
        return user
    try:
        # ok: VC202
        claims = jwt.decode(token, settings.jwt_secret, algorithms=[settings.jwt_algorithm])
    except jwt.PyJWTError as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid token") from exc
    user = await User.get(PydanticObjectId(claims["sub"]))
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Unknown user")
    return user


# expect: VC212
async def require_manager(user: User = Depends(get_current_user)) -> User:
    if user.role not in ("manager", "admin"):
        logger.warning("user %s tried a manager action with role %s", user.id, user.role)
    return user


# ok: VC212
async def require_admin(user: User = Depends(get_current_user)) -> User:
    if user.role != "admin":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Admins only")
    return user
