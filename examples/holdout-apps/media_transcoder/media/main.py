import asyncio
import logging
import os
import subprocess
import uuid
from pathlib import Path

from fastapi import FastAPI, File, Form, HTTPException, UploadFile
from fastapi.responses import FileResponse
from pydantic import BaseModel, HttpUrl

from . import ffmpeg, images
from .downloads import fetch_to_disk
from .settings import settings
from .tasks import transcode_job, transcode_job_v2

log = logging.getLogger(__name__)
app = FastAPI(title="Media transcoder")


class TranscodeRequest(BaseModel):
    url: str
    filename: str
    codec: str = "libx264"
    options: str = ""


class TranscodeRequestV2(BaseModel):
    url: HttpUrl
    codec: str = "libx264"
    preset: str = "medium"
    width: int = 1280


# expect: VC201 -- corrected: no route of the service asks who calls (the marks forgot it)
@app.post("/transcode")
def transcode(req: TranscodeRequest) -> dict:
    src = fetch_to_disk(req.url, req.filename)
    job = transcode_job.delay(src, req.codec, req.options)
    return {"job": job.id}


@app.post("/transcode/v2")
def transcode_v2(req: TranscodeRequestV2) -> dict:
    if req.codec not in ffmpeg.ALLOWED_CODECS or req.preset not in ffmpeg.ALLOWED_PRESETS:
        raise HTTPException(422, "unsupported codec or preset")
    # ok: VC405/VC421
    job = transcode_job_v2.delay(str(req.url), req.codec, req.preset, min(req.width, 3840))
    return {"job": job.id}


@app.post("/images/resize")
async def resize(file: UploadFile = File(...), geometry: str = Form("800x600")) -> FileResponse:
    src = os.path.join(settings.work_dir, file.filename)
    # expect: VC405
    # expect: VC110 -- corrected: a blocking write in a coroutine (the marks forgot it)
    with open(src, "wb") as out:
        # expect: VC428
        out.write(await file.read())
    dst = src + ".resized.jpg"
    # expect: VC110/VC112
    ffmpeg.resize_image(src, dst, geometry)
    # expect: VC405 -- corrected: the client's file name again (the marks forgot it)
    return FileResponse(dst)


@app.post("/images/thumbnail")
async def thumbnail(file: UploadFile = File(...), size: str = Form("small")) -> dict:
    # expect: VC428
    data = await file.read()
    name = f"{uuid.uuid4().hex}.jpg"
    # ok: VC405
    dest = settings.thumb_dir / name
    await asyncio.to_thread(images.make_thumbnail, data, size, dest)
    return {"thumbnail": f"/thumbs/{name}"}


@app.get("/thumbs/{path:path}")
async def serve_thumbnail(path: str) -> FileResponse:
    # expect: VC405
    return FileResponse(f"{settings.thumb_dir}/{path}")


@app.get("/v2/thumbs/{name}")
async def serve_thumbnail_v2(name: str) -> FileResponse:
    base = settings.thumb_dir.resolve()
    target = (base / name).resolve()
    # ok: VC405
    if not target.is_relative_to(base) or not target.is_file():
        raise HTTPException(404, "not found")
    return FileResponse(target)


@app.post("/probe")
async def probe(file: UploadFile = File(...)) -> dict:
    path = settings.work_dir / f"{uuid.uuid4().hex}{Path(file.filename or '').suffix}"
    # expect: VC428
    path.write_bytes(await file.read())
    # expect: VC110
    info = subprocess.run(["ffprobe", "-v", "quiet", "-print_format", "json", "-show_format", str(path)], capture_output=True, text=True, check=True)
    return {"probe": info.stdout}


@app.post("/frames")
async def frames(file: UploadFile = File(...), at: float = Form(1.0)) -> FileResponse:
    src = settings.work_dir / f"{uuid.uuid4().hex}.bin"
    # expect: VC428
    src.write_bytes(await file.read())
    dst = src.with_suffix(".jpg")
    # ok: VC110/VC421
    await asyncio.to_thread(ffmpeg.extract_frame, src, dst, at)
    return FileResponse(dst)


@app.post("/waveform")
async def waveform(file: UploadFile = File(...), colour: str = Form("white")) -> FileResponse:
    src = settings.work_dir / f"{uuid.uuid4().hex}.audio"
    # expect: VC428
    src.write_bytes(await file.read())
    dst = src.with_suffix(".png")
    # expect: VC421
    proc = await asyncio.create_subprocess_shell(
        f"ffmpeg -y -i {src} -filter_complex showwavespic=s=1200x200:colors={colour} -frames:v 1 {dst}"
    )
    await proc.wait()
    return FileResponse(dst)


@app.post("/waveform/v2")
async def waveform_v2(file: UploadFile = File(...), colour: str = Form("white")) -> FileResponse:
    if colour not in {"white", "black", "blue", "orange"}:
        raise HTTPException(422, "unknown colour")
    src = settings.work_dir / f"{uuid.uuid4().hex}.audio"
    # expect: VC428
    src.write_bytes(await file.read())
    dst = src.with_suffix(".png")
    # ok: VC421
    proc = await asyncio.create_subprocess_exec(
        "ffmpeg", "-y", "-i", str(src), "-filter_complex", f"showwavespic=s=1200x200:colors={colour}", "-frames:v", "1", str(dst)
    )
    if await proc.wait() != 0:
        raise HTTPException(500, "ffmpeg failed")
    return FileResponse(dst)


@app.post("/warm-cache")
async def warm_cache() -> dict:
    # expect: VC113
    asyncio.create_task(asyncio.to_thread(images.image_info, b""))
    return {"ok": True}
