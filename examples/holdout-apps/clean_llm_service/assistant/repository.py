"""Read-only queries the tools run, always scoped to the customer and with bound parameters."""

from typing import Any

import asyncpg

STATUS_FILTERS = frozenset({"pending", "paid", "shipped", "cancelled"})


async def order_status(conn: asyncpg.Connection, customer_id: int, order_number: str) -> dict[str, Any] | None:
    # ok: VC402/VC401/VC417/VC214
    row = await conn.fetchrow(
        "SELECT number, status, updated_at FROM orders WHERE customer_id = $1 AND number = $2",
        customer_id,
        order_number,
        timeout=5,
    )
    return dict(row) if row else None


async def recent_orders(
    conn: asyncpg.Connection, customer_id: int, limit: int, statuses: list[str]
) -> list[dict[str, Any]]:
    wanted = [s for s in statuses if s in STATUS_FILTERS] or sorted(STATUS_FILTERS)
    # ok: VC402/VC401/VC417
    rows = await conn.fetch(
        "SELECT number, status, total FROM orders WHERE customer_id = $1 AND status = ANY($2::text[])"
        " ORDER BY created_at DESC LIMIT $3",
        customer_id,
        wanted,
        limit,
        timeout=5,
    )
    return [dict(r) for r in rows]
