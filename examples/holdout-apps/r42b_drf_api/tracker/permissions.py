from rest_framework import permissions


class IsOwner(permissions.BasePermission):
    """Only the project's owner may see or change it."""

    def has_object_permission(self, request, view, obj):
        return obj.owner_id == request.user.id


class IsProjectMemberOrOwner(permissions.BasePermission):
    def has_object_permission(self, request, view, obj):
        project = getattr(obj, "project", obj)
        if project.owner_id == request.user.id:
            return True
        if request.method in permissions.SAFE_METHODS:
            return project.members.filter(pk=request.user.pk).exists()
        return False


class IsAuthorOrReadOnly(permissions.BasePermission):
    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return obj.author_id == request.user.id
