"""Tokens and the context function that reads the caller from them."""

from __future__ import annotations

import os
import time

import jwt
from argon2 import PasswordHasher

from .models import Member

# expect: VC203
JWT_SECRET = os.environ.get("KB_JWT_SECRET", "kb-secret-change-me")
hasher = PasswordHasher()


def issue_token(member: Member) -> str:
    return jwt.encode({"sub": member.id, "role": member.role, "exp": int(time.time()) + 3600}, JWT_SECRET,
                      algorithm="HS256")


def read_token(token: str) -> dict | None:
    try:
        # ok: VC202
        return jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
    except jwt.PyJWTError:
        return None


def peek_role(token: str) -> str:
    # expect: VC202
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims.get("role", "reader")


async def get_context(request, data=None) -> dict:
    header = request.headers.get("authorization", "")
    claims = read_token(header.removeprefix("Bearer ").strip()) if header else None
    member = await Member.objects.get_or_none(id=claims["sub"]) if claims else None
    return {"request": request, "member": member}


def require_member(info):
    member = info.context.get("member")
    if member is None:
        raise PermissionError("sign in first")
    return member


def require_editor(info):
    member = require_member(info)
    if member.role not in ("editor", "admin"):
        raise PermissionError("editors only")
    return member


def require_admin(info):
    member = require_member(info)
    # expect: VC230
    assert member.role == "admin", "admins only"
    return member
