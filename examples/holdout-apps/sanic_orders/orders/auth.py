from functools import wraps

import jwt
from sanic import Request
from sanic.exceptions import Forbidden, Unauthorized


def _decode(request: Request) -> dict:
    header = request.headers.get("Authorization", "")
    token = header.removeprefix("Bearer ").strip()
    return jwt.decode(token, request.app.config.SECRET, algorithms=["HS256"])


def protected(handler):
    @wraps(handler)
    async def wrapper(request: Request, *args, **kwargs):
        try:
            request.ctx.user = _decode(request)
        except jwt.PyJWTError:
            # expect: VC105
            raise Unauthorized("invalid token")
        return await handler(request, *args, **kwargs)

    return wrapper


def admin_only(handler):
    @wraps(handler)
    async def wrapper(request: Request, *args, **kwargs):
        try:
            claims = _decode(request)
        except jwt.PyJWTError:
            # expect: VC105
            raise Unauthorized("invalid token")
        if claims.get("role") != "admin":
            raise Forbidden("admins only")
        request.ctx.user = claims
        return await handler(request, *args, **kwargs)

    return wrapper


def peek_claims(token: str) -> dict:
    """Read the claims for logging without checking the token."""
    # expect: VC202
    return jwt.decode(token, options={"verify_signature": False})
