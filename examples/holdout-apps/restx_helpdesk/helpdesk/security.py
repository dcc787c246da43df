"""Role guards for the helpdesk resources."""

from functools import wraps

from flask_jwt_extended import get_jwt, verify_jwt_in_request
from flask_restx import abort


def admin_required(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        verify_jwt_in_request()
        claims = get_jwt()
        # expect: VC212
        if claims.get("is_admin") is None:
            abort(403, "admins only")
        return fn(*args, **kwargs)

    return wrapper


def org_admin_required(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        verify_jwt_in_request()
        # ok: VC212
        if not get_jwt().get("is_admin", False):
            abort(403, "admins only")
        return fn(*args, **kwargs)

    return wrapper


def current_org() -> int:
    return int(get_jwt()["org_id"])
