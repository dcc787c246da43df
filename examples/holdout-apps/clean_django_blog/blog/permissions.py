from rest_framework import permissions


class IsAuthorOrReadOnly(permissions.BasePermission):
    """Anyone signed in may read; only the author may change."""

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        # ok: VC212
        return obj.author_id == request.user.id
