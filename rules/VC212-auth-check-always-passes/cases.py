"""VC212 corpus: auth checks that always pass fire; real checks, stubs of interfaces and user objects do not."""
import abc
import hmac
import logging
from typing import Protocol, overload

import jwt
from flask_login import UserMixin
from rest_framework.permissions import BasePermission

logger = logging.getLogger(__name__)


# expect: VC212
def verify_token(token):
    """Verify the bearer token."""
    # TODO: decode the JWT
    return True


# expect: VC212
def is_admin(user):
    pass


# expect: VC212
def check_permission(user, action):
    ...


# expect: VC212
def has_access(user, resource):
    logger.debug("access check for %s", user)
    return True


# expect: VC212
async def authorize(request):
    return 1


# expect: VC212
def validate_api_key(key):
    if not key:
        return True
    return True


class IsOwner(BasePermission):
    # expect: VC212
    def has_object_permission(self, request, view, obj):
        return True


# expect: VC212
is_authenticated = lambda request: True  # noqa: E731


# expect: VC212
def check_password(user, password):
    """Compare the password with the stored hash."""


class Auth:
    # expect: VC212
    def verify_signature(self, payload, signature):
        return "ok"


# ok: VC212
def verify_jwt(token):
    jwt.decode(token, SECRET, algorithms=["HS256"])
    return True


# ok: VC212
def is_staff(user):
    return user.is_staff


# ok: VC212
def has_role(user, role):
    if role in user.roles:
        return True
    return False


# ok: VC212
def check_api_key(key):
    if not hmac.compare_digest(key, API_KEY):
        raise PermissionError("bad key")
    return True


# ok: VC212
def verify_session(session_id):
    raise NotImplementedError


class Authenticator(abc.ABC):
    # ok: VC212
    @abc.abstractmethod
    def authenticate(self, request):
        ...


class TokenVerifier(Protocol):
    # ok: VC212
    def verify_token(self, token: str) -> bool:
        ...


# ok: VC212
@overload
def check_access(user: str) -> bool: ...
@overload
def check_access(user: int) -> bool: ...
def check_access(user):
    return lookup(user)


class User(UserMixin):
    # ok: VC212
    @property
    def is_authenticated(self):
        return True


class AllowAnyone(BasePermission):
    # ok: VC212
    def has_permission(self, request, view):
        return True


# ok: VC212
def get_token(request):
    return True


# ok: VC212
def is_logged_in(session):
    return "user_id" in session


class BasePermission:
    """A framework's base class: every permission class overrides these."""

    # ok: VC212 -- the documented default of a class meant to be subclassed
    def has_permission(self, request, view):
        """Return `True` if permission is granted, `False` otherwise."""
        return True

    # ok: VC212
    def has_object_permission(self, request, view, obj):
        return True


class DefaultMFAAdapter:
    # ok: VC212 -- a default adapter; projects replace it in settings
    def can_delete_authenticator(self, authenticator):
        return True


class ForcedAuthentication:
    """Used when the test client forcibly authenticates a request."""

    def __init__(self, force_user, force_token):
        self.force_user = force_user
        self.force_token = force_token

    # ok: VC212 -- returns who is authenticated, not a constant
    def authenticate(self, request):
        return (self.force_user, self.force_token)


class TokenAuthentication:
    # expect: VC212 -- an ordinary class: a constant answer lets everyone in
    def authenticate(self, request):
        return ("admin", None)


class AdminPermission(BasePermission):
    # expect: VC212 -- a subclass of the base class is the real check
    def has_permission(self, request, view):
        return True
