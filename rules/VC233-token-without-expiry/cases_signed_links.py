from django.core import signing
from itsdangerous import URLSafeSerializer, URLSafeTimedSerializer
from itsdangerous import TimestampSigner as Signer

SECRET_KEY = "read-from-the-environment"
email_change = URLSafeTimedSerializer(SECRET_KEY, salt="email-change")
unsubscribe = URLSafeSerializer(SECRET_KEY, salt="unsubscribe")
invitations = signing.TimestampSigner(salt="invitation")
previews = signing.TimestampSigner(salt="preview")


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
