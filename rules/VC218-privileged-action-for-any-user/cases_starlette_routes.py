"""VC218 corpus: Starlette handlers routed by a route list (`routes = [Route(...)]`), signed in by a call in the body."""
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route

from .auth import ensure_logged_in, requires_admin_role
from .jobs import queue
from . import db


async def rebuild_search_index(request):
    await ensure_logged_in(request)
    # expect: VC218 -- an administrators' path in the route list, a login only
    await queue.enqueue("jobs.rebuild_index", request.path_params["index"])
    return JSONResponse({"queued": True})


async def rebuild_checked(request):
    await requires_admin_role(request)
    # ok: VC218 -- the call that signs the caller in asks for an admin
    await queue.enqueue("jobs.rebuild_index", request.path_params["index"])
    return JSONResponse({"queued": True})


async def star_repository(request):
    await ensure_logged_in(request)
    # ok: VC218 -- not an administrators' path: any user stars a repository
    db.add_star(request.path_params["name"])
    return JSONResponse({"starred": True})


async def admin_report(request):
    await ensure_logged_in(request)
    # ok: VC218 -- an administrators' path answering GET only: it changes nothing (VC201's and VC219's to judge)
    db.record_view(request.path_params["report"])
    return JSONResponse(db.report(request.path_params["report"]))


routes = [
    Route("/admin/indexes/{index}/rebuild", rebuild_search_index, methods=["POST"]),
    Route("/admin/indexes/{index}/rebuild-checked", endpoint=rebuild_checked, methods=["POST"]),
    Route("/repos/{name}/star", star_repository, methods=["POST"]),
    Mount("/api", routes=[Route("/admin/reports/{report}", admin_report)]),
]

app = Starlette(routes=routes)
