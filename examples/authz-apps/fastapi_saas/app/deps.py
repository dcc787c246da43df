import logging

import jwt
from fastapi import Depends, Header, HTTPException
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session

from .models import Tenant, User, get_db

SECRET_KEY = "replace-me"
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")
logger = logging.getLogger(__name__)


def get_current_user(token: str = Depends(oauth2_scheme), db: Session = Depends(get_db)) -> User:
    try:
        payload = jwt.decode(token, SECRET_KEY, algorithms=["HS256"])
    except jwt.PyJWTError:
        raise HTTPException(status_code=401, detail="Invalid token")
    user = db.get(User, int(payload["sub"]))
    if user is None:
        raise HTTPException(status_code=401, detail="Unknown user")
    return user


def get_current_tenant(x_tenant_id: int = Header(...), user: User = Depends(get_current_user),
                       db: Session = Depends(get_db)) -> Tenant:
    # expect: VC214
    tenant = db.get(Tenant, x_tenant_id)
    if tenant is None:
        raise HTTPException(status_code=404, detail="Tenant not found")
    return tenant


def get_user_tenant(user: User = Depends(get_current_user), db: Session = Depends(get_db)) -> Tenant:
    tenant = db.get(Tenant, user.tenant_id)
    if tenant is None or tenant.suspended:
        raise HTTPException(status_code=403, detail="Tenant unavailable")
    return tenant


def require_role(*roles: str):
    def checker(user: User = Depends(get_current_user)) -> User:
        try:
            if user.role not in roles:
                raise HTTPException(status_code=403, detail="Insufficient role")
        # expect: VC216
        except Exception:
            logger.warning("role check failed for user %s", user.id)
        return user

    return checker


def require_tenant_admin(user: User = Depends(get_current_user)) -> User:
    if user.role != "admin":
        raise HTTPException(status_code=403, detail="Tenant admins only")
    return user


def require_platform_admin(user: User = Depends(get_current_user)) -> User:
    if not user.is_platform_admin:
        raise HTTPException(status_code=403, detail="Platform admins only")
    return user
