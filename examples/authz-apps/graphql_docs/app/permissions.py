import logging
from typing import Any

from strawberry.permission import BasePermission
from strawberry.types import Info

from .models import Document

logger = logging.getLogger(__name__)


class IsAuthenticated(BasePermission):
    message = "You must be signed in"

    def has_permission(self, source: Any, info: Info, **kwargs) -> bool:
        return info.context.user is not None


class IsAdmin(BasePermission):
    message = "Admins only"

    # expect: VC212
    def has_permission(self, source: Any, info: Info, **kwargs) -> bool:
        user = info.context.user
        return user is not None and user.role == "admin" or "owner"


class IsStaff(BasePermission):
    message = "Staff only"

    def has_permission(self, source: Any, info: Info, **kwargs) -> bool:
        user = info.context.user
        return user is not None and user.role in ("admin", "staff")


class CanEditDocument(BasePermission):
    message = "You cannot edit this document"

    def has_permission(self, source: Any, info: Info, **kwargs) -> bool:
        try:
            document = info.context.db.get(Document, kwargs["id"])
            return document.owner_id == info.context.user.id
        # expect: VC216
        except Exception:
            logger.exception("permission check failed")
            return True

