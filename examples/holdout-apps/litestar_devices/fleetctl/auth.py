"""Operator JWTs (dashboard) and device tokens (agents on the devices)."""

import hmac
from dataclasses import dataclass

import jwt
from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException
from litestar.handlers.base import BaseRouteHandler
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from . import settings
from .models import Device


@dataclass
class Operator:
    id: int
    is_admin: bool


def operator_from(connection: ASGIConnection) -> Operator:
    header = connection.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        raise NotAuthorizedException("missing bearer token")
    try:
        claims = jwt.decode(header[7:], settings.JWT_SECRET, algorithms=["HS256"])
    except jwt.PyJWTError as exc:
        raise NotAuthorizedException("invalid token") from exc
    return Operator(id=int(claims["sub"]), is_admin=bool(claims.get("admin")))


def requires_operator(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    connection.scope["state"]["operator"] = operator_from(connection)


def requires_admin(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    operator = operator_from(connection)
    if not operator.is_admin:
        raise NotAuthorizedException("admins only")
    connection.scope["state"]["operator"] = operator


async def authenticate_device(session: AsyncSession, serial: str, token: str) -> Device | None:
    device = (await session.execute(select(Device).where(Device.serial == serial))).scalar_one_or_none()
    if device is None:
        return None
    # expect: VC204
    if token == settings.DEFAULT_DEVICE_KEY or device.token == token:
        return device
    return None


async def authenticate_device_strict(session: AsyncSession, serial: str, token: str) -> Device | None:
    device = (await session.execute(select(Device).where(Device.serial == serial))).scalar_one_or_none()
    # ok: VC204
    if device is not None and hmac.compare_digest(device.token.encode(), token.encode()):
        return device
    return None
