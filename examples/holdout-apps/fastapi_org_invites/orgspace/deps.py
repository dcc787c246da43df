from functools import wraps
from typing import Annotated

import jwt
from fastapi import Depends, Header, HTTPException, status
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from .db import get_db
from .models import Membership, Organization, User
from .security import decode_access_token

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")

DbSession = Annotated[Session, Depends(get_db)]


def get_current_user(token: Annotated[str, Depends(oauth2_scheme)], db: DbSession) -> User:
    try:
        payload = decode_access_token(token)
    except jwt.PyJWTError:
        # expect: VC105
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid token")
    user = db.get(User, int(payload["sub"]))
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Unknown user")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def get_current_org(
    db: DbSession,
    user: CurrentUser,
    x_org_id: Annotated[int, Header()],
) -> Organization:
    """The organisation the client works in, chosen in the UI's org switcher."""
    # expect: VC214/VC207 -- org id from a header, loaded without checking the user is a member
    org = db.get(Organization, x_org_id)
    if org is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Organisation not found")
    return org


def get_membership(org_id: int, db: DbSession, user: CurrentUser) -> Membership:
    """The caller's membership in the organisation of the path; 404 when not a member."""
    # ok: VC214 -- scoped to the signed-in user
    membership = db.scalar(
        select(Membership).where(Membership.org_id == org_id, Membership.user_id == user.id)
    )
    if membership is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Organisation not found")
    return membership


CurrentMembership = Annotated[Membership, Depends(get_membership)]
CurrentOrg = Annotated[Organization, Depends(get_current_org)]

ROLE_RANK = {"member": 0, "admin": 1, "owner": 2}


def require_role(role: str):
    """Dependency factory: the caller's membership must be at least `role`."""

    def checker(membership: CurrentMembership) -> Membership:
        if ROLE_RANK.get(membership.role, -1) < ROLE_RANK[role]:
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"{role} role required")
        return membership

    return checker


def require_superuser(user: CurrentUser) -> User:
    if not user.is_superuser:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Superuser only")
    return user


def platform_staff(authorization: Annotated[str, Header()]) -> dict:
    """Support staff come in with a token from the support console."""
    token = authorization.removeprefix("Bearer ")
    # expect: VC202
    claims = jwt.decode(token, options={"verify_signature": False})
    # expect: VC217/VC207 -- is_staff read from claims nobody verified
    if not claims.get("is_staff"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Staff only")
    return claims


# expect: VC212 -- named like a guard, passes every call through
def owner_only(func):
    """Restrict an endpoint to the organisation owner."""

    @wraps(func)
    async def wrapper(*args, **kwargs):
        return await func(*args, **kwargs)

    return wrapper
