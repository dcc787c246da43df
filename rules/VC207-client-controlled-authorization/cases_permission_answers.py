"""VC207 corpus: what a framework's permission check returns is its decision."""
import hmac

from django.conf import settings
from django.contrib.auth.mixins import UserPassesTestMixin
from django.views import View
from rest_framework.permissions import SAFE_METHODS, BasePermission


class IsTriager(BasePermission):
    def has_permission(self, request, view):
        # expect: VC207 -- the client says it is a triager
        return bool(request.data.get("is_triager"))


class IsBetaTester(BasePermission):
    def has_permission(self, request, view):
        # expect: VC207 -- a header flag compared with a yes
        return request.headers.get("X-Beta-Tester") == "true"


class BetaView(UserPassesTestMixin, View):
    def test_func(self):
        # expect: VC207 -- Django's mixin lets in whoever sends the flag
        return self.request.GET.get("preview")


class HasServiceKey(BasePermission):
    def has_permission(self, request, view):
        # ok: VC207 -- a credential the client presents, checked against the server's
        return hmac.compare_digest(request.headers.get("X-Service-Key", ""), settings.SERVICE_KEY)


class IsReporterOrReadOnly(BasePermission):
    def has_object_permission(self, request, view, obj):
        # ok: VC207 -- the method is read, not a claim
        return request.method in SAFE_METHODS or obj.reporter_id == request.user.id


class HasTokenHeader(BasePermission):
    def has_permission(self, request, view):
        # ok: VC207 -- a token's presence is authentication, checked where it is verified
        return bool(request.headers.get("X-Api-Token"))


def wants_preview(request):
    # ok: VC207 -- no permission check: a display preference
    return request.GET.get("preview") == "1"
