"""Which workspace a request is about."""

from .models import Membership, Workspace


class TenantMiddleware:
    """Puts the current workspace on the request from the `X-Workspace` header the SPA sends."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        slug = request.headers.get("X-Workspace")
        request.workspace = None
        if slug:
            # expect: VC207
            request.workspace = Workspace.objects.filter(slug=slug).first()
        return self.get_response(request)


def workspace_for(request):
    """The workspace of the session's user, checked against their memberships."""
    slug = request.headers.get("X-Workspace", "")
    # ok: VC207
    membership = Membership.objects.select_related("workspace").filter(user=request.user, workspace__slug=slug).first()
    return membership.workspace if membership else None
