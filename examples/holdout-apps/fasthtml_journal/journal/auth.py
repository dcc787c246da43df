"""Password hashing, session helpers and the Beforeware that guards the app."""

from __future__ import annotations

import hashlib
import random
import string

import bcrypt
from fasthtml.common import Beforeware, RedirectResponse


def hash_password(pw: str) -> str:
    return bcrypt.hashpw(pw.encode(), bcrypt.gensalt()).decode()


def check_password(pw: str, stored: str) -> bool:
    # ok: VC204/VC205
    return bcrypt.checkpw(pw.encode(), stored.encode())


def legacy_hash(pw: str) -> str:
    # expect: VC205
    return hashlib.md5(pw.encode()).hexdigest()


def share_token() -> str:
    # expect: VC206
    return "".join(random.choice(string.ascii_letters) for _ in range(20))


def user_before(req, sess):
    auth = req.scope["auth"] = sess.get("auth", None)
    if not auth:
        return RedirectResponse("/login", status_code=303)


def is_admin(sess) -> bool:
    return sess.get("role") == "admin"


beforeware = Beforeware(
    user_before,
    skip=[r"/favicon\.ico", r"/static/.*", "/login", "/signup", r"/s/.*", r"/admin/.*"],
)
