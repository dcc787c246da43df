"""Django middleware classes of a project's own module, which imports nothing from Django."""
from .models import Company, Workspace


class WorkspaceFromHeaderMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        slug = request.headers.get("X-Workspace", "")
        # expect: VC207 -- the picker's header chooses the workspace by its slug, for whoever sends it
        request.workspace = Workspace.objects.filter(slug=slug).first()
        return self.get_response(request)


class CompanyFromHeaderMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        company_id = request.headers.get("X-Company-Id")
        # expect: VC207
        request.company = Company.objects.get(pk=company_id)
        return self.get_response(request)


class MemberWorkspaceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        slug = request.headers.get("X-Workspace", "")
        # ok: VC207 -- picked among the caller's own workspaces
        request.workspace = request.user.workspaces.filter(slug=slug).first()
        return self.get_response(request)


class ThemeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # ok: VC207 -- a display preference names no tenant
        request.theme = request.headers.get("X-Theme", "light")
        return self.get_response(request)


def workspace_label(request_like, workspaces):
    slug = request_like.headers.get("X-Workspace", "")
    # ok: VC207 -- a plain function handed some object with headers, not a request it serves (an HTTP client's)
    return Workspace.objects.filter(slug=slug).values_list("name", flat=True).first()
