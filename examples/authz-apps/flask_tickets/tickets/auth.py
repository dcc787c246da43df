from functools import wraps

from flask import abort, g, redirect, session, url_for

from .models import User


def load_logged_in_user():
    user_id = session.get("user_id")
    g.user = User.query.get(user_id) if user_id is not None else None


def login_required_hook():
    if session.get("user_id") is None:
        return redirect(url_for("auth.login"))


def admin_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.user is None or not g.user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapped
