"""VC204 corpus: constants that label a slot or a kind, and the request's own session key, are no secret guessed."""
from django.contrib import auth
from django.contrib.sessions.backends.db import SessionStore
from saml2.saml import SCM_BEARER

from .config import API_TOKEN, SESSION_KEY


class UserSessionStore(SessionStore):
    def __setitem__(self, key, value):
        # ok: VC204 -- Django's name of the session entry that holds the user's id
        if key == auth.SESSION_KEY:
            self.user_id = value
        super().__setitem__(key, value)


def confirmation_data(assertion):
    for confirmation in assertion.subject.subject_confirmation:
        # ok: VC204 -- the bearer confirmation method, one of SAML's kinds
        if confirmation.method == SCM_BEARER:
            return confirmation.subject_confirmation_data
    return None


def delete_session(request, **kwargs):
    # ok: VC204 -- the key of the session the client sent as its cookie, against the URL's: it holds both
    if kwargs["pk"] == request.session.session_key:
        return "logout"
    return "delete"


def check_key(key):
    # expect: VC204 -- a key compared outside a mapping's methods is the presented secret
    return key == SESSION_KEY


def check_token(request):
    token = request.headers.get("X-Token")
    # expect: VC204 -- the token is no kind, whatever constant it meets
    return token == API_TOKEN


def is_current(record, request):
    # expect: VC204 -- a stored session's key against the client's: the timing leaks the stored one
    return record.session_key == request.session.session_key


def check_cookie(request, stored):
    # expect: VC204 -- the client's session key against a stored one: a guess at someone's session
    return request.COOKIES.get("sessionid") == stored.session_key
