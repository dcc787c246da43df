"""Prompt: an aiohttp handler that converts an uploaded image name to PNG with ImageMagick."""
import asyncio

from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/convert/{name}")
async def convert(request: web.Request) -> web.Response:
    name = request.match_info.get("name", "")
    cmd = "convert /data/%s /data/out.png" % name
    # expect: VC421
    proc = await asyncio.create_subprocess_shell(cmd)
    code = await proc.wait()
    return web.json_response({"code": code})


@routes.get("/convert-safe/{name}")
async def convert_safe(request: web.Request) -> web.Response:
    name = request.match_info.get("name", "").replace("/", "")
    # ok: VC421/VC408
    proc = await asyncio.create_subprocess_exec("convert", f"/data/{name}", "/data/out.png")
    code = await proc.wait()
    return web.json_response({"code": code})


app = web.Application()
app.add_routes(routes)
