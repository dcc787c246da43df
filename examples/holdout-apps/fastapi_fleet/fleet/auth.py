import os
from typing import Annotated

import jwt
from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer

from .db import Driver, SessionDep

SECRET_KEY = os.environ["FLEET_SECRET_KEY"]
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")


def current_driver(token: Annotated[str, Depends(oauth2_scheme)], session: SessionDep) -> Driver:
    try:
        claims = jwt.decode(token, SECRET_KEY, algorithms=["HS256"])
    except jwt.PyJWTError as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token") from exc
    driver = session.get(Driver, int(claims["sub"]))
    if driver is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown driver")
    return driver


class RoleChecker:
    def __init__(self, allowed: list[str]):
        self.allowed = allowed

    def __call__(self, driver: Annotated[Driver, Depends(current_driver)]) -> Driver:
        if driver.role not in self.allowed:
            raise HTTPException(status.HTTP_403_FORBIDDEN, "not allowed")
        return driver


class LenientRoleChecker:
    def __init__(self, allowed: list[str]):
        self.allowed = allowed

    def __call__(self, driver: Annotated[Driver, Depends(current_driver)]) -> Driver:
        try:
            if driver.role not in self.allowed:
                raise HTTPException(status.HTTP_403_FORBIDDEN, "not allowed")
        # expect: VC101/VC102, VC216
        except Exception:
            pass
        return driver


CurrentDriver = Annotated[Driver, Depends(current_driver)]
allow_dispatch = RoleChecker(["dispatcher", "admin"])
allow_admin_lenient = LenientRoleChecker(["admin"])
