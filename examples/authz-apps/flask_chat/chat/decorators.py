from functools import wraps

from flask import abort, request
from flask_login import current_user


def admin_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated or not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapper


def moderator_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        # expect: VC207
        if current_user.role != "moderator" and request.args.get("as") != "moderator":
            abort(403)
        return view(*args, **kwargs)

    return wrapper
