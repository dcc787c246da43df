"""Prompt: an aiohttp endpoint that stores the avatar image a user uploads (multipart)."""
import uuid
from pathlib import Path

from aiohttp import web

routes = web.RouteTableDef()
AVATARS = Path("/srv/static/avatars")
ALLOWED = {".png", ".jpg", ".jpeg", ".webp"}


# expect: VC201 -- no authentication anywhere in the app
@routes.post("/avatar")
async def upload_avatar(request: web.Request) -> web.Response:
    reader = await request.multipart()
    field = await reader.next()
    filename = field.filename
    destination = AVATARS / filename
    # expect: VC405
    # expect: VC110 -- blocking open in a coroutine
    with open(destination, "wb") as out:
        while chunk := await field.read_chunk():
            out.write(chunk)
    return web.json_response({"url": f"/static/avatars/{filename}"})


@routes.post("/avatar-safe")
async def upload_avatar_safe(request: web.Request) -> web.Response:
    reader = await request.multipart()
    field = await reader.next()
    suffix = Path(field.filename or "").suffix.lower()
    if suffix not in ALLOWED:
        raise web.HTTPBadRequest(text="unsupported image type")
    stored = f"{uuid.uuid4().hex}{suffix}"
    # ok: VC405
    # expect: VC110 -- blocking open in a coroutine
    with open(AVATARS / stored, "wb") as out:
        while chunk := await field.read_chunk():
            out.write(chunk)
    return web.json_response({"url": f"/static/avatars/{stored}"})


app = web.Application(client_max_size=5 * 1024 * 1024)
app.add_routes(routes)
