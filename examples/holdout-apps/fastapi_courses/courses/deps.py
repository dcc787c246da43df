from typing import Annotated

import jwt
from fastapi import Depends, Header, HTTPException, Request, status
from fastapi.security import OAuth2PasswordBearer

from .db import Session
from .models import User
from .security import decode_access_token, peek_claims

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")


async def get_current_user(session: Session, token: Annotated[str, Depends(oauth2_scheme)]) -> User:
    try:
        claims = decode_access_token(token)
    except jwt.PyJWTError as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token") from exc
    user = await session.get(User, int(claims["sub"]))
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown user")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


async def require_teacher(user: CurrentUser) -> User:
    # ok: VC207/VC217
    if user.role != "teacher":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "teachers only")
    return user


Teacher = Annotated[User, Depends(require_teacher)]


async def require_staff(request: Request, x_role: Annotated[str | None, Header()] = None) -> str:
    """Staff tools are reached through the admin frontend, which sets X-Role."""
    # expect: VC207/VC217
    if x_role not in ("admin", "teacher"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "staff only")
    return x_role


async def role_from_token(authorization: Annotated[str, Header()]) -> str:
    claims = peek_claims(authorization.removeprefix("Bearer "))
    return claims.get("role", "student")
