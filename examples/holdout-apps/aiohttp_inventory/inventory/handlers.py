import asyncio
import os
import time

import requests
from aiohttp import web

from .config import EXPORT_DIR, SUPPLIER_URL
from .supplier import fetch_catalogue, fetch_price, fetch_stock

routes = web.RouteTableDef()


@routes.get("/items/{sku}")
async def get_item(request: web.Request) -> web.Response:
    sku = request.match_info["sku"]
    pool = request.app["db"]
    # expect: VC402/VC422
    row = await pool.fetchrow(f"SELECT sku, name, quantity FROM items WHERE sku = '{sku}'")
    if row is None:
        raise web.HTTPNotFound()
    return web.json_response(dict(row))


@routes.get("/items")
async def list_items(request: web.Request) -> web.Response:
    warehouse = request.query.get("warehouse", "main")
    limit = min(int(request.query.get("limit", "50")), 500)
    pool = request.app["db"]
    # ok: VC402
    rows = await pool.fetch("SELECT sku, name, quantity FROM items WHERE warehouse = $1 LIMIT $2", warehouse, limit)
    return web.json_response([dict(r) for r in rows])


# ok: VC201
@routes.post("/items/{sku}/sync")
async def sync_item(request: web.Request) -> web.Response:
    sku = request.match_info["sku"]
    session = request.app["http"]
    stock = await fetch_stock(session, sku)
    price = await fetch_price(session, sku)
    pool = request.app["db"]
    await pool.execute("UPDATE items SET quantity = $1, price = $2 WHERE sku = $3", stock["qty"], price["amount"], sku)
    return web.json_response({"sku": sku, "quantity": stock["qty"]})


@routes.post("/catalogue/refresh")
async def refresh_catalogue(request: web.Request) -> web.Response:
    # expect: VC113
    asyncio.create_task(_refresh(request.app))
    return web.json_response({"status": "started"}, status=202)


async def _refresh(app: web.Application) -> None:
    items = await fetch_catalogue(app["http"])
    async with app["db"].acquire() as conn:
        await conn.executemany("INSERT INTO items (sku, name) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                               [(i["sku"], i["name"]) for i in items])


@routes.get("/suppliers/status")
async def supplier_status(request: web.Request) -> web.Response:
    # expect: VC110
    resp = requests.get(f"{SUPPLIER_URL}/status", timeout=5)
    return web.json_response({"supplier": resp.status_code})


@routes.post("/reindex")
async def reindex(request: web.Request) -> web.Response:
    # expect: VC110
    time.sleep(1)
    return web.json_response({"status": "ok"})


@routes.get("/exports/{name}")
async def download_export(request: web.Request) -> web.FileResponse:
    name = request.match_info["name"]
    # expect: VC405
    return web.FileResponse(os.path.join(EXPORT_DIR, name))


@routes.get("/exports/daily/{day}")
async def download_daily(request: web.Request) -> web.FileResponse:
    day = request.match_info["day"]
    if not day.isdigit() or len(day) != 8:
        raise web.HTTPBadRequest(text="day must be YYYYMMDD")
    # ok: VC405
    return web.FileResponse(os.path.join(EXPORT_DIR, f"daily-{day}.csv"))


@routes.get("/public/health")
async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})
