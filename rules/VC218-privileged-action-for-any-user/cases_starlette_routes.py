"""VC218 corpus: Starlette handlers routed by a route list (`async def flag_account(request):
    await ensure_logged_in(request)
    # expect: VC218 -- a `Mount("/admin", ...)` around its route
    db.set_flag(request.path_params["user_id"], request.query_params["flag"])
    return JSONResponse({"flagged": True})


async def purge_cache(request):
    await ensure_logged_in(request)
    # expect: VC218 -- mounted under `/internal` through a `Router`, its prefix a module constant
    db.purge(request.path_params["key"])
    return JSONResponse({"purged": True})


async def like_post(request):
    await ensure_logged_in(request)
    # ok: VC218 -- mounted under `/api`, a path for every user
    db.like(request.path_params["post_id"])
    return JSONResponse({"liked": True})


async def pin_admin_note(request):
    await ensure_logged_in(request)
    # ok: VC218 -- `admin` is a path parameter's name under the mount, not a segment
    db.pin(request.path_params["admin_id"])
    return JSONResponse({"pinned": True})


INTERNAL = "/internal"

routes = [Route(...)]`), signed in by a call in the body."""
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route, Router

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


async def flag_account(request):
    await ensure_logged_in(request)
    # expect: VC218 -- a `Mount("/admin", ...)` around its route
    db.set_flag(request.path_params["user_id"], request.query_params["flag"])
    return JSONResponse({"flagged": True})


async def purge_cache(request):
    await ensure_logged_in(request)
    # expect: VC218 -- mounted under `/internal` through a `Router`, its prefix a module constant
    db.purge(request.path_params["key"])
    return JSONResponse({"purged": True})


async def like_post(request):
    await ensure_logged_in(request)
    # ok: VC218 -- mounted under `/api`, a path for every user
    db.like(request.path_params["post_id"])
    return JSONResponse({"liked": True})


async def pin_admin_note(request):
    await ensure_logged_in(request)
    # ok: VC218 -- `admin` is a path parameter's name under the mount, not a segment
    db.pin(request.path_params["admin_id"])
    return JSONResponse({"pinned": True})


INTERNAL = "/internal"

routes = [
    Route("/admin/indexes/{index}/rebuild", rebuild_search_index, methods=["POST"]),
    Route("/admin/indexes/{index}/rebuild-checked", endpoint=rebuild_checked, methods=["POST"]),
    Route("/repos/{name}/star", star_repository, methods=["POST"]),
    Mount("/api", routes=[Route("/admin/reports/{report}", admin_report)]),
    Mount("/admin", routes=[Route("/users/{user_id}/flag", flag_account, methods=["POST"])]),
    Mount(INTERNAL, app=Router(routes=[Route("/cache/{key}/purge", purge_cache, methods=["POST"])])),
    Mount("/api", routes=[Route("/posts/{post_id}/like", like_post, methods=["POST"]),
                          Route("/notes/{admin_id}/pin", pin_admin_note, methods=["POST"])]),
]

app = Starlette(routes=routes)
