import os

import asyncpg


async def setup_db(app, _loop):
    app.ctx.pool = await asyncpg.create_pool(os.environ["DATABASE_URL"])


async def get_order(conn, order_id: int):
    return await conn.fetchrow("SELECT * FROM orders WHERE id = $1", order_id)


async def get_user_order(conn, order_id: int, user_id: int):
    return await conn.fetchrow("SELECT * FROM orders WHERE id = $1 AND user_id = $2", order_id, user_id)


def build_search(status: str, sort: str) -> str:
    query = "SELECT id, total, status FROM orders"
    if status:
        query += f" WHERE status = '{status}'"
    if sort:
        query += f" ORDER BY {sort}"
    return query


async def search_orders(conn, status: str, sort: str):
    # expect: VC417/VC422/VC402
    return await conn.fetch(build_search(status, sort))


SORTABLE = {"created": "created_at", "total": "total"}


async def search_orders_safe(conn, status: str, sort: str):
    column = SORTABLE.get(sort, "created_at")
    # ok: VC417/VC422/VC402
    return await conn.fetch(f"SELECT id, total, status FROM orders WHERE status = $1 ORDER BY {column}", status)
