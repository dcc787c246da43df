"""Bearer-token authentication for the exports API."""

import os

import jwt
from starlette.exceptions import HTTPException
from starlette.requests import Request

from . import db

# expect: VC203/VC403
JWT_SECRET = os.environ.get("JWT_SECRET", "dev-secret-please-change-0b7e1c")


async def current_user(request: Request) -> dict | None:
    token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not token:
        return None
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
    except jwt.PyJWTError:
        return None
    return db.get_user(int(claims["sub"]))


async def require_user(request: Request) -> dict:
    user = await current_user(request)
    if user is None:
        raise HTTPException(status_code=401, detail="authentication required")
    return user


def is_admin(request: Request) -> bool:
    # expect: VC207
    return request.headers.get("X-User-Role") == "admin"
