"""Operator-facing device API."""

import json
import subprocess
from typing import Any

from litestar import Controller, Request, get, post
from litestar.exceptions import NotFoundException
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from .auth import requires_admin, requires_operator
from .models import Command, Device
from .mqtt_publish import publish_command


class DeviceController(Controller):
    path = "/devices"
    guards = [requires_operator]

    @get("/")
    async def list_devices(self, request: Request, db_session: AsyncSession) -> list[dict[str, Any]]:
        op = request.state.operator
        rows = await db_session.execute(select(Device).where(Device.owner_id == op.id))
        return [{"id": d.id, "serial": d.serial, "firmware": d.firmware_version} for d in rows.scalars()]

    @get("/search")
    async def search(self, request: Request, db_session: AsyncSession, firmware: str = "") -> list[dict[str, Any]]:
        op = request.state.operator
        # expect: VC422
        stmt = text(f"SELECT id, serial FROM devices WHERE owner_id = {op.id} AND firmware_version LIKE '%{firmware}%'")
        rows = await db_session.execute(stmt)
        return [dict(r._mapping) for r in rows]

    @get("/search/v2")
    async def search_v2(self, request: Request, db_session: AsyncSession, firmware: str = "") -> list[dict[str, Any]]:
        op = request.state.operator
        # ok: VC422
        stmt = text("SELECT id, serial FROM devices WHERE owner_id = :owner AND firmware_version LIKE :fw")
        rows = await db_session.execute(stmt, {"owner": op.id, "fw": f"%{firmware}%"})
        return [dict(r._mapping) for r in rows]

    @post("/{device_id:int}/commands")
    async def send_command(self, device_id: int, data: dict[str, Any], db_session: AsyncSession) -> dict[str, Any]:
        # expect: VC214
        device = await db_session.get(Device, device_id)
        if device is None:
            raise NotFoundException()
        cmd = Command(device_id=device.id, name=data["name"], args=data.get("args", {}))
        db_session.add(cmd)
        await db_session.commit()
        publish_command(device.serial, {"id": cmd.id, "name": cmd.name, "args": cmd.args})
        return {"command_id": cmd.id}

    @post("/{device_id:int}/commands/v2")
    async def send_command_owned(
        self, request: Request, device_id: int, data: dict[str, Any], db_session: AsyncSession
    ) -> dict[str, Any]:
        op = request.state.operator
        # ok: VC214
        device = (
            await db_session.execute(select(Device).where(Device.id == device_id, Device.owner_id == op.id))
        ).scalar_one_or_none()
        if device is None:
            raise NotFoundException()
        cmd = Command(device_id=device.id, name=data["name"], args=data.get("args", {}))
        db_session.add(cmd)
        await db_session.commit()
        publish_command(device.serial, {"id": cmd.id, "name": cmd.name, "args": cmd.args})
        return {"command_id": cmd.id}

    @post("/{device_id:int}/ping")
    async def ping(self, request: Request, device_id: int, db_session: AsyncSession) -> dict[str, Any]:
        op = request.state.operator
        device = (
            await db_session.execute(select(Device).where(Device.id == device_id, Device.owner_id == op.id))
        ).scalar_one_or_none()
        if device is None:
            raise NotFoundException()
        host = request.query_params.get("via", device.ip_address)
        # expect: VC421, VC110
        out = subprocess.run(f"ping -c 3 -W 2 {host}", shell=True, capture_output=True, text=True, timeout=15)
        return {"reachable": out.returncode == 0}

    @post("/{device_id:int}/ping/v2")
    async def ping_v2(self, request: Request, device_id: int, db_session: AsyncSession) -> dict[str, Any]:
        op = request.state.operator
        device = (
            await db_session.execute(select(Device).where(Device.id == device_id, Device.owner_id == op.id))
        ).scalar_one_or_none()
        if device is None or not device.ip_address:
            raise NotFoundException()
        # ok: VC421
        # expect: VC110
        out = subprocess.run(["ping", "-c", "3", "-W", "2", device.ip_address], capture_output=True, timeout=15)
        return {"reachable": out.returncode == 0}


@post("/admin/devices/{device_id:int}/reassign", guards=[requires_admin])
async def reassign_device(device_id: int, data: dict[str, int], db_session: AsyncSession) -> dict[str, int]:
    # ok: VC214
    device = await db_session.get(Device, device_id)
    if device is None:
        raise NotFoundException()
    device.owner_id = data["owner_id"]
    await db_session.commit()
    return {"id": device.id, "owner_id": device.owner_id}


# expect: VC201/VC219
@get("/devices/{device_id:int}/location")
async def device_location(device_id: int, db_session: AsyncSession) -> dict[str, Any]:
    row = (
        await db_session.execute(
            text("SELECT payload FROM telemetry WHERE device_id = :d ORDER BY received_at DESC LIMIT 1"),
            {"d": device_id},
        )
    ).first()
    if row is None:
        raise NotFoundException()
    payload = row.payload if isinstance(row.payload, dict) else json.loads(row.payload)
    return {"lat": payload.get("lat"), "lon": payload.get("lon")}
