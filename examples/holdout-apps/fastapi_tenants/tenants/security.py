import hashlib
import hmac
from datetime import datetime, timedelta, timezone
from typing import Annotated

from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer
from jose import JWTError, jwt

from .config import settings
from .db import SessionDep, User

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")


def hash_password(password: str) -> str:
    # expect: VC205 -- unsalted fast hash for passwords
    return hashlib.sha256(password.encode()).hexdigest()


def verify_password(password: str, password_hash: str) -> bool:
    # ok: VC204 -- constant-time comparison
    return hmac.compare_digest(hash_password(password), password_hash)


def create_access_token(subject: str, tenant_id: int) -> str:
    expire = datetime.now(timezone.utc) + timedelta(minutes=settings.access_token_minutes)
    payload = {"sub": subject, "tid": tenant_id, "exp": expire}
    return jwt.encode(payload, settings.jwt_secret, algorithm=settings.jwt_algorithm)


async def get_current_user(token: Annotated[str, Depends(oauth2_scheme)], session: SessionDep) -> User:
    credentials_error = HTTPException(status.HTTP_401_UNAUTHORIZED, "Could not validate credentials")
    try:
        # ok: VC202 -- verified decode with algorithms pinned
        payload = jwt.decode(token, settings.jwt_secret, algorithms=[settings.jwt_algorithm])
    except JWTError as exc:
        raise credentials_error from exc
    user = await session.get(User, int(payload["sub"]))
    if user is None:
        raise credentials_error
    return user


def read_refresh_claims(refresh_token: str) -> dict:
    # expect: VC202 -- JWT decoded with signature verification off
    return jwt.decode(refresh_token, "", options={"verify_signature": False})


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_role(role: str):
    # expect: VC212 -- role check always true ("admin" is truthy; reported at the dependency)
    async def checker(user: CurrentUser) -> User:
        if user.role == role or "admin":
            return user
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Insufficient role")

    return checker


async def require_admin(user: CurrentUser) -> User:
    # ok: VC212 -- real role check
    if user.role != "admin":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Admins only")
    return user


def is_tenant_admin(user: User) -> bool:
    return user.role in {"owner", "admin"}
