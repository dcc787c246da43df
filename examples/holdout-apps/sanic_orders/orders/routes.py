import logging
import subprocess
from urllib.parse import urlparse

import httpx
from sanic import Blueprint, Request
from sanic.exceptions import NotFound
from sanic.response import json
from sanic.views import HTTPMethodView

from . import db
from .auth import protected

log = logging.getLogger(__name__)
bp = Blueprint("orders", url_prefix="/orders")
IMPORT_HOSTS = {"partners.example.com", "feeds.example.com"}


@bp.get("/")
@protected
async def list_orders(request: Request):
    async with request.app.ctx.pool.acquire() as conn:
        rows = await conn.fetch("SELECT * FROM orders WHERE user_id = $1", request.ctx.user["sub"])
    return json([dict(r) for r in rows])


@bp.get("/<order_id:int>")
@protected
async def get_order(request: Request, order_id: int):
    async with request.app.ctx.pool.acquire() as conn:
        # expect: VC214
        order = await db.get_order(conn, order_id)
    if order is None:
        raise NotFound("no such order")
    return json(dict(order))


@bp.get("/mine/<order_id:int>")
@protected
async def get_my_order(request: Request, order_id: int):
    async with request.app.ctx.pool.acquire() as conn:
        # ok: VC214
        order = await db.get_user_order(conn, order_id, request.ctx.user["sub"])
    if order is None:
        raise NotFound("no such order")
    return json(dict(order))


# expect: VC201
@bp.delete("/<order_id:int>")
async def delete_order(request: Request, order_id: int):
    async with request.app.ctx.pool.acquire() as conn:
        await conn.execute("DELETE FROM orders WHERE id = $1", order_id)
    return json({"deleted": order_id})


@bp.get("/search")
@protected
async def search(request: Request):
    status = request.args.get("status", "")
    sort = request.args.get("sort", "")
    async with request.app.ctx.pool.acquire() as conn:
        rows = await db.search_orders(conn, status, sort)
    return json([dict(r) for r in rows])


@bp.get("/search-safe")
@protected
async def search_safe(request: Request):
    async with request.app.ctx.pool.acquire() as conn:
        rows = await db.search_orders_safe(conn, request.args.get("status", "open"), request.args.get("sort", ""))
    return json([dict(r) for r in rows])


@bp.post("/import")
@protected
async def import_orders(request: Request):
    feed_url = request.json["feed_url"]
    # expect: VC404
    async with httpx.AsyncClient(verify=False, timeout=10) as client:
        # expect: VC405
        resp = await client.get(feed_url)
    resp.raise_for_status()
    return json({"imported": len(resp.json())})


@bp.post("/import-safe")
@protected
async def import_orders_safe(request: Request):
    feed_url = request.json["feed_url"]
    parsed = urlparse(feed_url)
    if parsed.scheme != "https" or parsed.hostname not in IMPORT_HOSTS:
        return json({"error": "feed host not allowed"}, status=400)
    async with httpx.AsyncClient(timeout=10) as client:
        # ok: VC405
        resp = await client.get(feed_url)
    resp.raise_for_status()
    return json({"imported": len(resp.json())})


@bp.post("/<order_id:int>/receipt")
@protected
async def receipt(request: Request, order_id: int):
    template = request.json.get("template", "default")
    # expect: VC421, VC110
    subprocess.run(f"render-receipt --order {order_id} --template {template}", shell=True, check=True)
    return json({"ok": True})


@bp.post("/<order_id:int>/notify")
@protected
async def notify(request: Request, order_id: int):
    try:
        async with httpx.AsyncClient(timeout=5) as client:
            # expect: VC107
            await client.post("https://hooks.example.com/orders", json={"order": order_id})
    # expect: VC101
    except Exception:
        pass
    return json({"queued": True})


@bp.post("/bulk")
@protected
async def bulk_update(request: Request):
    try:
        async with request.app.ctx.pool.acquire() as conn:
            for item in request.json["items"]:
                await conn.execute("UPDATE orders SET status = $1 WHERE id = $2 AND user_id = $3",
                                   item["status"], item["id"], request.ctx.user["sub"])
    except Exception as exc:
        log.exception("bulk update failed")
        # expect: VC414
        return json({"error": str(exc)}, status=500)
    return json({"updated": len(request.json["items"])})


class AddressView(HTTPMethodView):
    decorators = [protected]

    async def get(self, request: Request, order_id: int):
        async with request.app.ctx.pool.acquire() as conn:
            # ok: VC214
            row = await conn.fetchrow("SELECT address FROM orders WHERE id = $1 AND user_id = $2",
                                      order_id, request.ctx.user["sub"])
        return json({"address": row["address"] if row else None})

    async def put(self, request: Request, order_id: int):
        async with request.app.ctx.pool.acquire() as conn:
            await conn.execute("UPDATE orders SET address = $1 WHERE id = $2 AND user_id = $3",
                               request.json["address"], order_id, request.ctx.user["sub"])
        return json({"ok": True})


bp.add_route(AddressView.as_view(), "/<order_id:int>/address")
