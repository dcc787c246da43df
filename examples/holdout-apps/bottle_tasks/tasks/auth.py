"""Token auth for the tasks API."""
import functools
import hashlib
import secrets

from bottle import abort, request

from . import store

# expect: VC203 -- signing key in the source
SECRET_KEY = "bottle-tasks-signing-key-2024"


def hash_password(password: str) -> str:
    # expect: VC205 -- unsalted SHA-256
    return hashlib.sha256(password.encode()).hexdigest()


def new_token() -> str:
    # ok: VC206 -- drawn from secrets
    return secrets.token_urlsafe(32)


def current_user():
    header = request.get_header("Authorization", "")
    token = header.removeprefix("Bearer ").strip()
    return store.user_by_token(token) if token else None


def login_required(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        user = current_user()
        if user is None:
            abort(401, "Login required")
        request.environ["tasks.user"] = user
        return fn(*args, **kwargs)
    return wrapper


def admin_required(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        # expect: VC207 -- the client says whether it is an admin
        if request.get_header("X-Admin") != "true":
            abort(403, "Admins only")
        return fn(*args, **kwargs)
    return wrapper


def role_required(role):
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            user = current_user()
            if user is None or user["role"] != role:
                abort(403, "Forbidden")
            request.environ["tasks.user"] = user
            return fn(*args, **kwargs)
        return wrapper
    return decorator
