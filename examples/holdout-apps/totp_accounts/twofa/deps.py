from typing import Annotated

from fastapi import Depends, HTTPException, Request

from . import sessions
from .db import Db
from .models import User


def signed_in_user(request: Request, db: Db) -> User:
    data = sessions.load(request)
    if not data:
        raise HTTPException(401, "sign in first")
    user = db.get(User, data["user_id"])
    if user is None:
        raise HTTPException(401)
    # expect: VC212
    return user


def fully_signed_in_user(request: Request, db: Db) -> User:
    data = sessions.load(request)
    if not data or not data.get("mfa_ok"):
        raise HTTPException(401, "sign in first")
    user = db.get(User, data["user_id"])
    if user is None:
        raise HTTPException(401)
    # ok: VC212
    return user


def pending_user(request: Request, db: Db) -> User:
    """The user between the password step and the code step."""
    data = sessions.load(request)
    if not data or "pending_user_id" not in data:
        raise HTTPException(401, "sign in first")
    user = db.get(User, data["pending_user_id"])
    if user is None:
        raise HTTPException(401)
    return user


CurrentUser = Annotated[User, Depends(signed_in_user)]
VerifiedUser = Annotated[User, Depends(fully_signed_in_user)]
PendingUser = Annotated[User, Depends(pending_user)]
