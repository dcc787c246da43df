from rest_framework import permissions


class IsSellerOwner(permissions.BasePermission):
    """Only the seller who created a listing may change it."""

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return obj.seller_id == request.user.id


class IsVerifiedSeller(permissions.BasePermission):
    def has_permission(self, request, view):
        profile = getattr(request.user, "seller", None)
        return bool(profile and profile.is_verified)
