"""Resolve the current organisation for each request."""

from django.http import JsonResponse

from .models import Membership, Organization


class TenantMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.org = None
        org_id = request.headers.get("X-Org-Id")
        if org_id:
            # expect: VC207/VC214
            request.org = Organization.objects.filter(pk=org_id).first()
        return self.get_response(request)


def org_for_member(request):
    """The organisation named by the header, only if the signed-in user belongs to it."""
    org_id = request.headers.get("X-Org-Id")
    if not org_id or not request.user.is_authenticated:
        return None
    # ok: VC207/VC214
    membership = Membership.objects.select_related("organization").filter(
        organization_id=org_id, user=request.user, organization__deleted_at__isnull=True
    ).first()
    return membership.organization if membership else None


def require_org(view):
    def wrapper(request, *args, **kwargs):
        request.org = org_for_member(request)
        if request.org is None:
            return JsonResponse({"detail": "unknown organisation"}, status=404)
        return view(request, *args, **kwargs)

    return wrapper
