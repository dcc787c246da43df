"""VC201 corpus: the HTTP routes a FastMCP server adds beside its tools (`@mcp.custom_route`), which its auth does not
cover."""
from mcp.server.fastmcp import FastMCP
from starlette.authentication import requires
from starlette.requests import Request
from starlette.responses import JSONResponse

mcp = FastMCP("notes")
NOTES: dict[str, str] = {}


# ok: VC201 -- a health check reads nothing private
@mcp.custom_route("/health", methods=["GET"])
async def health(request: Request) -> JSONResponse:
    return JSONResponse({"ok": True})


# expect: VC201
@mcp.custom_route("/admin/reset", methods=["POST"])
async def reset(request: Request) -> JSONResponse:
    NOTES.clear()
    return JSONResponse({"ok": True})


# ok: VC201
@mcp.custom_route("/admin/compact", methods=["POST"])
@requires("authenticated")
async def compact(request: Request) -> JSONResponse:
    return JSONResponse({"ok": True})
