"""Image transfer (Starlette): the client uploads an image and gets a link to share; whoever has the link views the
image in the browser."""

import mimetypes
import os
import random
import secrets
import sqlite3
import string

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

UPLOAD_DIR = os.path.abspath(os.environ.get("UPLOAD_DIR", "uploads"))
DB_PATH = os.path.join(UPLOAD_DIR, "images.db")
ALLOWED_TYPES = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp"}
os.makedirs(UPLOAD_DIR, exist_ok=True)


def db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.execute("CREATE TABLE IF NOT EXISTS images (id TEXT PRIMARY KEY, filename TEXT, content_type TEXT)")
    return conn


async def upload(request: Request) -> JSONResponse:
    form = await request.form()
    file = form.get("file")
    if file is None or not getattr(file, "filename", ""):
        return JSONResponse({"error": "No file provided"}, status_code=400)
    # expect: VC206
    image_id = "".join(random.choices(string.ascii_letters + string.digits, k=8))
    stored_path = os.path.join(UPLOAD_DIR, file.filename)
    # expect: VC405/VC232
    # expect: VC110
    with open(stored_path, "wb") as f:
        # expect: VC428
        f.write(await file.read())
    with db() as conn:
        conn.execute(
            "INSERT INTO images (id, filename, content_type) VALUES (?, ?, ?)",
            (image_id, file.filename, file.content_type),
        )
    return JSONResponse({"id": image_id, "link": f"/images/{image_id}"})


async def upload_v2(request: Request) -> JSONResponse:
    form = await request.form()
    file = form.get("file")
    if file is None or file.content_type not in ALLOWED_TYPES:
        return JSONResponse({"error": "Only png, jpeg, gif and webp images are accepted"}, status_code=400)
    # ok: VC206
    image_id = secrets.token_urlsafe(16)
    # ok: VC405/VC232
    stored_path = os.path.join(UPLOAD_DIR, image_id + ALLOWED_TYPES[file.content_type])
    # expect: VC110
    with open(stored_path, "wb") as f:
        # expect: VC428
        f.write(await file.read())
    with db() as conn:
        conn.execute(
            "INSERT INTO images (id, filename, content_type) VALUES (?, ?, ?)",
            (image_id, os.path.basename(stored_path), file.content_type),
        )
    return JSONResponse({"id": image_id, "link": f"/v2/images/{image_id}"})


async def get_image(request: Request) -> Response:
    image_id = request.path_params["image_id"]
    with db() as conn:
        row = conn.execute("SELECT filename, content_type FROM images WHERE id = ?", (image_id,)).fetchone()
    if row is None:
        return JSONResponse({"error": "Image not found"}, status_code=404)
    filename, content_type = row
    # expect: VC411
    return FileResponse(os.path.join(UPLOAD_DIR, filename), media_type=content_type)


async def get_image_v2(request: Request) -> Response:
    image_id = request.path_params["image_id"]
    with db() as conn:
        row = conn.execute("SELECT filename FROM images WHERE id = ?", (image_id,)).fetchone()
    if row is None:
        return JSONResponse({"error": "Image not found"}, status_code=404)
    media_type = mimetypes.guess_type(row[0])[0] or "application/octet-stream"
    # ok: VC411
    return FileResponse(
        os.path.join(UPLOAD_DIR, row[0]),
        media_type=media_type,
        headers={"X-Content-Type-Options": "nosniff", "Content-Disposition": "inline"},
    )


async def raw_file(request: Request) -> Response:
    # expect: VC405
    return FileResponse(os.path.join(UPLOAD_DIR, request.path_params["name"]))


app = Starlette(
    routes=[
        # expect: VC201
        Route("/upload", upload, methods=["POST"]),
        Route("/v2/upload", upload_v2, methods=["POST"]),
        Route("/images/{image_id}", get_image),
        Route("/v2/images/{image_id}", get_image_v2),
        Route("/files/{name:path}", raw_file),
    ]
)

if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=5000)
