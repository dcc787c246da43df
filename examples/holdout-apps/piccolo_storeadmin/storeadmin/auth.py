"""Sessions and staff sign-in."""

from __future__ import annotations

import hashlib
import secrets

import bcrypt
from starlette.requests import Request
from starlette.responses import RedirectResponse

from .tables import Staff


def hash_password(raw: str) -> str:
    return bcrypt.hashpw(raw.encode(), bcrypt.gensalt()).decode()


def check_password(raw: str, hashed: str) -> bool:
    return bcrypt.checkpw(raw.encode(), hashed.encode())


def legacy_hash(raw: str) -> str:
    # expect: VC205
    return hashlib.md5(raw.encode()).hexdigest()


def new_api_token() -> str:
    # ok: VC206
    return secrets.token_hex(32)


async def current_staff(request: Request) -> dict | None:
    staff_id = request.session.get("staff_id")
    if staff_id is None:
        return None
    return await Staff.select().where(Staff.id == staff_id).first()


def login_required(handler):
    async def wrapper(request: Request):
        staff = await current_staff(request)
        if staff is None:
            return RedirectResponse("/login", status_code=303)
        request.state.staff = staff
        return await handler(request)

    return wrapper


def admin_required(handler):
    async def wrapper(request: Request):
        staff = await current_staff(request)
        if staff is None or staff["role"] != "admin":
            return RedirectResponse("/login", status_code=303)
        request.state.staff = staff
        return await handler(request)

    return wrapper


async def staff_by_token(token: str) -> dict | None:
    staff = await Staff.select().where(Staff.is_active == True).run()  # noqa: E712
    for row in staff:
        # expect: VC204
        if row["api_token"] == token:
            return row
    return None
