from fastapi import APIRouter, HTTPException, status

from bookings.auth import create_access_token, hash_password, verify_password
from bookings.models import LoginIn, RegisterIn, TokenOut, User

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/register", response_model=TokenOut, status_code=201)
async def register(payload: RegisterIn) -> TokenOut:
    if await User.find_one(User.email == payload.email):
        raise HTTPException(status.HTTP_409_CONFLICT, "Email already registered")
    user = User(
        email=payload.email,
        full_name=payload.full_name,
        password_hash=hash_password(payload.password),
        org_id=payload.org_id,
        # expect: VC217
        role=payload.role,
    )
    await user.insert()
    return TokenOut(access_token=create_access_token(user))


@router.post("/login", response_model=TokenOut)
async def login(payload: LoginIn) -> TokenOut:
    # ok: VC422
    user = await User.find_one(User.email == payload.email)
    if user is None or not verify_password(payload.password, user.password_hash):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Bad email or password")
    return TokenOut(access_token=create_access_token(user))
