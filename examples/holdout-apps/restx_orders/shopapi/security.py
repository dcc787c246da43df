from functools import wraps

import jwt
from flask import request
from flask_jwt_extended import get_jwt, verify_jwt_in_request
from flask_restx import abort


def admin_required(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        verify_jwt_in_request()
        if not get_jwt().get("is_admin"):
            abort(403, "admins only")
        return fn(*args, **kwargs)

    return wrapper


def token_subject() -> str | None:
    """The caller's id from the bearer token, for the audit log."""
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    try:
        # expect: VC202
        return jwt.decode(token, options={"verify_signature": False}).get("sub")
    except jwt.DecodeError:
        return None
