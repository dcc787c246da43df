"""VC219 corpus: an app that signs nobody in, whose partner route answers 403 for a domain it will not fetch, with the
page fetched through a client session (`async with aiohttp.ClientSession() as session`), which is no caller's."""
from urllib.parse import urlparse

import aiohttp
from aiohttp import web

PARTNERS = {"news.example.com", "blog.example.com"}


async def partner_preview(request: web.Request) -> web.Response:
    url = (await request.json()).get("url", "")
    if urlparse(url).hostname not in PARTNERS:
        return web.json_response({"error": "not a partner domain"}, status=403)
    async with aiohttp.ClientSession() as session:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=5)) as resp:
            resp.raise_for_status()
            return web.json_response({"title": (await resp.text())[:200]})


async def card(request: web.Request) -> web.Response:
    return web.json_response({"title": request.query.get("title", "")})


app = web.Application()
app.add_routes([
    web.post("/partner/preview", partner_preview),
    # ok: VC219 -- nothing in the app is guarded: the 403 above refuses a domain, not a caller
    web.get("/card", card),
])
