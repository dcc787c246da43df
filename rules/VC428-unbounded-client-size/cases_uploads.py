"""VC428 corpus: an upload read whole with nothing bounding its size, and the handlers that bound it."""
from typing import Optional

import fastapi
from fastapi import APIRouter, File, Header, HTTPException, Request, UploadFile
from starlette.datastructures import UploadFile as StarletteUpload

router = APIRouter()
MAX_UPLOAD = 5 * 1024 * 1024


@router.post("/avatars")
async def set_avatar(picture: UploadFile = File(...)):
    # expect: VC428
    data = await picture.read()
    return {"bytes": len(data)}


@router.post("/imports")
async def import_sheet(sheet: Optional[fastapi.UploadFile] = None):
    if sheet is None:
        raise HTTPException(400)
    # expect: VC428
    rows = (await sheet.read()).decode().splitlines()
    return {"rows": len(rows)}


@router.post("/scans")
async def store_scan(scan: StarletteUpload | None = None):
    with open("/srv/scans/latest", "wb") as out:
        # expect: VC428
        out.write(await scan.read())
    return {}


@router.post("/logos")
async def set_logo(logo: UploadFile = File(...)):
    if logo.size is None or logo.size > MAX_UPLOAD:
        raise HTTPException(413, "too large")
    # ok: VC428 -- the size is tested first
    data = await logo.read()
    return {"bytes": len(data)}


@router.post("/attachments")
async def attach(part: UploadFile = File(...)):
    # ok: VC428 -- read at most one byte past the limit
    data = await part.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise HTTPException(413)
    return {"bytes": len(data)}


@router.post("/documents")
async def upload_document(document: UploadFile = File(...), content_length: int = Header(...)):
    if content_length > MAX_UPLOAD:
        raise HTTPException(413)
    # ok: VC428 -- the declared body length is capped
    return {"bytes": len(await document.read())}


@router.post("/notes")
async def add_note(request: Request, title: str):
    # ok: VC428 -- no upload: the body a JSON route parses
    note = await request.json()
    return {"title": title, "note": note}


async def read_upload(upload: UploadFile) -> bytes:
    # ok: VC428 -- a helper: its caller decides what size reaches it
    return await upload.read()
