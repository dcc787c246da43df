import jwt
from django.core import signing
from itsdangerous import URLSafeSerializer, URLSafeTimedSerializer
from itsdangerous import TimestampSigner as Signer

SECRET_KEY = "read-from-the-environment"
CLIENT_ID = "portal"
email_change = URLSafeTimedSerializer(SECRET_KEY, salt="email-change")
unsubscribe = URLSafeSerializer(SECRET_KEY, salt="unsubscribe")


class Links:
    def __init__(self):
        self.signer = Signer(SECRET_KEY)

    def read(self, value):
        # expect: VC202 -- a signer bound to an attribute
        return self.signer.unsign(value)

    def read_fresh(self, value):
        # ok: VC202
        return self.signer.unsign(value, max_age=600)


def verify_id_token(id_token, key):
    # expect: VC202 -- an identity provider's token, accepted whatever app it was issued to
    return jwt.decode(id_token, key, algorithms=["RS256"], options={"verify_aud": False})


def verify_id_token_strictly(id_token, key):
    # ok: VC202
    return jwt.decode(id_token, key, algorithms=["RS256"], audience=CLIENT_ID)


def read_own_session(token):
    # ok: VC202 -- our own HMAC-signed token: no other app holds the key
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options={"verify_aud": False})


def read_email_change(token):
    # expect: VC202 -- a timed serializer read with no age limit
    return email_change.loads(token)


def read_email_change_fresh(token):
    # ok: VC202
    return email_change.loads(token, max_age=3600)


def read_email_change_positional(token):
    # ok: VC202 -- `max_age` given by position
    return email_change.loads(token, 3600)


def read_invite(token):
    # expect: VC202 -- built on the spot
    return URLSafeTimedSerializer(SECRET_KEY).loads(token, salt="invite")


def read_unsubscribe(token):
    # ok: VC202 -- a serializer without a timestamp: an unsubscribe link needs no limit
    return unsubscribe.loads(token)


def read_login(token):
    # expect: VC202 -- Django's signed value, read for a sign-in with no age limit
    return signing.loads(token, salt="magic-login")


def read_login_fresh(token):
    # ok: VC202
    return signing.loads(token, salt="magic-login", max_age=900)


def read_preferences(cookie):
    # ok: VC202 -- Django's signed value for a display preference: nothing signs anyone in
    return signing.loads(cookie, salt="preferences")
