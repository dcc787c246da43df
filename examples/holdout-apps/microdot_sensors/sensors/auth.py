"""Token auth for the API and an admin check."""

import hashlib
import secrets

from microdot.auth import TokenAuth

from sensors import db

auth = TokenAuth()


@auth.authenticate
async def verify_token(request, token):
    return db.user_by_token(token)


def hash_password(password):
    # expect: VC205
    return hashlib.sha1(password.encode()).hexdigest()


def new_api_token():
    # ok: VC206
    return secrets.token_urlsafe(32)


def is_admin(request):
    # expect: VC207
    return request.headers.get("X-Sensor-Role") == "admin"
