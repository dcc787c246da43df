from aiohttp import web

from .config import API_TOKEN

PUBLIC_PREFIXES = ("/public/",)


@web.middleware
async def auth_middleware(request: web.Request, handler):
    if request.path.startswith(PUBLIC_PREFIXES):
        return await handler(request)
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    # expect: VC204
    if token != API_TOKEN:
        raise web.HTTPUnauthorized(text="missing or bad token")
    return await handler(request)


@web.middleware
async def error_middleware(request: web.Request, handler):
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except Exception as exc:
        # expect: VC414
        return web.json_response({"error": repr(exc)}, status=500)
