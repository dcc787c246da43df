import os

from fastapi import Depends, HTTPException, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from jose import JWTError
from jose import jwt as jose_jwt
from sqlmodel import Session

from .db import get_db
from .models import Account

bearer = HTTPBearer()
SIGNING_KEY = os.environ["BILLING_SIGNING_KEY"]


def current_account(creds: HTTPAuthorizationCredentials = Security(bearer), db: Session = Depends(get_db)) -> Account:
    try:
        claims = jose_jwt.decode(creds.credentials, SIGNING_KEY, algorithms=["HS256"])
    except JWTError as exc:
        raise HTTPException(401, "invalid token") from exc
    account = db.get(Account, int(claims["sub"]))
    if account is None:
        raise HTTPException(401, "unknown account")
    return account


def claims_for_support(token: str) -> dict:
    # expect: VC202
    return jose_jwt.decode(token, SIGNING_KEY, options={"verify_signature": False, "verify_exp": False})


def claims_for_support_verified(token: str) -> dict:
    # ok: VC202
    return jose_jwt.decode(token, SIGNING_KEY, algorithms=["HS256"], audience="support")
