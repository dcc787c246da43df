"""VC409 corpus, aiohttp, Litestar, Sanic, Falcon, Pyramid and Bottle: their own redirects, raised or returned."""
import bottle
import falcon
from aiohttp import web
from litestar import get
from litestar.response import Redirect
from pyramid.httpexceptions import HTTPFound
from pyramid.view import view_config
from sanic import Sanic, response

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


sanic_app = Sanic("shop")


@sanic_app.get("/next")
async def sanic_next(request):
    # expect: VC409
    return response.redirect(request.args.get("to"))


@sanic_app.get("/orders")
async def sanic_orders(request):
    # ok: VC409
    return response.redirect("/orders/")


class Back:
    def on_get(self, req, resp):
        # expect: VC409
        raise falcon.HTTPFound(req.get_param("to"))


@view_config(route_name="out")
def pyramid_out(request):
    # expect: VC409
    raise HTTPFound(location=request.params["to"])


@view_config(route_name="home")
def pyramid_home(request):
    # ok: VC409
    raise HTTPFound(location=request.route_url("home"))


@bottle.get("/go")
def bottle_go():
    # expect: VC409
    bottle.redirect(bottle.request.query.get("to"))
