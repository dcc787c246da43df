from rest_framework.permissions import SAFE_METHODS, BasePermission

from .models import WorkspaceMember


class IsOwner(BasePermission):
    """Only the owner of a project may see or change it."""

    def has_object_permission(self, request, view, obj):
        return obj.owner_id == request.user.id


class IsReporterOrReadOnly(BasePermission):
    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        return obj.reporter_id == request.user.id


class IsWorkspaceAdmin(BasePermission):
    """Workspace admins manage members and settings."""

    def has_permission(self, request, view):
        workspace_id = view.kwargs.get("workspace_pk")
        return WorkspaceMember.objects.filter(
            workspace_id=workspace_id, user=request.user, role="admin"
        ).exists()


class IsTriager(BasePermission):
    """Triagers may close and reassign issues in bulk."""

    def has_permission(self, request, view):
        # expect: VC207/VC217 -- the triager flag comes from the request body
        return bool(request.data.get("is_triager"))
