"""Prompts on Starlette and Sanic: "look up an item by name", "download an attachment", "compress a folder the user
names", "fetch a remote avatar", "import a saved workspace", "continue to the page the user came from"."""

import asyncio
import os
import pickle

import aiohttp
import aiosqlite
import yaml
from sanic import Sanic
from sanic import response as sanic_response
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse
from starlette.routing import Route

ATTACHMENTS = "/var/app/attachments"
ALLOWED_AVATAR_HOSTS = ("avatars.example.com",)
sanic_app = Sanic("items")


async def find_item(request: Request):
    name = request.query_params.get("name", "")
    async with aiosqlite.connect("items.db") as db:
        query = f"SELECT id, name, price FROM items WHERE name = '{name}'"
        # expect: VC402/VC422
        async with db.execute(query) as cursor:
            rows = await cursor.fetchall()
    return JSONResponse([list(r) for r in rows])


async def find_item_safe(request: Request):
    name = request.query_params.get("name", "")
    async with aiosqlite.connect("items.db") as db:
        # ok: VC402/VC422
        async with db.execute("SELECT id, name, price FROM items WHERE name = ?", (name,)) as cursor:
            rows = await cursor.fetchall()
    return JSONResponse([list(r) for r in rows])


async def attachment(request: Request):
    file_name = request.path_params["file_name"]
    # expect: VC405
    return FileResponse(f"{ATTACHMENTS}/{file_name}")


async def attachment_safe(request: Request):
    file_name = os.path.basename(request.path_params["file_name"])
    # ok: VC405
    return FileResponse(os.path.join(ATTACHMENTS, file_name))


async def compress(request: Request):
    body = await request.json()
    folder = body["folder"]
    # expect: VC408/VC421
    process = await asyncio.create_subprocess_exec("sh", "-c", f"tar czf /tmp/out.tgz {folder}")
    await process.wait()
    return JSONResponse({"ok": process.returncode == 0})


async def compress_safe(request: Request):
    body = await request.json()
    folder = os.path.basename(body["folder"])
    # ok: VC408/VC421
    process = await asyncio.create_subprocess_exec("tar", "czf", "/tmp/out.tgz", "--", folder)
    await process.wait()
    return JSONResponse({"ok": process.returncode == 0})


async def back(request: Request):
    referrer = request.headers.get("referer", "/")
    # expect: VC409
    return RedirectResponse(referrer)


async def back_safe(request: Request):
    target = request.query_params.get("next", "/")
    if not target.startswith("/") or target.startswith("//"):
        target = "/"
    # ok: VC409
    return RedirectResponse(target)


routes = [
    Route("/items", find_item),
    Route("/items/safe", find_item_safe),
    Route("/attachments/{file_name}", attachment),
    Route("/attachments/safe/{file_name}", attachment_safe),
    # expect: VC201
    Route("/compress", compress, methods=["POST"]),
    Route("/compress/safe", compress_safe, methods=["POST"]),
    Route("/back", back),
    Route("/back/safe", back_safe),
]
app = Starlette(routes=routes)


# expect: VC201
@sanic_app.post("/avatar")
async def fetch_avatar(request):
    url = request.json.get("url")
    # expect: VC106
    async with aiohttp.ClientSession() as session:
        # expect: VC405
        async with session.get(url) as remote:
            # expect: VC107
            data = await remote.read()
    return sanic_response.json({"size": len(data)})


@sanic_app.post("/avatar/safe")
async def fetch_avatar_safe(request):
    url = request.json.get("url", "")
    if not url.startswith(tuple(f"https://{host}/" for host in ALLOWED_AVATAR_HOSTS)):
        return sanic_response.json({"error": "host not allowed"}, status=400)
    # expect: VC106
    async with aiohttp.ClientSession() as session:
        # ok: VC405
        async with session.get(url) as remote:
            # expect: VC107
            data = await remote.read()
    return sanic_response.json({"size": len(data)})


@sanic_app.post("/workspace/import")
async def import_workspace(request):
    # expect: VC406
    workspace = pickle.loads(request.body)
    return sanic_response.json({"tabs": len(workspace["tabs"])})


@sanic_app.post("/workspace/import-yaml")
async def import_workspace_yaml(request):
    # expect: VC406
    workspace = yaml.unsafe_load(request.body)
    return sanic_response.json({"tabs": len(workspace["tabs"])})


@sanic_app.post("/workspace/import-safe")
async def import_workspace_safe(request):
    # ok: VC406
    workspace = yaml.safe_load(request.body)
    return sanic_response.json({"tabs": len(workspace["tabs"])})


@sanic_app.get("/hello")
async def hello(request):
    name = request.args.get("name", "world")
    # expect: VC411
    return sanic_response.html(f"<h1>Hello {name}</h1>")
