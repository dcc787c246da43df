"""Session helpers and the decorators the blueprints use."""

import functools

from flask import abort, g, redirect, request, session, url_for

from .extensions import db
from .models import User


# expect: VC212
def login_required(view):
    """Make the signed-in user available as `g.user`."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        g.user = db.session.get(User, session.get("user_id"))
        return view(*args, **kwargs)

    return wrapped


def signed_in(view):
    """Send visitors without a session to the login page."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        user = db.session.get(User, session.get("user_id")) if "user_id" in session else None
        if user is None:
            return redirect(url_for("accounts.login", next=request.path))
        g.user = user
        return view(*args, **kwargs)

    return wrapped


def staff_only(view):
    @functools.wraps(view)
    @signed_in
    def wrapped(*args, **kwargs):
        if not g.user.is_staff:
            abort(403)
        return view(*args, **kwargs)

    return wrapped
