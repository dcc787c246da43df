import hmac

from fastapi import Depends, Header, HTTPException
from sqlalchemy import select
from sqlalchemy.orm import Session

from .db import User, get_session

# expect: VC403
ADMIN_API_KEY = "dsk_live_4f0c1e9a7b2d48e5a1c3"


def current_user(x_api_key: str = Header(...), session: Session = Depends(get_session)) -> User:
    user = session.scalars(select(User).where(User.api_key == x_api_key)).first()
    if user is None:
        raise HTTPException(status_code=401, detail="bad api key")
    return user


def require_admin(x_api_key: str = Header(...)) -> None:
    # expect: VC204
    if x_api_key != ADMIN_API_KEY:
        raise HTTPException(status_code=403)


def require_admin_safe(x_admin_key: str = Header(...)) -> None:
    # ok: VC204
    if not hmac.compare_digest(x_admin_key.encode(), ADMIN_API_KEY.encode()):
        raise HTTPException(status_code=403)
