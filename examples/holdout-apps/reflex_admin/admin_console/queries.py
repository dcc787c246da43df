"""SQL used by the console; the reports are easier to write in SQL than in SQLModel."""

from sqlalchemy import text

SAVED_QUERIES = {
    "refunds_this_week": "SELECT id, customer_id, refunded_cents FROM \"order\" "
    "WHERE refunded_cents > 0 AND created_at > now() - interval '7 days'",
    "top_customers": "SELECT customer_id, SUM(total_cents) AS spent FROM \"order\" "
    "GROUP BY customer_id ORDER BY spent DESC LIMIT 20",
}


def cents(value: int) -> str:
    return f"${value / 100:,.2f}"


def order_search_sql(term: str, status: str) -> str:
    sql = "SELECT o.id, c.email, o.total_cents, o.status FROM \"order\" o JOIN customer c ON c.id = o.customer_id"
    sql += f" WHERE c.email ILIKE '%{term}%'"
    if status != "all":
        sql += f" AND o.status = '{status}'"
    return sql + " ORDER BY o.created_at DESC LIMIT 100"


def order_search_stmt(term: str):
    return text(
        "SELECT o.id, c.email, o.total_cents, o.status FROM \"order\" o JOIN customer c ON c.id = o.customer_id "
        "WHERE c.email ILIKE :term ORDER BY o.created_at DESC LIMIT 100"
    ).bindparams(term=f"%{term}%")
