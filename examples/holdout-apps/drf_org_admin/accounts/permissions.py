from rest_framework.permissions import BasePermission

from .models import Membership


def role_in(user, org) -> str | None:
    if org is None:
        return None
    m = Membership.objects.filter(user=user, organization=org).only("role").first()
    return m.role if m else None


class IsOrgAdmin(BasePermission):
    message = "Organisation admins only."

    def has_permission(self, request, view):
        return role_in(request.user, request.org) in (Membership.ROLE_OWNER, Membership.ROLE_ADMIN)


class IsOrgMember(BasePermission):
    def has_permission(self, request, view):
        return role_in(request.user, request.org) is not None
