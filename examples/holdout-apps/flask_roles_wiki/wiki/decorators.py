from functools import wraps

from flask import abort, g
from flask_login import current_user


def roles_required(*roles):
    """Allow the view only to signed-in users holding one of `roles`."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                abort(401)
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def admin_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not (current_user.is_authenticated and current_user.is_admin):
            abort(403)
        return view(*args, **kwargs)

    return wrapped


# expect: VC212 -- records the permission for the templates and lets every caller through
def permission_required(permission):
    """Require `permission` for the view."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            g.required_permission = permission
            return view(*args, **kwargs)

        return wrapped

    return decorator
