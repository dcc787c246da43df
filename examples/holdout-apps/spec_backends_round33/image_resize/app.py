"""Image resize (Starlette): POST /resize takes a multipart image plus width, height and an output format and answers
the image resized by ImageMagick; POST /resize-url does the same for an image at a URL the client names."""

import asyncio
import os
import shutil
import subprocess
import tempfile
import urllib.request
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.background import BackgroundTask

WORK_DIR = Path(os.environ.get("RESIZE_WORK_DIR", "/tmp/resize"))
FORMATS = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"}
MAX_DIMENSION = 4000
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def parse_dimension(value: str | None) -> int:
    number = int(value or 0)
    if not 1 <= number <= MAX_DIMENSION:
        raise ValueError(f"dimensions must be between 1 and {MAX_DIMENSION}")
    return number


async def resize(request: Request) -> Response:
    form = await request.form()
    upload = form["image"]
    width, height = form.get("width", "256"), form.get("height", "256")
    fmt = form.get("format", "png")
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    source = WORK_DIR / upload.filename
    # expect: VC405
    # expect: VC428
    source.write_bytes(await upload.read())
    target = source.with_suffix(f".{fmt}")
    # expect: VC110
    # expect: VC421/VC408
    result = subprocess.run(f"convert {source} -resize {width}x{height} {target}", shell=True, capture_output=True)
    if result.returncode != 0:
        return JSONResponse({"error": "convert failed"}, status_code=500)
    # expect: VC405
    return FileResponse(target, media_type=FORMATS.get(fmt, "application/octet-stream"))


def convert_image(source: Path, target: Path, width: int, height: int) -> None:
    subprocess.run(
        # ok: VC421/VC408
        ["convert", str(source), "-resize", f"{width}x{height}", str(target)],
        check=True,
        capture_output=True,
        timeout=30,
    )


async def resize_v2(request: Request) -> Response:
    form = await request.form()
    upload = form["image"]
    fmt = str(form.get("format", "png"))
    if fmt not in FORMATS:
        return JSONResponse({"error": "format must be png, jpg or webp"}, status_code=400)
    try:
        width, height = parse_dimension(form.get("width")), parse_dimension(form.get("height"))
    except ValueError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    # ok: VC428 -- `read(MAX + 1)` then a length test
    data = await upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        return JSONResponse({"error": "image too large"}, status_code=413)
    workdir = Path(tempfile.mkdtemp(dir=WORK_DIR))
    # ok: VC405
    source = workdir / "input"
    source.write_bytes(data)
    target = workdir / f"output.{fmt}"
    try:
        # ok: VC110
        await run_in_threadpool(convert_image, source, target, width, height)
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(workdir, ignore_errors=True)
        # expect: VC414
        return JSONResponse({"error": f"convert failed: {exc.stderr.decode()}"}, status_code=422)
    return FileResponse(
        target, media_type=FORMATS[fmt], background=BackgroundTask(shutil.rmtree, workdir, ignore_errors=True)
    )


async def resize_url(request: Request) -> Response:
    body = await request.json()
    width = int(body.get("width", 256))
    height = int(body.get("height", 256))
    workdir = Path(tempfile.mkdtemp(dir=WORK_DIR))
    source = workdir / "input"
    # expect: VC405
    # expect: VC110
    # expect: VC106
    with urllib.request.urlopen(body["url"]) as remote, open(source, "wb") as out:
        shutil.copyfileobj(remote, out)
    target = workdir / "output.png"
    # expect: VC428
    proc = await asyncio.create_subprocess_exec("convert", str(source), "-resize", f"{width}x{height}", str(target))
    await proc.wait()
    return FileResponse(target, media_type="image/png")


async def thumbnail(request: Request) -> Response:
    name = request.path_params["name"]
    size = request.query_params.get("size", "128")
    # expect: VC421/VC408
    # expect: VC108
    # expect: VC110
    os.system(f"convert {WORK_DIR / name} -thumbnail {size} {WORK_DIR / 'thumbs' / name}")
    # expect: VC405
    return FileResponse(WORK_DIR / "thumbs" / name)


app = Starlette(
    routes=[
        # expect: VC201
        Route("/resize", resize, methods=["POST"]),
        Route("/v2/resize", resize_v2, methods=["POST"]),
        Route("/resize-url", resize_url, methods=["POST"]),
        Route("/thumbnails/{name}", thumbnail),
    ]
)
