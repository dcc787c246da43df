import os
from pathlib import Path

from fastapi import APIRouter, HTTPException, UploadFile
from fastapi.responses import FileResponse

from ..config import settings
from ..security import CurrentUser

router = APIRouter(prefix="/documents", tags=["documents"])
BASE = Path(settings.storage_dir)


@router.get("/raw/{name}")
async def download_raw(name: str, user: CurrentUser):
    path = os.path.join(settings.storage_dir, str(user.tenant_id), name)
    # expect: VC405 -- path traversal
    return FileResponse(path)


@router.get("/{name}")
async def download(name: str, user: CurrentUser):
    tenant_dir = (BASE / str(user.tenant_id)).resolve()
    target = (tenant_dir / name).resolve()
    if not target.is_relative_to(tenant_dir):
        raise HTTPException(400, "Invalid name")
    # ok: VC405 -- resolved and contained
    return FileResponse(target)


@router.post("/")
async def upload(file: UploadFile, user: CurrentUser):
    dest = BASE / str(user.tenant_id) / file.filename
    # expect: VC405 -- client filename used as path when writing
    # expect: VC428
    dest.write_bytes(await file.read())
    return {"stored": file.filename}
