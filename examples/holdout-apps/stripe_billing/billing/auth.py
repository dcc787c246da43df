from typing import Annotated

import jwt
from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .db import Customer, Db
from .settings import settings

bearer = HTTPBearer()


def current_customer(creds: Annotated[HTTPAuthorizationCredentials, Depends(bearer)], db: Db) -> Customer:
    try:
        claims = jwt.decode(creds.credentials, settings.jwt_secret, algorithms=["HS256"])
    except jwt.PyJWTError as exc:
        raise HTTPException(401, "invalid token") from exc
    customer = db.get(Customer, int(claims["sub"]))
    if customer is None:
        raise HTTPException(401, "unknown customer")
    return customer


def admin_customer(me: Annotated[Customer, Depends(current_customer)]) -> Customer:
    if not me.is_admin:
        raise HTTPException(403)
    return me


Me = Annotated[Customer, Depends(current_customer)]
Admin = Annotated[Customer, Depends(admin_customer)]
