"""Document handlers: every one but login and signup needs a session identity."""

import os
import pathlib

import bcrypt
from aiohttp import ClientSession, ClientTimeout, web
from aiohttp_security import authorized_userid, check_authorized, check_permission, forget, remember

UPLOADS = pathlib.Path(os.environ.get("UPLOAD_DIR", "/srv/docs/uploads")).resolve()
routes = web.RouteTableDef()


@routes.post("/signup")
async def signup(request: web.Request) -> web.Response:
    body = await request.json()
    async with request.app["pool"].acquire() as conn:
        await conn.execute(
            "INSERT INTO users (username, password, role) VALUES ($1, $2, $3)",
            # expect: VC410
            body["username"], body["password"],
            # expect: VC217
            body.get("role", "viewer"),
        )
    return web.json_response({"ok": True}, status=201)


@routes.post("/login")
async def login(request: web.Request) -> web.Response:
    form = await request.post()
    async with request.app["pool"].acquire() as conn:
        row = await conn.fetchrow("SELECT password_hash FROM users WHERE username = $1", form["username"])
    if row is None or not bcrypt.checkpw(form["password"].encode(), row["password_hash"].encode()):
        raise web.HTTPUnauthorized()
    response = web.json_response({"ok": True})
    await remember(request, response, form["username"])
    return response


@routes.post("/logout")
async def logout(request: web.Request) -> web.Response:
    await check_authorized(request)
    response = web.json_response({"ok": True})
    await forget(request, response)
    return response


@routes.get("/docs/{doc_id}")
async def get_doc(request: web.Request) -> web.Response:
    await check_authorized(request)
    async with request.app["pool"].acquire() as conn:
        # expect: VC214
        row = await conn.fetchrow("SELECT * FROM documents WHERE id = $1", int(request.match_info["doc_id"]))
    if row is None:
        raise web.HTTPNotFound()
    return web.json_response(dict(row))


@routes.get("/my/docs/{doc_id}")
async def get_my_doc(request: web.Request) -> web.Response:
    user_id = await authorized_userid(request)
    if user_id is None:
        raise web.HTTPUnauthorized()
    async with request.app["pool"].acquire() as conn:
        # ok: VC214
        row = await conn.fetchrow(
            "SELECT * FROM documents WHERE id = $1 AND owner_id = $2", int(request.match_info["doc_id"]), user_id
        )
    if row is None:
        raise web.HTTPNotFound()
    return web.json_response(dict(row))


@routes.get("/search")
async def search(request: web.Request) -> web.Response:
    user_id = await check_authorized(request)
    term = request.query.get("q", "")
    sort = request.query.get("sort", "updated_at")
    async with request.app["pool"].acquire() as conn:
        rows = await conn.fetch(
            # expect: VC422
            f"SELECT id, title FROM documents WHERE owner_id = $1 AND title ILIKE '%{term}%' ORDER BY {sort}",
            user_id,
        )
    return web.json_response([dict(r) for r in rows])


@routes.get("/search/safe")
async def search_safe(request: web.Request) -> web.Response:
    user_id = await check_authorized(request)
    sort = {"title": "title", "updated": "updated_at"}.get(request.query.get("sort", ""), "updated_at")
    async with request.app["pool"].acquire() as conn:
        rows = await conn.fetch(
            # ok: VC422/VC402
            f"SELECT id, title FROM documents WHERE owner_id = $1 AND title ILIKE $2 ORDER BY {sort}",
            user_id, f"%{request.query.get('q', '')}%",
        )
    return web.json_response([dict(r) for r in rows])


# expect: VC201
@routes.delete("/docs/{doc_id}")
async def delete_doc(request: web.Request) -> web.Response:
    async with request.app["pool"].acquire() as conn:
        await conn.execute("DELETE FROM documents WHERE id = $1", int(request.match_info["doc_id"]))
    return web.Response(status=204)


# expect: VC218
@routes.post("/admin/users/{username}/role")
async def set_role(request: web.Request) -> web.Response:
    await check_authorized(request)
    body = await request.json()
    async with request.app["pool"].acquire() as conn:
        await conn.execute("UPDATE users SET role = $1 WHERE username = $2", body["role"], request.match_info["username"])
    return web.json_response({"ok": True})


@routes.post("/admin/users/{username}/disable")
async def disable_user(request: web.Request) -> web.Response:
    await check_permission(request, "admin")
    async with request.app["pool"].acquire() as conn:
        # ok: VC218
        await conn.execute("UPDATE users SET disabled = true WHERE username = $1", request.match_info["username"])
    return web.json_response({"ok": True})


@routes.get("/files/{name}")
async def download(request: web.Request) -> web.StreamResponse:
    await check_authorized(request)
    name = request.match_info["name"]
    # expect: VC405
    return web.FileResponse(os.path.join(UPLOADS, name))


@routes.get("/files-safe/{name}")
async def download_safe(request: web.Request) -> web.StreamResponse:
    await check_authorized(request)
    target = (UPLOADS / request.match_info["name"]).resolve()
    if not target.is_relative_to(UPLOADS):
        raise web.HTTPNotFound()
    # ok: VC405
    return web.FileResponse(target)


@routes.post("/docs/import")
async def import_url(request: web.Request) -> web.Response:
    await check_permission(request, "write")
    body = await request.json()
    async with ClientSession(timeout=ClientTimeout(total=20)) as session:
        # expect: VC405
        async with session.get(body["url"]) as upstream:
            # expect: VC107
            text = await upstream.text()
    try:
        async with request.app["pool"].acquire() as conn:
            await conn.execute("INSERT INTO documents (title, body) VALUES ($1, $2)", body["title"], text)
    except Exception as exc:
        # expect: VC414
        return web.json_response({"error": repr(exc)}, status=500)
    return web.json_response({"ok": True}, status=201)
