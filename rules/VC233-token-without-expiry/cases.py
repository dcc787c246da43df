from datetime import datetime, timedelta, timezone
import os

import jwt as pyjwt
from authlib.jose import jwt as authlib_jwt
from flask import Flask
from flask_jwt_extended import create_access_token as make_token
from django.core import signing
from itsdangerous import TimestampSigner as Signer
from itsdangerous import URLSafeSerializer, URLSafeTimedSerializer
from jose import jwt as jose_jwt

SECRET_KEY = "read-from-the-environment"
email_change = URLSafeTimedSerializer(SECRET_KEY, salt="email-change")
unsubscribe = URLSafeSerializer(SECRET_KEY, salt="unsubscribe")
invitations = signing.TimestampSigner(salt="invitation")
previews = signing.TimestampSigner(salt="preview")


def issue_access_token(user):
    # expect: VC233 -- a dict display without `exp`
    return pyjwt.encode({"sub": str(user.id), "role": user.role}, SECRET_KEY, algorithm="HS256")


def sign_in_session(user_id):
    ends = datetime.now(timezone.utc) + timedelta(hours=8)
    # ok: VC233 -- the token carries its end under the project's own claim, which its reader checks
    return pyjwt.encode({"user_id": user_id, "session_expired_at": ends.isoformat()}, SECRET_KEY, algorithm="HS256")


def sign_in_for_a_while(user_id):
    claims = {"user_id": user_id}
    claims["expires_at"] = (datetime.now(timezone.utc) + timedelta(hours=1)).timestamp()
    # ok: VC233 -- set later, under another name for the same thing
    return pyjwt.encode(claims, SECRET_KEY, algorithm="HS256")


def sign_in_for_a_length(user_id):
    # expect: VC233 -- a length of time with no start: the token still never ends
    return pyjwt.encode({"user_id": user_id, "expires_in": 3600}, SECRET_KEY, algorithm="HS256")


def remember_me_cookie(username, ends):
    # ok: VC233 -- a re-authentication cookie carrying its end as exp_date, which its reader compares with now
    return pyjwt.encode({"username": username, "exp_date": ends.timestamp()}, SECRET_KEY, algorithm="HS256")


def sign_in_until(user_id, ends):
    # ok: VC233 -- an expiry time under the project's own name
    return pyjwt.encode({"user_id": user_id, "expire_time": ends.isoformat()}, SECRET_KEY, algorithm="HS256")


def sign_in_with_an_export_date(user_id, today):
    # expect: VC233 -- when something was exported is no end of the token
    return pyjwt.encode({"user_id": user_id, "export_date": today.isoformat()}, SECRET_KEY, algorithm="HS256")


def sign_in_not_expired(user_id):
    # expect: VC233 -- a flag, not a time
    return pyjwt.encode({"user_id": user_id, "expired": False}, SECRET_KEY, algorithm="HS256")


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


class Links:
    def __init__(self):
        self.signer = Signer(SECRET_KEY)

    def read(self, value):
        # expect: VC233 -- a signer bound to an attribute
        return self.signer.unsign(value)

    def read_fresh(self, value):
        # ok: VC233
        return self.signer.unsign(value, max_age=600)


def read_email_change(token):
    # expect: VC233 -- a timed serializer read with no age limit
    return email_change.loads(token)


def read_email_change_unlimited(token):
    # expect: VC233 -- `max_age=None` is no limit
    return email_change.loads(token, max_age=None)


def read_email_change_fresh(token):
    # ok: VC233
    return email_change.loads(token, max_age=3600)


def read_email_change_positional(token):
    # ok: VC233 -- `max_age` given by position
    return email_change.loads(token, 3600)


def read_invite(token):
    # expect: VC233 -- built on the spot
    return URLSafeTimedSerializer(SECRET_KEY).loads(token, salt="invite")


def read_unsubscribe(token):
    # ok: VC233 -- a serializer without a timestamp: an unsubscribe link needs no limit
    return unsubscribe.loads(token)


def read_login(token):
    # expect: VC233 -- Django's signed value, read for a sign-in with no age limit
    return signing.loads(token, salt="magic-login")


def read_login_fresh(token):
    # ok: VC233
    return signing.loads(token, salt="magic-login", max_age=900)


def read_preferences(cookie):
    # ok: VC233 -- Django's signed value for a display preference: nothing signs anyone in
    return signing.loads(cookie, salt="preferences")


def accept(token):
    # expect: VC233 -- Django's timestamp signer named for an invitation
    return invitations.unsign(token)


def show_preview(token):
    # ok: VC233 -- Django's timestamp signer for a preview link: it signs nobody in
    return previews.unsign(token)


def refresh_link(token):
    # ok: VC233 -- a refresh reads the old link on purpose
    return email_change.loads(token)


class ShareLinkResource:
    def on_post(self, req, resp, file_id):
        # expect: VC233 -- a share link: whoever holds it downloads the file, for ever
        token = pyjwt.encode({"file_id": file_id}, SECRET_KEY, algorithm="HS256")
        resp.media = {"url": f"/s/{token}"}


def create_share_link(file_id):
    expires = datetime.now(timezone.utc) + timedelta(hours=24)
    # ok: VC233 -- the link expires
    return pyjwt.encode({"file_id": file_id, "exp": expires}, SECRET_KEY, algorithm="HS256")


def thumbnail_etag(file_id):
    # ok: VC233 -- names no credential
    return pyjwt.encode({"file_id": file_id}, SECRET_KEY, algorithm="HS256")


app = Flask(__name__)
# expect: VC233 -- Flask-JWT-Extended then signs access tokens without `exp`
app.config["JWT_ACCESS_TOKEN_EXPIRES"] = False
# ok: VC233 -- an hour
app.config["JWT_ACCESS_TOKEN_EXPIRES"] = timedelta(hours=1)
# expect: VC233
app.config.update(JWT_SECRET_KEY=SECRET_KEY, JWT_ACCESS_TOKEN_EXPIRES=False)
# expect: VC233 -- an `int` lifetime of no seconds: Flask-JWT-Extended adds `exp` only when the lifetime is truthy
app.config["JWT_ACCESS_TOKEN_EXPIRES"] = 0
# expect: VC233 -- a zero timedelta is as falsy
app.config.update({"JWT_ACCESS_TOKEN_EXPIRES": timedelta(minutes=0)})
# ok: VC233 -- fifteen minutes, in seconds
app.config["JWT_ACCESS_TOKEN_EXPIRES"] = 900
# ok: VC233 -- a lifetime read from the environment
app.config["JWT_ACCESS_TOKEN_EXPIRES"] = timedelta(seconds=int(os.environ.get("JWT_TTL", "900")))
# ok: VC233 -- refresh tokens are renewed through their own store
app.config.update({"JWT_REFRESH_TOKEN_EXPIRES": False})
# ok: VC233 -- a dict of another kind
feature_flags = {}
feature_flags["JWT_ACCESS_TOKEN_EXPIRES"] = False


class ProductionConfig:
    # expect: VC233
    JWT_ACCESS_TOKEN_EXPIRES = False


class DevelopmentConfig:
    # ok: VC233 -- a development configuration
    JWT_ACCESS_TOKEN_EXPIRES = False


def issue_api_session(user):
    # expect: VC233
    return make_token(identity=str(user.id), expires_delta=False)


def issue_unbounded_session(user):
    # expect: VC233 -- a zero lifetime for this token
    return make_token(identity=str(user.id), expires_delta=0)


def issue_five_minute_session(user):
    # ok: VC233
    return make_token(identity=str(user.id), expires_delta=timedelta(minutes=5))


def issue_short_session(user):
    # ok: VC233
    return make_token(str(user.id), False, timedelta(minutes=15))


def issue_positional_forever(user):
    # expect: VC233
    return make_token(str(user.id), False, False)
