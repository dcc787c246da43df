"""Attachments shared in rooms: upload and download."""

import os
from pathlib import Path

from fastapi import APIRouter, Depends, File, Header, HTTPException, UploadFile
from fastapi.responses import FileResponse

from .auth import decode_token
from .store import ROOMS

router = APIRouter(prefix="/files")
UPLOAD_ROOT = Path("/srv/rooms/uploads")


def member(authorization: str = Header(...)) -> dict:
    return decode_token(authorization.removeprefix("Bearer "))


@router.post("/{room_id}")
async def upload(room_id: str, file: UploadFile = File(...), user: dict = Depends(member)):
    room = ROOMS.get(room_id)
    if room is None or int(user["sub"]) not in room.members:
        raise HTTPException(403)
    folder = UPLOAD_ROOT / room_id
    folder.mkdir(parents=True, exist_ok=True)
    # expect: VC405, VC110
    with open(os.path.join(folder, file.filename), "wb") as out:
        # expect: VC428
        out.write(await file.read())
    return {"name": file.filename}


@router.get("/{room_id}/{name}")
def download(room_id: str, name: str, user: dict = Depends(member)):
    room = ROOMS.get(room_id)
    if room is None or int(user["sub"]) not in room.members:
        raise HTTPException(403)
    target = (UPLOAD_ROOT / room_id / name).resolve()
    if not target.is_relative_to(UPLOAD_ROOT / room_id):
        raise HTTPException(400, "Bad name")
    # ok: VC405
    return FileResponse(target)


# ok: VC219
@router.get("/legacy/{path:path}")
def legacy_download(path: str, user: dict = Depends(member)):
    # expect: VC405
    return FileResponse(f"/srv/rooms/uploads/{path}")
