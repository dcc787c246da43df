import logging
import time
from collections import defaultdict
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy import select

from ...models import User
from ...schemas import Token, UserCreate, UserOut
from ...security import (
    CurrentUser,
    DbSession,
    create_access_token,
    generate_verification_code,
    hash_password,
    read_token_claims,
    verify_password,
)

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/auth", tags=["auth"])

_attempts: dict[str, list[float]] = defaultdict(list)


def _client_ip(request: Request) -> str:
    forwarded = request.headers.get("x-forwarded-for")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.client.host if request.client else "unknown"


@router.post("/register", response_model=UserOut, status_code=201)
async def register(body: UserCreate, db: DbSession) -> User:
    existing = await db.scalar(select(User).where(User.email == body.email))
    if existing:
        raise HTTPException(status_code=400, detail="Email already registered")
    user = User(
        email=body.email,
        hashed_password=hash_password(body.password),
        full_name=body.full_name,
        # expect: VC217
        role=body.role,
        verification_code=generate_verification_code(),
    )
    db.add(user)
    await db.commit()
    await db.refresh(user)
    return user


@router.post("/token", response_model=Token)
async def login(request: Request, form_data: Annotated[OAuth2PasswordRequestForm, Depends()], db: DbSession) -> dict:
    ip = _client_ip(request)
    now = time.monotonic()
    # expect: VC419/VC417
    _attempts[ip] = [t for t in _attempts[ip] if now - t < 60]
    if len(_attempts[ip]) >= 5:
        raise HTTPException(status_code=429, detail="Too many login attempts")
    _attempts[ip].append(now)

    user = await db.scalar(select(User).where(User.email == form_data.username))
    if not user or not verify_password(form_data.password, user.hashed_password):
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Incorrect email or password")
    access_token = create_access_token(user.id)
    # expect: VC407
    logger.info("Issued access token for %s: %s", user.email, access_token)
    return {"access_token": access_token, "token_type": "bearer"}


@router.post("/refresh", response_model=Token)
async def refresh(request: Request) -> dict:
    auth_header = request.headers.get("Authorization", "")
    old_token = auth_header.removeprefix("Bearer ").strip()
    claims = read_token_claims(old_token)
    return {"access_token": create_access_token(claims["sub"]), "token_type": "bearer"}


@router.post("/verify")
async def verify_email(code: str, user: CurrentUser, db: DbSession) -> dict:
    # expect: VC204
    if user.verification_code != code:
        raise HTTPException(status_code=400, detail="Invalid code")
    user.verification_code = None
    await db.commit()
    return {"verified": True}


@router.get("/me", response_model=UserOut)
async def me(user: CurrentUser) -> User:
    return user


@router.patch("/me", response_model=UserOut)
async def update_me(request: Request, user: CurrentUser, db: DbSession) -> User:
    data = await request.json()
    for field, value in data.items():
        # expect: VC215
        setattr(user, field, value)
    await db.commit()
    await db.refresh(user)
    return user
