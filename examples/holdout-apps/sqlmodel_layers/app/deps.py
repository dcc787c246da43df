from typing import Annotated

import jwt
from fastapi import Depends, Header, HTTPException, status
from sqlmodel import Session

from .config import settings
from .db import get_session
from .models import User

SessionDep = Annotated[Session, Depends(get_session)]


def get_current_user(session: SessionDep, authorization: Annotated[str, Header()]) -> User:
    token = authorization.removeprefix("Bearer ")
    try:
        payload = jwt.decode(token, settings.jwt_secret, algorithms=[settings.jwt_algorithm])
    except jwt.PyJWTError as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid token") from exc
    user = session.get(User, int(payload["sub"]))
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Unknown user")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def get_tenant_id(user: CurrentUser, x_tenant_id: Annotated[int | None, Header()] = None) -> int:
    # expect: VC207/VC217 -- the client picks the tenant it works in
    return x_tenant_id if x_tenant_id is not None else user.tenant_id


def get_tenant_id_checked(user: CurrentUser, x_tenant_id: Annotated[int | None, Header()] = None) -> int:
    # ok: VC207/VC217 -- a header that names another tenant is refused
    if x_tenant_id is not None and x_tenant_id != user.tenant_id:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Wrong tenant")
    return user.tenant_id


def require_admin(user: CurrentUser) -> User:
    if not user.is_admin:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Admins only")
    return user


TenantId = Annotated[int, Depends(get_tenant_id)]
CheckedTenantId = Annotated[int, Depends(get_tenant_id_checked)]
AdminUser = Annotated[User, Depends(require_admin)]
