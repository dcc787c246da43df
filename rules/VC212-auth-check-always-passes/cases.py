"""VC212 corpus: auth checks that always pass fire; real checks, stubs of interfaces and user objects do not."""
import abc
import functools
import hmac
import logging
import os
from typing import Annotated, Protocol, overload

import jwt
from fastapi import Depends, HTTPException, Security
from litestar.connection import ASGIConnection
from flask import abort, g, redirect, request, session
from flask_jwt_extended import get_jwt, get_jwt_identity, verify_jwt_in_request
from flask_login import UserMixin
from ninja.security import APIKeyHeader, HttpBearer
from rest_framework.permissions import BasePermission
from django.contrib import admin
from django.contrib.auth.mixins import UserPassesTestMixin
from django.db import models

logger = logging.getLogger(__name__)
SECRET = os.environ["JWT_SECRET"]


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


class IsAuthorOrReadOnly(BasePermission):
    # expect: VC212 -- the author compared with itself
    def has_object_permission(self, request, view, obj):
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        return obj.author == obj.author


class IsAuthor(BasePermission):
    # ok: VC212 -- the author compared with the caller
    def has_object_permission(self, request, view, obj):
        return obj.author == request.user


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


class ICSRFStoragePolicy(Interface):
    # ok: VC212 -- a zope.interface declaration: its methods have no body by design
    def check_csrf_token(request, token):
        """Return True if the token is valid, otherwise False."""


class IStrictCSRFStoragePolicy(ICSRFStoragePolicy):
    # ok: VC212 -- an interface that extends another declares too
    def verify_token(request, token):
        """Return True if the token is valid and fresh."""


class InternalTokenStore(TokenStoreBase):
    # expect: VC212 -- named with a leading `I`, but an implementation: its base is no interface
    def verify_token(self, token):
        pass


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


class Available(StockPolicy):
    """For when a product is always available, whatever the stock level."""

    # ok: VC212 -- the policy class is named for its permissive answer
    def is_purchase_permitted(self, quantity):
        return True, ""


class Unavailable(StockPolicy):
    # expect: VC212 -- named as the refusing policy, yet it lets everyone buy
    def is_purchase_permitted(self, quantity):
        return True, ""


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


class SSHChannel:
    # ok: VC212 -- asyncio's transport interface: the channel supports write_eof, nobody is let in
    def can_write_eof(self) -> bool:
        return True

    # ok: VC212
    def can_read_bytes(self):
        return True

    # expect: VC212 -- a write of a record, asked of a caller
    def can_write_record(self, user):
        return True

    # expect: VC212
    def can_write_eof_for(self, user):
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


# expect: VC212
def admin_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("is_admin"):
            logger.warning("non-admin access to %s", view.__name__)
        return view(*args, **kwargs)
    return wrapper


# expect: VC212
def require_api_key(f):
    @functools.wraps(f)
    def decorated(*args, **kwargs):
        key = request.headers.get("X-API-Key")
        if key:
            return f(*args, **kwargs)
        return f(*args, **kwargs)
    return decorated


# expect: VC212
def roles_required(*roles):
    def decorator(handler):
        @functools.wraps(handler)
        async def wrapper(*args, **kwargs):
            # TODO: check the roles
            return await handler(*args, **kwargs)
        return wrapper
    return decorator


# expect: VC212
def superuser_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not g.user or g.user.role == "admin" or True:
            return view(*args, **kwargs)
        abort(403)
    return wrapper


# ok: VC212 -- a factory given the check: the wrapper runs it (it may raise) before the method it wraps
def auth_decorator(check_auth):
    def decorator(method):
        def decorated(self, *args, **kwargs):
            check_auth(self, **kwargs)
            return method(self, *args, **kwargs)
        decorated.__name__ = method.__name__
        return decorated
    return decorator


# expect: VC212 -- the factory's argument is only logged; the view is called on every path
def auth_scoped(*scopes):
    def decorator(view):
        def wrapper(*args, **kwargs):
            logger.info("scopes %s", scopes)
            return view(*args, **kwargs)
        return wrapper
    return decorator


# ok: VC212 -- the condition can be false, and then the wrapper refuses
def owner_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if g.user and (g.user.is_owner or "owner" in g.user.roles):
            return view(*args, **kwargs)
        abort(403)
    return wrapper


# ok: VC212 -- the wrapper refuses with abort()
def login_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("user_id"):
            abort(401)
        return view(*args, **kwargs)
    return wrapper


# ok: VC212 -- the wrapper returns a redirect instead of calling the view
def staff_required(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_staff:
            return redirect("login")
        return view(request, *args, **kwargs)
    return wrapper


# ok: VC212 -- jwt.decode raises on a bad token, which refuses the call
def token_required(f):
    @functools.wraps(f)
    def decorated(*args, **kwargs):
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        claims = jwt.decode(token, SECRET, algorithms=["HS256"])
        return f(claims["sub"], *args, **kwargs)
    return decorated


# ok: VC212 -- optional authentication calls the view for everyone by design
def auth_optional(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        g.user = session.get("user")
        return view(*args, **kwargs)
    return wrapper


# ok: VC212 -- not a guard's name: a timing decorator always calls the view
def timed(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        logger.info("calling %s", view.__name__)
        return view(*args, **kwargs)
    return wrapper


# ok: VC212 -- the wrapper hands the token it read to the view, which checks it: an injector, not the guard
def with_api_token(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        token = request.headers.get("X-API-Token")
        return view(token, *args, **kwargs)
    return wrapper


class StaticFiles:
    def __init__(self, exports, disallow=None):
        self.exports = exports
        if disallow is not None:
            self.is_allowed = lambda path: not path.startswith(disallow)

    # ok: VC212 -- the default answer, which the class replaces on the instance when it is configured
    def is_allowed(self, path):
        return True


class Storage:
    # ok: VC212 -- the default of a hierarchy: the subclass below overrides it
    def ensure_access_allowed(self):
        pass


class LocalStorage(Storage):
    pass


class ReadOnlyStorage(LocalStorage):
    def ensure_access_allowed(self):
        raise PermissionError("read-only storage")


class Reports:
    def __init__(self, owner):
        self.is_owner = owner is not None

    # expect: VC212 -- an attribute of another name set on the instance does not replace this check
    def is_admin(self, user):
        return True


class Uploads(Storage):
    # expect: VC212 -- no class of this file overrides it
    def check_upload_allowed(self, user):
        return True



# expect: VC212
def is_valid_service_key(key):
    # TODO: check against the keys ops provisions
    return True


# expect: VC212
def verify_client_secret(secret):
    return True


# ok: VC212 -- a key of a mapping, not a credential
def is_valid_key(key):
    return True


# expect: VC212
async def require_admin(user=Depends(get_current_user)):
    return user


# expect: VC212
def get_current_superuser(principal: Annotated[dict, Security(get_current_user)]):
    logger.info("superuser %s", principal)
    return principal


# expect: VC212 -- the dependency that gives the caller is called in the signature, and checks no role
def verify_token_dependency(token: str = Depends(oauth2_scheme)) -> bool:
    return True


# ok: VC212
async def require_staff(user=Depends(get_current_user)):
    if not user.is_staff:
        raise HTTPException(status_code=403)
    return user


# ok: VC212 -- the role is checked by the dependency it names
async def require_owner(user=Depends(owner_of_resource)):
    return user if user.is_owner else None


# ok: VC212 -- an ordinary helper, not a dependency the framework hands the caller to
def admin_required_context(context):
    return context


# ok: VC212 -- names the caller, not a role
async def current_active_user(user=Depends(get_current_user)):
    return user


def require_role(role):
    # expect: VC212 -- the dependency the factory builds never looks at `role`
    def checker(user=Depends(get_current_user)):
        return user

    return checker


def require_any_role(role):
    # expect: VC212 -- `or "admin"` is always true: the refusal below it never runs
    async def checker(user=Depends(get_current_user)):
        if user.role == role or "admin":
            return user
        raise HTTPException(status_code=403)

    return checker


# expect: VC212 -- the test denies nothing: its branch only passes
def staff_only(user: dict = Depends(get_current_user)) -> dict:
    if user.get("role") != "staff":
        pass
    return user


# ok: VC212 -- the branch refuses
def staff_required(user: dict = Depends(get_current_user)) -> dict:
    if user.get("role") != "staff":
        raise HTTPException(status_code=403)
    return user


# ok: VC212 -- the role is checked by a call that may raise
def admin_only(user: dict = Depends(get_current_user)) -> dict:
    if user.get("role") != "admin":
        deny(user)
    return user


def require_roles(*roles):
    # ok: VC212
    def checker(user=Depends(get_current_user)):
        if not set(roles) & set(user.roles):
            raise HTTPException(status_code=403)
        return user

    return checker


class ClientMetadataClaims:
    # ok: VC212 -- a registration claim's algorithm: any value is accepted, and no caller is let in by it
    def validate_id_token_encrypted_response_alg(self):
        """JWE algorithm for encrypting the ID token; the default is no encryption."""

    # expect: VC212 -- the token itself is never checked
    def validate_id_token(self):
        """Check the ID token's signature and claims."""


class PartnerKey(APIKeyHeader):
    param_name = "X-Partner-Key"

    # expect: VC212
    def authenticate(self, request, key):
        return key


# expect: VC212
def verify_bearer_token(request, token: str) -> str:
    """Accept the bearer token."""
    return token


class ServiceKey(APIKeyHeader):
    param_name = "X-Service-Key"

    # ok: VC212
    def authenticate(self, request, key):
        if hmac.compare_digest(key, SECRET):
            return key


class SessionBearer(HttpBearer):
    # ok: VC212 -- the lookup decides who the token belongs to
    def authenticate(self, request, token):
        return Session.objects.filter(token=token, expired=False).first()


# ok: VC212 -- hands back the id it was given, not a credential it was meant to test
def check_access(request, user_id):
    return user_id


class Middleware:
    async def on_request(self, context, call_next):
        return await call_next(context)

    # ok: VC212 -- an extension point: its docstring tells subclasses how to refuse
    async def check_resource_access(self, context):
        """Authorize resource access without reading content.

        Raise AuthorizationError to deny access.
        """

    # expect: VC212 -- a docstring that only restates the name is no extension point
    async def check_tool_access(self, context):
        """Check that the caller may run the tool."""


class TrackingStore:
    # ok: VC212 -- a hook the multi-tenant store in another module overrides; it says so
    def _validate_run_accessible(self, session, run_id: str) -> None:
        """Hook for subclasses to validate run access. No-op by default."""
        return

    # expect: VC212 -- "no-op" alone is a placeholder's confession, not an extension point
    def _validate_trace_accessible(self, session, trace_id: str) -> None:
        """Validate trace access (a no-op for now)."""
        return


class SamlBackend:
    # ok: VC212 -- an extension point for the deploying project's own policy; its docstring says the answer is a default
    def is_authorized(self, attributes, attribute_mapping, idp_entityid, **kwargs) -> bool:
        """Hook that lets custom authorization policies decide from the SAML attributes. True by default."""
        return True

    # expect: VC212 -- a docstring that describes a check it never makes
    def is_member_authorized(self, attributes, **kwargs) -> bool:
        """Check the SAML attributes for the member group."""
        return True


class BlanketPermissionPolicy(BasePermissionPolicy):
    """A permission policy that gives everyone (including anonymous users) full permission over the model."""

    # ok: VC212 -- letting everyone through is what the class is documented to do
    def user_has_permission(self, user, action):
        return True


class StaffPermissionPolicy(BasePermissionPolicy):
    """Lets staff in; everyone else is refused."""

    # expect: VC212 -- the docstring promises a refusal the method never makes
    def user_has_permission(self, user, action):
        return True


# expect: VC212
def can_manage_members(connection: ASGIConnection, handler):
    logger.debug("member management by %s on %s", connection.user.get("sub"), handler)


# ok: VC212
def can_edit_project(connection: ASGIConnection, handler):
    if connection.user.get("role") != "admin":
        raise PermissionError("admins only")


# expect: VC212
def check_permission(user, action) -> None:
    """Check that the user may perform the action."""
    logger.info("checking %s for %s", action, user)


# ok: VC212 -- the check it calls may raise
def check_access(user, action) -> None:
    ensure_allowed(user, action)


class PlaceholderAdmin(admin.ModelAdmin):
    # ok: VC212 -- Django's admin site lets only signed-in staff reach its permission hooks
    def has_delete_permission(self, request, obj=None):
        return True

    # expect: VC212 -- not one of the admin's hooks
    def has_permission(self, request, view):
        return True


class FullAccessSecurityProfile:
    # ok: VC212 -- the profile exists to allow everything
    def is_allowed(self, request):
        return True


class ProjectImportPermission:
    """Checks if the user has access to the project import API. Default case is always true."""

    # ok: VC212 -- the class documents that it always allows
    def has_permission(self, request, view):
        return True


class ReportsPermission:
    """Checks if the user may read the reports."""

    # expect: VC212
    def has_permission(self, request, view):
        return True


class KeyStore:
    def sign(self, data):
        raise NotImplementedError


class SoftwareKeyStore(KeyStore):
    def can_change_password(self):
        # ok: VC212 -- one kind's answer: the hardware kind below answers False
        return True


class HardwareKeyStore(KeyStore):
    def can_change_password(self):
        return False


class DevAuth(KeyStore):
    # expect: VC212 -- a sibling that checks the token does not make this stub a declared capability
    def verify_token(self, token):
        return True


class TokenAuth(KeyStore):
    def verify_token(self, token):
        return hmac.compare_digest(token, EXPECTED_TOKEN)


def is_tenant_admin(user):
    return user.role in {"owner", "admin"}


def delete_invoice(invoice, user):
    # expect: VC212 -- the answer is thrown away
    is_tenant_admin(user)
    invoice.delete()


async def current_user_is_admin(user):
    return user.role == "admin"


def can_team_access_model(team, model):
    if model not in team.models:
        raise HTTPException(status_code=403)
    return True


def can_customer_access_model(customer, model):
    return can_object_call_model(customer, model)


async def remove_member(member, user):
    # expect: VC212
    await current_user_is_admin(user)
    await member.delete()


def archive_invoice(invoice, user):
    # ok: VC212 -- the answer decides
    if not is_tenant_admin(user):
        raise HTTPException(status_code=403)
    invoice.archive()


def require_org_admin(request, org_id):
    membership = require_member(request, org_id)
    return membership.role in ("admin", "owner")


def require_org_owner(request, org_id):
    membership = require_member(request, org_id)
    if membership.role != "owner":
        raise HTTPException(status_code=403)
    return membership.role == "owner"


def load_membership(request, org_id):
    membership = require_member(request, org_id)
    return membership


def save_org_settings(request, org_id, data):
    # expect: VC212 -- the membership call refuses strangers; the role it answers is thrown away
    require_org_admin(request, org_id)
    update_settings(org_id, data)
    # ok: VC212 -- it raises for the role itself
    require_org_owner(request, org_id)
    # ok: VC212 -- it answers a record, not a test
    load_membership(request, org_id)
    # ok: VC212 -- the answer decides
    if not require_org_admin(request, org_id):
        raise HTTPException(status_code=403)


def delete_file(workspace_id, file_id, user_id):
    role = member_role(user_id, workspace_id)
    # expect: VC212 -- any member has a role, so the admin test decides nothing
    if role is not None or role == "admin":
        remove_file(file_id)
    membership = find_membership(user_id, workspace_id)
    # expect: VC212
    if membership.role in ("owner", "admin") or membership:
        remove_file(file_id)
    # expect: VC212 -- a flag read from the membership it just found present
    if membership or membership.is_admin:
        remove_file(file_id)
    # ok: VC212 -- both must hold
    if role is not None and role == "admin":
        remove_file(file_id)
    # ok: VC212 -- refuses a missing and a plain membership alike
    if membership is None or membership.role != "owner":
        raise HTTPException(status_code=403)
    # ok: VC212 -- two roles, either of which may delete
    if membership.is_admin or membership.is_owner:
        remove_file(file_id)


def suggest_next_step(ctx, workspace):
    # ok: VC212 -- what holds the tools is named a manager; the test asks only whether there are tools
    if ctx.deps.tool_manager.tools is None or ctx.deps.tool_manager.tools:
        suggest_tools(ctx)
    # expect: VC212 -- a flag read from the membership it just found present, through the workspace
    if workspace.manager_membership or workspace.manager_membership.is_admin:
        suggest_tools(ctx)


def submit(form):
    # ok: VC212 -- not an auth question
    form.is_valid()
    # ok: VC212 -- a check that refuses by raising, not a question
    check_permission(form.user, "submit")
    # ok: VC212 -- named as a question, but it refuses by raising
    can_team_access_model(form.team, form.model)
    # ok: VC212 -- out of view: it may refuse by raising
    can_project_access_model(form.project, form.model)
    # ok: VC212 -- it answers what another check says, and that one may raise
    can_customer_access_model(form.customer, form.model)


def admin_required():
    verify_jwt_in_request()
    return get_jwt().get("is_admin", False)


def staff_required():
    if not g.user.is_staff:
        abort(403)
    return g.user


def is_signed_in():
    verify_jwt_in_request()
    return get_jwt_identity() is not None


def current_is_superuser() -> bool:
    verify_jwt_in_request()
    return bool(get_jwt().get("superuser"))


def guard_admin_pages():
    # expect: VC212 -- the token check in it refuses only the anonymous; the admin flag is the answer it drops
    admin_required()


def ban_user(user):
    # expect: VC212 -- the same for a question
    current_is_superuser()
    user.ban()


def profile_page():
    # ok: VC212 -- named for what it requires, and it refuses by aborting
    staff_required()
    # ok: VC212 -- a sign-in check: the token check in it refuses whoever has none
    is_signed_in()
    # ok: VC212 -- named for a requirement, but no auth check (a form's field)
    form_required()


def add_authenticator(user):
    # ok: VC212 -- a validator that raises when the user may not: called for that
    validate_can_add_authenticator(user)
    return create_authenticator(user)


class IsEditor(BasePermission):
    # expect: VC212 -- `or "owner"` is a constant: the comparison before it decides nothing
    def has_permission(self, request, view):
        user = request.user
        return user.is_authenticated and user.role == "editor" or "owner"


class IsReviewer(BasePermission):
    # ok: VC212 -- each side of `or` is a comparison
    def has_permission(self, request, view):
        user = request.user
        return user.is_authenticated and (user.role == "reviewer" or user.role == "owner")


class StaffRequiredMixin(UserPassesTestMixin):
    # expect: VC212 -- the check Django's mixin calls lets every caller through
    def test_func(self):
        # Staff accounts are managed in the admin for now.
        return True


class ManagerRequiredMixin(UserPassesTestMixin):
    # ok: VC212 -- it tests the caller
    def test_func(self):
        return self.request.user.groups.filter(name="managers").exists()


class BaseAccessMixin(UserPassesTestMixin):
    # ok: VC212 -- the default of a base that subclasses override
    def test_func(self):
        return True


class Scenario:
    # ok: VC212 -- not the check of a `UserPassesTestMixin`
    def test_func(self):
        return True


class LockoutHandler:
    # ok: VC212 -- a receiver of Django's `user_login_failed` signal: it reacts to the event, it answers no caller
    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        pass

    # ok: VC212
    def user_logged_in(self, sender, request, user, **kwargs):
        pass

    # expect: VC212 -- the same name asked of a request is a check
    def user_logged_in_check(self, request):
        pass


class LockoutDummyHandler:
    # ok: VC212 -- a null object that switches lockouts off: letting everyone through is its purpose
    def is_allowed(self, request, credentials=None):
        return True


class LockoutTestHandler:
    """Lockout handler implementation that does nothing, for a test suite."""

    # ok: VC212
    def is_allowed(self, request, credentials=None):
        return True


class LockoutDatabaseHandler:
    """Keeps failed attempts in the database."""

    # expect: VC212 -- the real handler's check lets everyone through
    def is_allowed(self, request, credentials=None):
        return True


class OtpDevice(models.Model):
    class Meta:
        abstract = True

    # ok: VC212 -- the default of an abstract model, which each concrete device overrides
    def verify_is_allowed(self):
        return (True, None)


class OtpDeviceProxy(models.Model):
    class Meta:
        proxy = True

    # expect: VC212 -- a concrete model's own check
    def verify_is_allowed(self):
        return (True, None)


def claims_admin_required(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        verify_jwt_in_request()
        claims = get_jwt()
        # expect: VC212 -- every token carries `is_admin`, false ones too
        if claims.get("is_admin") is None:
            abort(403)
        return fn(*args, **kwargs)

    return wrapper


def staff_only(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        # expect: VC212
        if "is_staff" not in session:
            abort(403)
        return fn(*args, **kwargs)

    return wrapper


def verified_admin_required(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        claims = get_jwt()
        # ok: VC212 -- the value is read below
        if "is_admin" not in claims or not claims["is_admin"]:
            abort(403)
        return fn(*args, **kwargs)

    return wrapper


def require_admin_role():
    # expect: VC212 -- any signed-in user has a role
    if session.get("role") is None:
        abort(401)


def has_role_claim(claims):
    # ok: VC212 -- asks whether the caller has any role, as its name says
    return claims.get("role") is not None


def is_librarian(identity):
    # expect: VC212 -- named for one role, and any role passes
    return identity is not None and "role" in identity.claims


def editor_required(claims):
    # expect: VC212
    if "roles" not in claims:
        abort(403)


def is_instructor(claims):
    # ok: VC212 -- the role's value is compared
    return "role" in claims and claims["role"] == "instructor"


def is_user(claims):
    # ok: VC212 -- every caller is a user
    return "role" in claims


def is_admin_member(user):
    # ok: VC212 -- a role's value looked up in the caller's roles
    return "admin" in user.roles


def require_manager(user):
    # ok: VC212
    if user.get("role") != "manager":
        abort(403)


# expect: VC212 -- the lookup cannot change the answer: `or True` makes it constant
def is_org_billing_admin(user, org):
    membership = Membership.objects.filter(user=user, org=org).first()
    return membership is not None and membership.role == "admin" or True


def is_project_admin(user, project):
    membership = project.members.filter(user=user).first()
    if membership is None:
        raise PermissionError("not a member")
    # ok: VC212 -- a caller without a membership is refused by the raise, whatever the answer after it
    return membership.role == "admin" or True


def impersonate_user(request, user_id):
    # expect: VC212 -- a test of the caller made always true; the refusal below is dead
    if request.username or True:
        return start_impersonation(request, user_id)
    return "forbidden"


def export_rows(request, rows):
    # expect: VC212 -- `or "staff"` is a constant too
    if request.user.role == "admin" or "staff":
        return rows
    raise PermissionError("forbidden")


def page_size(request, default):
    # ok: VC212 -- no caller in the test: an ordinary default
    return int(request.args.get("limit") or 20) if request.args.get("limit") or default else default


def show_banner(settings):
    # ok: VC212 -- an `or True` that asks nothing about the caller
    if settings.debug_banner or True:
        return "banner"
    return ""
