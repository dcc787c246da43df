from datetime import datetime, timedelta, timezone

import jwt as pyjwt
from authlib.jose import jwt as authlib_jwt
from jose import jwt as jose_jwt

SECRET_KEY = "read-from-the-environment"


def issue_access_token(user):
    # expect: VC233 -- a dict display without `exp`
    return pyjwt.encode({"sub": str(user.id), "role": user.role}, SECRET_KEY, algorithm="HS256")


def issue_access_token_with_expiry(user):
    # ok: VC233
    return pyjwt.encode({"sub": str(user.id), "exp": datetime.now(timezone.utc) + timedelta(minutes=15)}, SECRET_KEY)


def create_session_token(user):
    claims = {"user_id": user.id}
    claims["role"] = user.role
    # expect: VC233 -- claims built over several lines, none of them `exp`
    return jose_jwt.encode(claims, SECRET_KEY, algorithm="HS256")


def create_session_token_later_expiry(user):
    claims = {"user_id": user.id}
    claims["exp"] = datetime.now(timezone.utc) + timedelta(hours=1)
    # ok: VC233 -- `exp` set on its own line
    return jose_jwt.encode(claims, SECRET_KEY, algorithm="HS256")


def create_session_token_updated(user):
    claims = {"user_id": user.id}
    claims.update(exp=datetime.now(timezone.utc) + timedelta(hours=1))
    # ok: VC233
    return jose_jwt.encode(claims, SECRET_KEY, algorithm="HS256")


def create_session_token_merged(user, extra):
    # ok: VC233 -- `dict(**claims, exp=...)`
    return pyjwt.encode(dict(**extra, sub=user.id, exp=datetime.now(timezone.utc)), SECRET_KEY)


def login_token_through_helper(user):
    claims = {"sub": user.id}
    with_expiry(claims)
    # ok: VC233 -- a helper the claims go through may set `exp`
    return pyjwt.encode(claims, SECRET_KEY)


def with_expiry(claims):
    claims["exp"] = datetime.now(timezone.utc) + timedelta(hours=1)


def sign_from_parameter(claims):
    # ok: VC233 -- the caller's claims: not in view
    return pyjwt.encode(claims, SECRET_KEY)


def make_reset_link_token(user):
    payload = dict(uid=user.pk, purpose="reset")
    # expect: VC233 -- a reset token in a `dict(...)` call
    reset_token = pyjwt.encode(payload, SECRET_KEY, algorithm="HS256")
    return reset_token


def authlib_login_token(user):
    header = {"alg": "HS256"}
    # expect: VC233 -- authlib takes the header first
    return authlib_jwt.encode(header, {"sub": user.id}, SECRET_KEY)


def pagination_cursor(last_id):
    # ok: VC233 -- a cursor grants nothing
    return pyjwt.encode({"after": last_id, "user": None}, SECRET_KEY)


def oauth_state(next_url):
    # ok: VC233 -- an OAuth `state` round trip, no credential
    return pyjwt.encode({"next": next_url, "nonce": "x", "user": "anon"}, SECRET_KEY)


def signed_file_reference(file_id):
    # ok: VC233 -- a signed id that grants nothing by itself
    return pyjwt.encode({"file_id": file_id}, SECRET_KEY)


def issue_api_key(user):
    # ok: VC233 -- an API key is revoked by deleting its stored hash, not by age
    api_key = pyjwt.encode({"sub": user.id}, SECRET_KEY)
    return api_key
