"""Postgres access for the activities (asyncpg pool shared by one worker)."""

from __future__ import annotations

import asyncpg

from .settings import settings

_pool: asyncpg.Pool | None = None


async def pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(settings.database_url, min_size=1, max_size=5)
    return _pool


async def fetch_order(order_id: str) -> dict | None:
    conn = await pool()
    # ok: VC402
    row = await conn.fetchrow("SELECT id, customer_id, status, total_cents, address FROM orders WHERE id = $1", order_id)
    return dict(row) if row else None


async def set_status(order_id: str, status: str) -> None:
    conn = await pool()
    # ok: VC402
    await conn.execute("UPDATE orders SET status = $1, updated_at = now() WHERE id = $2", status, order_id)


async def orders_for_customer(customer_id: str, status_filter: str | None = None) -> list[dict]:
    conn = await pool()
    query = f"SELECT id, status, total_cents FROM orders WHERE customer_id = '{customer_id}'"
    if status_filter:
        query += f" AND status = '{status_filter}'"
    # expect: VC402
    rows = await conn.fetch(query)
    return [dict(r) for r in rows]


async def record_shipment(order_id: str, carrier: str, tracking: str) -> None:
    conn = await pool()
    # ok: VC402
    await conn.execute(
        "INSERT INTO shipments (order_id, carrier, tracking) VALUES ($1, $2, $3)", order_id, carrier, tracking
    )
