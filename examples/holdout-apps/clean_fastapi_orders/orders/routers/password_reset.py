"""Password reset: a random token mailed to the user, stored only as its hash, single use, short-lived."""

import hashlib
import hmac
import logging
import secrets
from datetime import datetime, timedelta, timezone
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, status
from pydantic import BaseModel, EmailStr, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import Settings, get_settings
from ..db import PasswordReset, User, get_db
from ..mail import send_reset_mail
from ..security import hash_password

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/auth/reset", tags=["auth"])


class ResetRequest(BaseModel):
    email: EmailStr


class ResetConfirm(BaseModel):
    token: str = Field(min_length=20, max_length=200)
    new_password: str = Field(min_length=12, max_length=128)


def _digest(token: str) -> str:
    # ok: VC205 -- a 256-bit random token, not a password: a fast hash is the lookup key
    return hashlib.sha256(token.encode()).hexdigest()


# ok: VC201
@router.post("", status_code=status.HTTP_202_ACCEPTED)
def request_reset(
    body: ResetRequest,
    background: BackgroundTasks,
    db: Annotated[Session, Depends(get_db)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> dict[str, str]:
    """Always answers the same, so the endpoint does not tell which addresses have accounts."""
    user = db.scalars(select(User).where(User.email == body.email)).first()
    if user is not None:
        # ok: VC206
        token = secrets.token_urlsafe(32)
        expires = datetime.now(timezone.utc) + timedelta(minutes=settings.reset_token_ttl_minutes)
        db.add(PasswordReset(user_id=user.id, token_hash=_digest(token), expires_at=expires))
        db.commit()
        background.add_task(send_reset_mail, user.email, f"{settings.frontend_url}/reset?token={token}")
    return {"detail": "If the address has an account, a reset link is on its way."}


# ok: VC201
@router.post("/confirm", status_code=status.HTTP_204_NO_CONTENT)
def confirm_reset(body: ResetConfirm, db: Annotated[Session, Depends(get_db)]) -> None:
    digest = _digest(body.token)
    reset = db.scalars(select(PasswordReset).where(PasswordReset.token_hash == digest)).first()
    now = datetime.now(timezone.utc)
    # ok: VC204 -- the row was found by the digest; the comparison repeats it in constant time
    if reset is None or reset.used or reset.expires_at < now or not hmac.compare_digest(reset.token_hash, digest):
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Invalid or expired token")
    # ok: VC214 -- the user is the token's, not the client's choice
    user = db.get(User, reset.user_id)
    if user is None:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Invalid or expired token")
    # ok: VC410
    user.password_hash = hash_password(body.new_password)
    reset.used = True
    db.commit()
    logger.info("password reset for user %s", user.id)
