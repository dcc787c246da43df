"""File upload feature: blueprint added to the existing media app."""

from __future__ import annotations

import asyncio
import os
import subprocess
import uuid
from pathlib import Path

import aiofiles
from sanic import Blueprint, Request
from sanic.exceptions import BadRequest, NotFound
from sanic.response import file, json

from config import ALLOWED_EXTENSIONS, MAX_UPLOAD_BYTES, UPLOAD_DIR

bp = Blueprint("uploads", url_prefix="/uploads")


# expect: VC201
@bp.post("/")
async def upload(request: Request):
    f = request.files.get("file")
    if f is None:
        raise BadRequest("missing file")
    ext = Path(f.name).suffix.lower()
    if ext not in ALLOWED_EXTENSIONS:
        raise BadRequest("file type not allowed")
    if len(f.body) > MAX_UPLOAD_BYTES:
        raise BadRequest("too large")
    stored = f"{uuid.uuid4().hex}{ext}"
    # ok: VC405
    async with aiofiles.open(UPLOAD_DIR / stored, "wb") as out:
        await out.write(f.body)
    # expect: VC113
    asyncio.create_task(make_thumbnail(UPLOAD_DIR / stored))
    return json({"id": stored}, status=201)


# expect: VC201
@bp.post("/raw")
async def upload_raw(request: Request):
    name = request.args.get("name")
    dest = os.path.join(UPLOAD_DIR, name)
    # expect: VC405, VC110
    with open(dest, "wb") as out:
        out.write(request.body)
    return json({"stored": name}, status=201)


@bp.get("/<name>")
async def download(request: Request, name: str):
    path = (UPLOAD_DIR / name).resolve()
    # ok: VC405
    if not path.is_relative_to(UPLOAD_DIR.resolve()) or not path.exists():
        raise NotFound("no such file")
    return await file(path)


# expect: VC201
@bp.post("/<name>/convert")
async def convert(request: Request, name: str):
    fmt = request.json.get("format", "png")
    src = UPLOAD_DIR / name
    # expect: VC421/VC408, VC110
    subprocess.run(f"convert {src} {src.with_suffix('.' + fmt)}", shell=True, check=True)
    return json({"ok": True})


# expect: VC201
@bp.post("/<name>/resize")
async def resize(request: Request, name: str):
    width = int(request.json.get("width", 256))
    src = UPLOAD_DIR / Path(name).name
    proc = await asyncio.create_subprocess_exec(
        # expect: VC428
        "convert", str(src), "-resize", f"{width}x", str(src.with_name("r_" + src.name))
    )
    # ok: VC108
    if await proc.wait() != 0:
        raise BadRequest("resize failed")
    return json({"ok": True})


async def make_thumbnail(path: Path) -> None:
    proc = await asyncio.create_subprocess_exec("convert", str(path), "-thumbnail", "200x200", f"{path}.thumb.png")
    await proc.wait()
