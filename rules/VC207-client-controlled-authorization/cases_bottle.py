"""VC207 corpus, Bottle: the request global imported by name and its `get_header()`."""
import functools

from bottle import abort, request


def admin_required(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        # expect: VC207 -- the client says whether it is an admin
        if request.get_header("X-Admin") != "true":
            abort(403)
        return fn(*args, **kwargs)
    return wrapper


def role_from_query():
    # expect: VC207
    if request.query.get("role") == "admin":
        return "all"
    return "own"


def api_key_required(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        # ok: VC207 -- a credential the client presents, checked elsewhere
        if not request.get_header("X-Api-Key"):
            abort(401)
        return fn(*args, **kwargs)
    return wrapper
