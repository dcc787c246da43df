"""Security policy (auth ticket) and org membership helpers."""

from pyramid.authentication import AuthTktCookieHelper
from pyramid.authorization import ACLHelper, Allow, Authenticated, Everyone
from pyramid.httpexceptions import HTTPForbidden

from .models import Membership


class Root:
    __acl__ = [(Allow, Authenticated, "authenticated")]

    def __init__(self, request):
        self.request = request


class OrgSecurityPolicy:
    def __init__(self, secret: str):
        self.helper = AuthTktCookieHelper(secret, secure=True, http_only=True, samesite="Lax")

    def identity(self, request):
        identity = self.helper.identify(request)
        return identity

    def authenticated_userid(self, request):
        identity = self.identity(request)
        return int(identity["userid"]) if identity else None

    def permits(self, request, context, permission):
        principals = [Everyone]
        if self.authenticated_userid(request) is not None:
            principals.append(Authenticated)
        return ACLHelper().permits(context, principals, permission)

    def remember(self, request, userid, **kw):
        return self.helper.remember(request, userid, **kw)

    def forget(self, request, **kw):
        return self.helper.forget(request, **kw)


def membership_for(request, org_id: int) -> Membership | None:
    return (
        request.dbsession.query(Membership)
        .filter_by(org_id=org_id, user_id=request.authenticated_userid)
        .one_or_none()
    )


def require_member(request, org_id: int) -> Membership:
    membership = membership_for(request, org_id)
    if membership is None:
        raise HTTPForbidden("not a member of this organisation")
    return membership


def require_org_admin(request, org_id: int) -> bool:
    membership = require_member(request, org_id)
    return membership.role in ("admin", "owner")
