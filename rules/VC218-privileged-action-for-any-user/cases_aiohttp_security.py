"""VC218 corpus: aiohttp-security's `check_authorized` signs the caller in; `check_permission(request, "admin")` asks
the policy about a role."""
from aiohttp import web
from aiohttp_security import check_authorized, check_permission

routes = web.RouteTableDef()


# expect: VC218
@routes.post("/admin/users/{username}/role")
async def set_role(request):
    await check_authorized(request)
    body = await request.json()
    async with request.app["pool"].acquire() as conn:
        await conn.execute("UPDATE users SET role = $1 WHERE username = $2", body["role"], request.match_info["username"])
    return web.json_response({"ok": True})


# ok: VC218
@routes.post("/admin/users/{username}/disable")
async def disable_user(request):
    await check_permission(request, "admin")
    async with request.app["pool"].acquire() as conn:
        await conn.execute("UPDATE users SET disabled = true WHERE username = $1", request.match_info["username"])
    return web.json_response({"ok": True})
