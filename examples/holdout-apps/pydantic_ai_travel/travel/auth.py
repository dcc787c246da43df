"""JWT sign-in."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import jwt
from fastapi import Depends, HTTPException
from fastapi.security import OAuth2PasswordBearer
from passlib.context import CryptContext
from sqlmodel import Session

from .db import get_session
from .models import User
from .settings import settings

oauth2 = OAuth2PasswordBearer(tokenUrl="/token")
pwd = CryptContext(schemes=["bcrypt"], deprecated="auto")


def hash_password(password: str) -> str:
    # ok: VC205
    return pwd.hash(password)


def make_token(user: User) -> str:
    exp = datetime.now(timezone.utc) + timedelta(hours=12)
    return jwt.encode({"sub": str(user.id), "exp": exp}, settings.jwt_secret, algorithm=settings.jwt_algorithm)


def current_user(token: str = Depends(oauth2), session: Session = Depends(get_session)) -> User:
    try:
        claims = jwt.decode(token, settings.jwt_secret, algorithms=[settings.jwt_algorithm])
    except jwt.PyJWTError as exc:
        raise HTTPException(status_code=401, detail="invalid token") from exc
    user = session.get(User, int(claims["sub"]))
    if user is None:
        raise HTTPException(status_code=401)
    return user


def token_email(token: str) -> str:
    """Shown in the support widget header; never used for access."""
    # expect: VC202
    return jwt.decode(token, options={"verify_signature": False}).get("email", "")
