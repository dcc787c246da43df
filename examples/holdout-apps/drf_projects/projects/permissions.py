from rest_framework import permissions


class IsOwnerOrReadOnly(permissions.BasePermission):
    # expect: VC212 -- permission that always grants (reported at the method)
    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return True


class IsProjectOwner(permissions.BasePermission):
    def has_object_permission(self, request, view, obj):
        # ok: VC212 -- real ownership check
        return obj.owner_id == request.user.id
