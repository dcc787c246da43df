"""Sales reports built on raw SQL."""

from __future__ import annotations

from .tables import Order, Product

SORTABLE = {"created", "total_cents", "status"}


async def sales_by_day(store_id: int, since: str) -> list[dict]:
    # ok: VC402
    return await Order.raw(
        "SELECT date(created) AS day, sum(total_cents) AS total FROM order WHERE store = {} AND created >= {} "
        "GROUP BY 1 ORDER BY 1",
        store_id,
        since,
    )


async def search_orders(store_id: int, email: str, sort: str = "created") -> list[dict]:
    if sort not in SORTABLE:
        sort = "created"
    # ok: VC402
    return await Order.raw(
        f"SELECT id, customer_email, total_cents, status FROM order WHERE store = {{}} AND customer_email ILIKE {{}} "
        f"ORDER BY {sort} DESC",
        store_id,
        f"%{email}%",
    )


async def low_stock(store_id: int, threshold: str) -> list[dict]:
    # expect: VC402/VC417
    return await Product.raw(f"SELECT sku, title, stock FROM product WHERE store = {store_id} AND stock < {threshold}")
