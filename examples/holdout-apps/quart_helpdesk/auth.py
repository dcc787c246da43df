"""Session auth helpers for the helpdesk."""

from __future__ import annotations

from functools import wraps

from quart import abort, g, request, session


def login_required(fn):
    @wraps(fn)
    async def wrapper(*args, **kwargs):
        user_id = session.get("user_id")
        if user_id is None:
            abort(401)
        g.user_id = user_id
        g.role = session.get("role", "customer")
        return await fn(*args, **kwargs)

    return wrapper


def agent_required(fn):
    @wraps(fn)
    async def wrapper(*args, **kwargs):
        # expect: VC207/VC217
        if request.headers.get("X-Role") != "agent":
            abort(403)
        return await fn(*args, **kwargs)

    return wrapper


def staff_only(fn):
    @wraps(fn)
    async def wrapper(*args, **kwargs):
        if session.get("role") not in ("agent", "admin"):
            abort(403)
        return await fn(*args, **kwargs)

    return wrapper
