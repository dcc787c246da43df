"""Device-facing endpoints: telemetry over HTTP and firmware updates."""

import hashlib
import json
import pickle
import subprocess
import uuid
from datetime import datetime, timezone
from typing import Annotated, Any

import yaml
from litestar import Request, post
from litestar.datastructures import UploadFile
from litestar.enums import RequestEncodingType
from litestar.exceptions import NotAuthorizedException
from litestar.params import Body
from sqlalchemy.ext.asyncio import AsyncSession

from . import settings
from .auth import authenticate_device, authenticate_device_strict, requires_admin
from .models import Telemetry


@post("/ingest/telemetry")
async def ingest_telemetry(request: Request, db_session: AsyncSession) -> dict[str, str]:
    device = await authenticate_device(
        db_session, request.headers.get("X-Device-Serial", ""), request.headers.get("X-Device-Token", "")
    )
    if device is None:
        raise NotAuthorizedException()
    body = await request.body()
    if request.headers.get("Content-Type") == "application/x-python-pickle":
        # expect: VC406
        payload = pickle.loads(body)
    elif request.headers.get("Content-Type") == "application/yaml":
        # expect: VC406
        payload = yaml.load(body, Loader=yaml.Loader)
    else:
        # ok: VC406
        payload = json.loads(body)
    db_session.add(Telemetry(device_id=device.id, payload=payload))
    device.last_seen = datetime.now(timezone.utc)
    await db_session.commit()
    return {"status": "stored"}


@post("/ingest/telemetry/v2")
async def ingest_telemetry_v2(request: Request, db_session: AsyncSession) -> dict[str, str]:
    device = await authenticate_device_strict(
        db_session, request.headers.get("X-Device-Serial", ""), request.headers.get("X-Device-Token", "")
    )
    if device is None:
        raise NotAuthorizedException()
    # ok: VC406
    payload = yaml.safe_load(await request.body())
    db_session.add(Telemetry(device_id=device.id, payload=payload))
    await db_session.commit()
    return {"status": "stored"}


@post("/firmware", guards=[requires_admin])
async def upload_firmware(
    data: Annotated[UploadFile, Body(media_type=RequestEncodingType.MULTI_PART)],
) -> dict[str, Any]:
    content = await data.read()
    path = settings.FIRMWARE_DIR / data.filename
    # expect: VC405
    path.write_bytes(content)
    path.chmod(0o755)
    # expect: VC413/VC421, VC110
    check = subprocess.run([str(path), "--self-test"], capture_output=True, text=True, timeout=60)
    return {"stored": path.name, "self_test": check.returncode == 0}


@post("/firmware/v2", guards=[requires_admin])
async def upload_firmware_v2(
    data: Annotated[UploadFile, Body(media_type=RequestEncodingType.MULTI_PART)],
) -> dict[str, Any]:
    content = await data.read()
    digest = hashlib.sha256(content).hexdigest()
    # ok: VC405
    path = settings.FIRMWARE_DIR / f"{uuid.uuid4().hex}.bin"
    path.write_bytes(content)
    return {"stored": path.name, "sha256": digest}
