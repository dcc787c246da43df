"""VC214 corpus: aiohttp handlers that sign the caller in with aiohttp-security and read the URL's captures from
`request.match_info`, bound to a name first or inline."""
from aiohttp import web
from aiohttp_security import authorized_userid, check_authorized

routes = web.RouteTableDef()


@routes.get("/docs/{doc_id}")
async def get_doc(request):
    await check_authorized(request)
    async with request.app["pool"].acquire() as conn:
        # expect: VC214
        row = await conn.fetchrow("SELECT * FROM documents WHERE id = $1", int(request.match_info["doc_id"]))
    return web.json_response(dict(row))


@routes.delete("/docs/{doc_id}")
async def delete_doc(request):
    user_id = await check_authorized(request)
    doc_id = int(request.match_info["doc_id"])
    async with request.app["pool"].acquire() as conn:
        # expect: VC214
        await conn.execute("DELETE FROM documents WHERE id = $1", doc_id)
    return web.Response(status=204)


@routes.get("/my/docs/{doc_id}")
async def get_my_doc(request):
    user_id = await authorized_userid(request)
    if user_id is None:
        raise web.HTTPUnauthorized()
    async with request.app["pool"].acquire() as conn:
        # ok: VC214
        row = await conn.fetchrow("SELECT * FROM documents WHERE id = $1 AND owner_id = $2",
                                  int(request.match_info["doc_id"]), user_id)
    return web.json_response(dict(row))


@routes.get("/public/docs/{doc_id}")
async def public_doc(request):
    async with request.app["pool"].acquire() as conn:
        # ok: VC214 -- nobody signs in here: an open route is VC201's and VC219's to judge
        row = await conn.fetchrow("SELECT title FROM documents WHERE id = $1 AND public", int(request.match_info["doc_id"]))
    return web.json_response(dict(row))
