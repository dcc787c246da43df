import asyncio
import hmac
import os
import pathlib

import yaml
from aiohttp import ClientSession, ClientTimeout, TCPConnector, web

ASSETS = pathlib.Path(os.environ.get("ASSET_DIR", "/srv/assets")).resolve()
API_TOKEN = os.environ["GATEWAY_TOKEN"]
routes = web.RouteTableDef()


@web.middleware
async def token_middleware(request: web.Request, handler):
    request["token_ok"] = hmac.compare_digest(request.headers.get("X-Token", ""), API_TOKEN)
    return await handler(request)


@routes.get("/assets/{name:.+}")
async def asset(request: web.Request) -> web.StreamResponse:
    # expect: VC405
    return web.FileResponse(ASSETS / request.match_info["name"])


@routes.get("/assets-safe/{name:.+}")
async def asset_safe(request: web.Request) -> web.StreamResponse:
    target = (ASSETS / request.match_info["name"]).resolve()
    if not target.is_relative_to(ASSETS):
        raise web.HTTPNotFound()
    # ok: VC405
    return web.FileResponse(target)


# expect: VC201
@routes.post("/mirror")
async def mirror(request: web.Request) -> web.Response:
    body = await request.json()
    # expect: VC404
    async with ClientSession(connector=TCPConnector(ssl=False), timeout=ClientTimeout(total=30)) as session:
        # expect: VC405
        async with session.get(body["source"]) as upstream:
            upstream.raise_for_status()
            data = await upstream.read()
    (ASSETS / "mirror.bin").write_bytes(data)
    return web.json_response({"bytes": len(data)})


@routes.post("/manifest")
async def manifest(request: web.Request) -> web.Response:
    # expect: VC406
    spec = yaml.load(await request.text(), Loader=yaml.UnsafeLoader)
    return web.json_response({"assets": len(spec.get("assets", []))})


@routes.post("/rebuild")
async def rebuild(request: web.Request) -> web.Response:
    target = (await request.post())["target"]
    # expect: VC421
    proc = await asyncio.create_subprocess_shell(f"make -C /srv/build {target}")
    return web.json_response({"exit": await proc.wait()})


@routes.post("/manifest-safe")
async def manifest_safe(request: web.Request) -> web.Response:
    # ok: VC406
    spec = yaml.safe_load(await request.text())
    return web.json_response({"assets": len(spec.get("assets", []))})


@routes.post("/rebuild-safe")
async def rebuild_safe(request: web.Request) -> web.Response:
    target = (await request.post())["target"]
    if target not in {"css", "js", "images"}:
        raise web.HTTPBadRequest()
    # ok: VC421
    proc = await asyncio.create_subprocess_exec("make", "-C", "/srv/build", target)
    return web.json_response({"exit": await proc.wait()})


@routes.get("/healthz")
async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


def make_app() -> web.Application:
    app = web.Application(middlewares=[token_middleware])
    app.add_routes(routes)
    return app
