import asyncio
import ssl
from urllib.parse import urlparse

import httpx
import jwt
from quart import Quart, abort, jsonify, request, send_file
from quart_auth import QuartAuth, current_user, login_required

from . import storage
from .settings import ALLOWED_FETCH_HOSTS, JWT_SIGNING_KEY

app = Quart(__name__)
QuartAuth(app)
THUMBNAILER_TLS = ssl.create_default_context()
# expect: VC404
THUMBNAILER_TLS.check_hostname = False


def insecure_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    # expect: VC404
    context.verify_mode = ssl.CERT_NONE
    return context


@app.get("/media/<path:name>")
@login_required
async def download(name: str):
    # expect: VC405/VC417
    return await send_file(storage.media_path(name))


@app.post("/thumbnails/<int:photo_id>")
@login_required
async def thumbnail(photo_id: int):
    async with httpx.AsyncClient(verify=THUMBNAILER_TLS, timeout=30) as client:
        response = await client.post("https://thumbnailer.internal/jobs", json={"photo": photo_id})
    response.raise_for_status()
    return jsonify(response.json())


@app.get("/media-safe/<path:name>")
@login_required
async def download_safe(name: str):
    # ok: VC405
    return await send_file(storage.safe_media_path(name))


@app.delete("/albums/<album>")
@login_required
async def delete_album(album: str):
    storage.remove_album(album)
    return "", 204


@app.post("/import")
@login_required
async def import_remote():
    payload = await request.get_json()
    async with httpx.AsyncClient(timeout=20) as client:
        # expect: VC405
        response = await client.get(payload["url"])
    # expect: VC107
    return jsonify(size=len(response.content))


@app.post("/import-safe")
@login_required
async def import_remote_safe():
    payload = await request.get_json()
    url = payload["url"]
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_FETCH_HOSTS:
        abort(400)
    async with httpx.AsyncClient(timeout=20) as client:
        # ok: VC405
        response = await client.get(url)
    # expect: VC107
    return jsonify(size=len(response.content))


@app.post("/transcode")
@login_required
async def transcode():
    form = await request.form
    preset = form.get("preset", "720p")
    # expect: VC421
    process = await asyncio.create_subprocess_shell(f"ffmpeg -i {form['source']} -preset {preset} out.mp4")
    await process.wait()
    return jsonify(code=process.returncode)


@app.post("/transcode-safe")
@login_required
async def transcode_safe():
    form = await request.form
    # ok: VC421
    process = await asyncio.create_subprocess_exec("ffmpeg", "-i", storage.safe_media_path(form["source"]), "out.mp4")
    await process.wait()
    return jsonify(code=process.returncode)


@app.get("/share/<token>")
async def shared(token: str):
    # expect: VC202
    claims = jwt.decode(token, JWT_SIGNING_KEY, algorithms=["HS256"], options={"verify_signature": False})
    return await send_file(storage.safe_media_path(claims["file"]))


@app.get("/share-safe/<token>")
async def shared_safe(token: str):
    # ok: VC202
    claims = jwt.decode(token, JWT_SIGNING_KEY, algorithms=["HS256"])
    return await send_file(storage.safe_media_path(claims["file"]))


# expect: VC201
@app.post("/albums/<album>/publish")
async def publish_album(album: str):
    await asyncio.to_thread(storage.media_path, album, ".published")
    return jsonify(album=album, published=True, by=current_user.auth_id)
