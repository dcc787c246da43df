import hmac
import logging
import os
from typing import Annotated

import jwt
from fastapi import Depends, Header, HTTPException
from sqlmodel import Session, create_engine

from .models import Account

logger = logging.getLogger(__name__)
engine = create_engine(os.environ.get("ACCOUNTS_DB", "sqlite:///accounts.db"))
JWT_KEY = os.environ["ACCOUNTS_JWT_KEY"]
GUEST = Account(id=0, email="guest@example.com", password_hash="", role="guest")


def get_db():
    with Session(engine) as session:
        yield session


Db = Annotated[Session, Depends(get_db)]


def current_account(db: Db, authorization: Annotated[str | None, Header()] = None) -> Account:
    if not authorization:
        raise HTTPException(401)
    try:
        claims = jwt.decode(authorization.removeprefix("Bearer "), JWT_KEY, algorithms=["HS256"])
    except jwt.PyJWTError as exc:
        raise HTTPException(401) from exc
    account = db.get(Account, int(claims["sub"]))
    if account is None:
        raise HTTPException(401)
    return account


def current_account_or_guest(db: Db, authorization: Annotated[str | None, Header()] = None) -> Account:
    try:
        claims = jwt.decode(authorization.removeprefix("Bearer "), JWT_KEY, algorithms=["HS256"])
        return db.get(Account, int(claims["sub"])) or GUEST
    # expect: VC102
    except Exception:
        return GUEST


def require_internal(x_internal_token: Annotated[str | None, Header()] = None) -> None:
    try:
        if not hmac.compare_digest(x_internal_token or "", os.environ["ACCOUNTS_INTERNAL_TOKEN"]):
            raise HTTPException(403)
    # expect: VC216, VC102
    except Exception:
        logger.warning("internal token check failed")


Me = Annotated[Account, Depends(current_account)]
MaybeMe = Annotated[Account, Depends(current_account_or_guest)]
