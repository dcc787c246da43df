"""Cookie-based authentication and a role-based security policy."""
import bcrypt
from pyramid.authentication import AuthTktCookieHelper
from pyramid.authorization import ACLHelper, Allow, Authenticated, Everyone

from .models import User


def hash_password(pw: str) -> str:
    return bcrypt.hashpw(pw.encode(), bcrypt.gensalt()).decode()


def check_password(pw: str, hashed: str) -> bool:
    return bcrypt.checkpw(pw.encode(), hashed.encode())


class RootACL:
    __acl__ = [
        (Allow, Everyone, "view_public"),
        (Allow, Authenticated, "view"),
        (Allow, Authenticated, "edit"),
        (Allow, "role:admin", "admin"),
    ]

    def __init__(self, request):
        self.request = request


class InvoiceSecurityPolicy:
    def __init__(self, secret: str):
        # expect: VC210 -- the auth ticket cookie goes over plain HTTP and to scripts
        self.helper = AuthTktCookieHelper(secret, hashalg="sha512")
        self.acl = ACLHelper()

    def identity(self, request):
        identity = self.helper.identify(request)
        if identity is None:
            return None
        user = request.dbsession.get(User, int(identity["userid"]))
        return user

    def authenticated_userid(self, request):
        user = request.identity
        return None if user is None else user.id

    def permits(self, request, context, permission):
        user = request.identity
        if permission == "admin":
            # expect: VC212 -- every admin permission is granted
            return True
        principals = [Everyone]
        if user is not None:
            principals += [Authenticated, f"role:{user.role}"]
        return self.acl.permits(RootACL(request), principals, permission)

    def remember(self, request, userid, **kw):
        return self.helper.remember(request, userid, **kw)

    def forget(self, request, **kw):
        return self.helper.forget(request, **kw)
