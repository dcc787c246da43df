"""VC201 corpus: routes declared in route lists and registration calls (Starlette, FastAPI, aiohttp, Sanic)."""
from aiohttp import web
from fastapi import APIRouter
from sanic import Sanic
from starlette.applications import Starlette
from starlette.authentication import requires
from starlette.endpoints import HTTPEndpoint
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route, WebSocketRoute

from .auth import BearerAuthMiddleware, RequestIdMiddleware, TokenBackend


async def list_jobs(request):
    return JSONResponse([])


@requires("authenticated")
async def create_job(request):
    return JSONResponse({}, status_code=201)


async def delete_job(request):
    return JSONResponse({}, status_code=204)


async def purge_jobs(request):
    return JSONResponse({}, status_code=204)


async def admin_stats(request):
    return JSONResponse({})


async def feed(websocket):
    await websocket.accept()


async def healthcheck(request):
    return JSONResponse({"ok": True})


class JobEndpoint(HTTPEndpoint):
    async def get(self, request):
        return JSONResponse({})

    # expect: VC201 -- a class endpoint's handler that changes state
    async def delete(self, request):
        return JSONResponse({}, status_code=204)


class GuardedJobEndpoint(HTTPEndpoint):
    # ok: VC201
    @requires("authenticated")
    async def delete(self, request):
        return JSONResponse({}, status_code=204)


routes = [
    # ok: VC201 -- reads only
    Route("/jobs", list_jobs, methods=["GET"]),
    # ok: VC201 -- `@requires("authenticated")`
    Route("/jobs", create_job, methods=["POST"]),
    # expect: VC201
    Route("/jobs/{job_id}", delete_job, methods=["DELETE"]),
    # ok: VC201 -- a websocket is reached by a GET
    WebSocketRoute("/feed", feed),
    # ok: VC201 -- meant to be public
    Route("/health", healthcheck, methods=["POST"]),
    Route("/v2/jobs/{job_id}", JobEndpoint),
    Route("/v2/guarded/{job_id}", GuardedJobEndpoint),
    Mount("/admin", routes=[
        # expect: VC201 -- `/admin/stats` looks administrative, whatever the method
        Route("/stats", admin_stats),
    ]),
]

app = Starlette(routes=routes, middleware=[Middleware(AuthenticationMiddleware, backend=TokenBackend())])
# expect: VC201
app.add_route("/jobs/purge", purge_jobs, methods=["POST"])
# ok: VC201
app.add_route("/jobs/list", list_jobs)

router = APIRouter()
# expect: VC201
router.add_api_route("/jobs/{job_id}/cancel", delete_job, methods=["POST"])
# ok: VC201
router.add_api_route("/jobs/{job_id}/cancel-guarded", create_job, methods=["POST"])

aio = web.Application()
# expect: VC201
aio.router.add_route("DELETE", "/items/{item_id}", delete_job)
# expect: VC201
aio.router.add_post("/items", purge_jobs)
# ok: VC201
aio.router.add_get("/items", list_jobs)
# expect: VC201 -- every method, the writing ones too
aio.router.add_route("*", "/items/{item_id}/edit", delete_job)

shop = Sanic("shop")
# expect: VC201 -- Sanic puts the handler first
shop.add_route(delete_job, "/orders/<order_id>", methods=["DELETE"])
# ok: VC201
shop.add_route(create_job, "/orders", methods=["POST"])



class ItemView(web.View):
    async def get(self):
        return web.json_response({})

    # expect: VC201
    async def post(self):
        return web.json_response({}, status=201)


aio.add_routes([
    # ok: VC201
    web.get("/catalog", list_jobs),
    # expect: VC201
    web.post("/catalog", purge_jobs),
    # expect: VC201
    web.route("DELETE", "/catalog/{item_id}", delete_job),
    # ok: VC201 -- `@requires("authenticated")`
    web.put("/catalog/{item_id}", create_job),
    web.view("/catalog/items", ItemView),
])


async def admin_users(request):
    return JSONResponse([])


async def team_report(request):
    return JSONResponse({})


async def shop_settings(request):
    return JSONResponse({})


ADMIN = "/admin"
admin_routes = [
    # expect: VC201 -- `/admin/users`: the list is mounted below under a prefix held in a constant
    Route("/users", admin_users),
]
team_routes = [
    # expect: VC201 -- `/manage/report`
    Route("/report", team_report),
]
shop_routes = [
    # ok: VC201 -- `/shop/settings` reads and looks like no administration
    Route("/settings", shop_settings),
]
mounted = Starlette(routes=[
    Mount(ADMIN, routes=admin_routes),
    Mount("/manage", routes=team_routes),
    Mount("/shop", routes=shop_routes),
])


async def purge_cache(request):
    return JSONResponse({})


async def rotate_keys(request):
    return JSONResponse({})


ops_routes = [
    # ok: VC201 -- mounted below under the bearer-token middleware
    Route("/keys/rotate", rotate_keys, methods=["POST"]),
]
scoped = Starlette(routes=[
    Mount("/internal", routes=[
        # ok: VC201 -- the `Mount`'s own middleware turns away callers without a token
        Route("/cache/purge", purge_cache, methods=["POST"]),
        Mount("/deep", routes=[
            # ok: VC201 -- a `Mount` inside the guarded one
            Route("/cache/purge", purge_cache, methods=["POST"]),
        ]),
    ], middleware=[Middleware(BearerAuthMiddleware)]),
    Mount("/ops", routes=ops_routes, middleware=[Middleware(BearerAuthMiddleware)]),
    # expect: VC201 -- the middleware of the `Mount` above guards its routes only
    Route("/cache/purge", purge_cache, methods=["POST"]),
    Mount("/tools", routes=[
        # expect: VC201 -- a request-id middleware guards nothing
        Route("/cache/purge", purge_cache, methods=["POST"]),
    ], middleware=[Middleware(RequestIdMiddleware)]),
    # ok: VC201 -- Starlette runs a route's own middleware before its endpoint
    Route("/keys/purge", rotate_keys, methods=["POST"], middleware=[Middleware(BearerAuthMiddleware)]),
])
