"""VC409 corpus, aiohttp and Litestar: a redirect raised as an exception or returned as a response object."""
from aiohttp import web
from litestar import get
from litestar.response import Redirect

routes = web.RouteTableDef()


@routes.get("/go")
async def go(request: web.Request) -> web.Response:
    # expect: VC409
    raise web.HTTPFound(request.query["to"])


@routes.post("/moved")
async def moved(request: web.Request) -> web.Response:
    form = await request.post()
    target = form.get("next", "/")
    # expect: VC409
    raise web.HTTPSeeOther(location=target)


@routes.get("/home")
async def home(request: web.Request) -> web.Response:
    # ok: VC409 -- a path of this site, chosen by the server
    raise web.HTTPFound("/dashboard")


@routes.get("/back")
async def back(request: web.Request) -> web.Response:
    # ok: VC409 -- the client picks only the tab, the path stays on this site
    raise web.HTTPFound(f"/settings/{request.query.get('tab', 'profile')}")


@get("/leave")
async def leave(url: str) -> Redirect:
    # expect: VC409
    return Redirect(path=url)


@get("/stay")
async def stay(section: str) -> Redirect:
    # ok: VC409
    return Redirect(path=f"/docs/{section}")
