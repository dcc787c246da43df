"""VC428 corpus (FastAPI, Starlette, aiohttp): an upload read whole with no size bound fires; a size check, a read
with a limit or a chunked read does not."""
from pathlib import Path
from typing import Annotated

from aiohttp import web
from fastapi import FastAPI, File, HTTPException, UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse

app = FastAPI()
MAX_UPLOAD = 5 * 1024 * 1024
STORE = Path("/srv/uploads")


@app.post("/avatar")
async def avatar(file: UploadFile = File(...)):
    # expect: VC428
    contents = await file.read()
    (STORE / "avatar.png").write_bytes(contents)
    return {"size": 0}


@app.post("/attachments")
async def attachments(files: list[UploadFile], note: str = ""):
    for index, upload in enumerate(files):
        # expect: VC428
        (STORE / f"{index}.bin").write_bytes(upload.file.read())
    return {"saved": len(files)}


@app.post("/optional")
async def optional(doc: Annotated[UploadFile | None, File()] = None):
    if doc is not None:
        # expect: VC428
        return {"text": (await doc.read(-1)).decode()}
    return {}


async def starlette_upload(request: Request) -> JSONResponse:
    form = await request.form()
    image = form["image"]
    # expect: VC428
    (STORE / "image.png").write_bytes(await image.read())
    return JSONResponse({"ok": True})


async def aiohttp_upload(request: web.Request) -> web.Response:
    reader = await request.multipart()
    part = await reader.next()
    # expect: VC428
    data = await part.read()
    return web.json_response({"size": len(data)})


@app.post("/avatar/checked")
async def avatar_checked(file: UploadFile = File(...)):
    if file.size is None or file.size > MAX_UPLOAD:
        raise HTTPException(413)
    # ok: VC428
    (STORE / "avatar.png").write_bytes(await file.read())
    return {}


@app.post("/avatar/limited")
async def avatar_limited(file: UploadFile = File(...)):
    # ok: VC428
    contents = await file.read(MAX_UPLOAD + 1)
    if len(contents) > MAX_UPLOAD:
        raise HTTPException(413)
    (STORE / "avatar.png").write_bytes(contents)
    return {}


@app.post("/avatar/measured")
async def avatar_measured(file: UploadFile = File(...)):
    # ok: VC428
    contents = await file.read()
    if len(contents) > MAX_UPLOAD:
        raise HTTPException(413)
    return {"size": len(contents)}


@app.post("/video")
async def video(file: UploadFile = File(...)):
    written = 0
    with (STORE / "video.mp4").open("wb") as out:
        # ok: VC428
        while chunk := await file.read(1024 * 1024):
            written += len(chunk)
            out.write(chunk)
    return {"size": written}


@app.post("/count")
async def count(files: list[UploadFile]):
    if len(files) > 10:
        raise HTTPException(400)
    # expect: VC428
    return {"sizes": [len(await upload.read()) for upload in files]}


@app.post("/config")
async def config(path: str):
    with open(STORE / "config.txt") as handle:
        # ok: VC428
        return {"text": handle.read()}


async def read_file_bytes(file: UploadFile) -> bytes:
    """Peeks at an upload its caller owns: the position it notes is put back after the read."""
    position = file.file.tell()
    try:
        # ok: VC428
        return await file.read()
    finally:
        await file.seek(position)


def peek_stream(upload: UploadFile) -> bytes:
    start = upload.file.tell()
    # ok: VC428
    data = upload.file.read()
    upload.file.seek(start)
    return data


async def save_upload(file: UploadFile, target: Path) -> None:
    """A helper a route hands its upload to: it consumes the upload."""
    # expect: VC428
    target.write_bytes(await file.read())


async def rewound(file: UploadFile) -> bytes:
    position = file.file.tell()
    # expect: VC428
    data = await file.read()
    await file.seek(0)
    return data


async def restores_another(file: UploadFile, other: UploadFile) -> bytes:
    position = other.file.tell()
    # expect: VC428
    data = await file.read()
    await other.seek(position)
    return data


@app.post("/peek")
async def peek_route(file: UploadFile = File(...)):
    position = file.file.tell()
    # expect: VC428
    data = await file.read()
    await file.seek(position)
    return {"size": len(data)}
