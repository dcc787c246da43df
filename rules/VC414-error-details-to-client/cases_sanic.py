"""VC414 corpus: Sanic's `@app.exception(...)` handlers receive the server's exception; a class written for the
client does not count (a module without Sanic: tests/rules/test_security.py)."""
from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound
from sanic.response import json

app = Sanic("media")
bp = Blueprint("files")


@app.exception(Exception)
async def on_any_error(request, exc):
    # expect: VC414 -- a catch-all handler answering the exception's repr
    return json({"error": type(exc).__name__, "detail": repr(exc)}, status=500)


@bp.exception(LookupError)
async def on_lookup_error(request, error):
    # expect: VC414 -- a blueprint's handler too
    return json({"error": f"lookup failed: {error}"}, status=500)


@app.exception(NotFound)
async def on_not_found(request, exc):
    # ok: VC414 -- an HTTP error whose text is written for the client
    return json({"error": str(exc)}, status=404)


@app.exception(Exception)
async def on_error_logged(request, exc):
    request.app.ctx.log.exception("unhandled error")
    # ok: VC414 -- the details go to the log, the client gets a fixed text
    return json({"error": "internal error"}, status=500)
