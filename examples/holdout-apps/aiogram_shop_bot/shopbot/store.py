"""aiosqlite access to orders and customers."""

from __future__ import annotations

import aiosqlite

from .settings import DB_PATH


async def get_order(order_id: int):
    async with aiosqlite.connect(DB_PATH) as db:
        cur = await db.execute("select id, user_id, item, amount, status from orders where id = ?", (order_id,))
        return await cur.fetchone()


async def get_user_order(user_id: int, order_id: int):
    async with aiosqlite.connect(DB_PATH) as db:
        cur = await db.execute("select id, user_id, item, amount, status from orders where id = ? and user_id = ?",
                               (order_id, user_id))
        return await cur.fetchone()


async def find_products(term: str):
    async with aiosqlite.connect(DB_PATH) as db:
        # expect: VC402/VC422/VC417
        cur = await db.execute("select id, name, price from products where name like '%" + term + "%'")
        return await cur.fetchall()


async def set_status(order_id: int, status: str) -> None:
    async with aiosqlite.connect(DB_PATH) as db:
        await db.execute("update orders set status = ? where id = ?", (status, order_id))
        await db.commit()
