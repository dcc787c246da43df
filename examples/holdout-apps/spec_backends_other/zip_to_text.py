"""Zip to text: an uploaded zip archive's text files, concatenated into one plain-text answer (aiohttp)."""

import io
import os
import tempfile
import zipfile

from aiohttp import web

TEXT_SUFFIXES = (".txt", ".md", ".csv", ".log")
MAX_TOTAL = 20 * 1024 * 1024

routes = web.RouteTableDef()


# expect: VC201
@routes.post("/convert")
async def convert(request: web.Request) -> web.Response:
    reader = await request.multipart()
    field = await reader.next()
    if field is None or field.name != "file":
        return web.json_response({"error": "Invalid input"}, status=400)
    # expect: VC428
    data = await field.read()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        # expect: VC414
        return web.Response(text=f"Invalid zip: {exc}", status=400)
    with tempfile.TemporaryDirectory() as tmp:
        # ok: VC405
        archive.extractall(tmp)
        parts = []
        for root, _, files in os.walk(tmp):
            for name in sorted(files):
                if name.endswith(TEXT_SUFFIXES):
                    # expect: VC110
                    with open(os.path.join(root, name), encoding="utf-8", errors="replace") as fh:
                        parts.append(fh.read())
    return web.Response(text="\n".join(parts), content_type="text/plain")


@routes.post("/convert/v2")
async def convert_v2(request: web.Request) -> web.Response:
    post = await request.post()
    upload = post.get("file")
    if upload is None or not hasattr(upload, "file"):
        return web.json_response({"error": "Invalid input"}, status=400)
    parts, total = [], 0
    with zipfile.ZipFile(upload.file) as archive:
        for info in archive.infolist():
            if info.is_dir() or not info.filename.endswith(TEXT_SUFFIXES):
                continue
            total += info.file_size
            if total > MAX_TOTAL:
                return web.json_response({"error": "archive too large"}, status=413)
            # ok: VC405
            parts.append(archive.read(info).decode("utf-8", errors="replace"))
    return web.Response(text="\n".join(parts), content_type="text/plain")


@routes.post("/unpack")
async def unpack(request: web.Request) -> web.Response:
    post = await request.post()
    upload = post["file"]
    target = os.path.join(tempfile.gettempdir(), "unpacked")
    os.makedirs(target, exist_ok=True)
    written = []
    with zipfile.ZipFile(upload.file) as archive:
        for member in archive.namelist():
            dest = os.path.join(target, member)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            # expect: VC405/VC409
            # expect: VC110
            with open(dest, "wb") as out:
                out.write(archive.read(member))
            written.append(member)
    return web.json_response({"files": written})


def create_app() -> web.Application:
    app = web.Application(client_max_size=MAX_TOTAL)
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="0.0.0.0", port=5000)
