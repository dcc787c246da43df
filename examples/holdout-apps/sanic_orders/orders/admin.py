from sanic import Blueprint, Request
from sanic.response import json

from .auth import admin_only, protected

bp = Blueprint("admin", url_prefix="/admin")


@bp.get("/stats")
@admin_only
async def stats(request: Request):
    async with request.app.ctx.pool.acquire() as conn:
        total = await conn.fetchval("SELECT count(*) FROM orders")
    return json({"orders": total})


# expect: VC218
@bp.post("/orders/<order_id:int>/refund")
@protected
async def refund(request: Request, order_id: int):
    async with request.app.ctx.pool.acquire() as conn:
        await conn.execute("UPDATE orders SET status = 'refunded' WHERE id = $1", order_id)
    return json({"refunded": order_id})


# ok: VC201/VC218
@bp.post("/users/<user_id:int>/ban")
@admin_only
async def ban_user(request: Request, user_id: int):
    async with request.app.ctx.pool.acquire() as conn:
        await conn.execute("UPDATE users SET banned = true WHERE id = $1", user_id)
    return json({"banned": user_id})


# expect: VC201
@bp.post("/users/<user_id:int>/reset-password")
async def reset_password(request: Request, user_id: int):
    async with request.app.ctx.pool.acquire() as conn:
        await conn.execute("UPDATE users SET must_reset = true WHERE id = $1", user_id)
    return json({"ok": True})
