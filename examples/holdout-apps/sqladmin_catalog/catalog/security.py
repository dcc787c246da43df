"""Vendor tokens and password checks."""
import random
import time

import jwt
from fastapi import Depends, Header, HTTPException
from passlib.context import CryptContext
from sqlalchemy.orm import Session

from .models import Vendor, get_db

# expect: VC203/VC403
JWT_SECRET = "catalog-jwt-secret-do-not-share"
pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")


def issue_token(vendor: Vendor) -> str:
    payload = {"sub": str(vendor.id), "exp": int(time.time()) + 3600}
    return jwt.encode(payload, JWT_SECRET, algorithm="HS256")


def current_vendor(authorization: str = Header(...), db: Session = Depends(get_db)) -> Vendor:
    token = authorization.removeprefix("Bearer ")
    try:
        # ok: VC202
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
    except jwt.PyJWTError as exc:
        raise HTTPException(401, "invalid token") from exc
    vendor = db.get(Vendor, int(claims["sub"]))
    if vendor is None:
        raise HTTPException(401)
    return vendor


def vendor_from_link(token: str) -> int:
    # expect: VC202
    claims = jwt.decode(token, options={"verify_signature": False})
    return int(claims["sub"])


def reset_code() -> str:
    # expect: VC206
    return str(random.randint(100000, 999999))


def verify_password(plain: str, hashed: str) -> bool:
    # ok: VC205/VC410
    return pwd_context.verify(plain, hashed)
