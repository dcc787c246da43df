import logging

import jwt
from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult

from .config import settings

log = logging.getLogger(__name__)


class JWTAuthMiddleware(AbstractAuthenticationMiddleware):
    async def authenticate_request(self, connection: ASGIConnection) -> AuthenticationResult:
        header = connection.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            raise NotAuthorizedException()
        try:
            claims = jwt.decode(header[7:], settings.jwt_secret, algorithms=[settings.jwt_algorithm])
        except jwt.PyJWTError as exc:
            raise NotAuthorizedException() from exc
        return AuthenticationResult(user=claims, auth=header[7:])


def requires_login(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    if not connection.user:
        raise NotAuthorizedException()


def admin_guard(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    if connection.user.get("role") != "admin":
        raise PermissionDeniedException("admins only")


# expect: VC212
def can_manage_members(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    log.debug("member management by %s on %s", connection.user.get("sub"), handler.handler_name)
