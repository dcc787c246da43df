from reports import db
from reports.db import Repository, count_rows, dataframe, fetch_one, log_query, run_constant, run_in, run_query, run_safe

ORDERS_TABLE = "orders"
STATUS_FILTER = "status = 'paid'"


def build_customer_filter(name: str, country: str) -> str:
    return f"SELECT * FROM customers WHERE name = '{name}' AND country = '{country}'"


def customers(name: str, country: str) -> list:
    return run_query(build_customer_filter(name, country))


def order(order_id: str):
    return fetch_one("SELECT * FROM orders WHERE id = " + order_id)


def monthly(month: str):
    sql = "SELECT day, SUM(total) FROM orders WHERE month = '%s' GROUP BY day" % month
    return dataframe(sql)


def total_for(customer: str):
    return db.scalar("SELECT SUM(total) FROM orders WHERE customer = '{}'".format(customer))


def documents(owner: str) -> list:
    return Repository("documents").find_by_owner(owner)


def paid_orders() -> list:
    log_query(f"SELECT * FROM {ORDERS_TABLE}")
    return run_constant(f"SELECT * FROM {ORDERS_TABLE} WHERE {STATUS_FILTER}")


def orders_by_ids(ids: list) -> list:
    placeholders = ", ".join("?" for _ in ids)
    return run_in(f"SELECT * FROM orders WHERE id IN ({placeholders})", ids)


def customer_safe(name: str) -> list:
    return run_safe("SELECT * FROM customers WHERE name = ?", (name,))


def how_many() -> int:
    return count_rows("SELECT COUNT(*) FROM orders")


def recent(limit: str) -> list:
    return db.with_limit(f"SELECT * FROM orders ORDER BY created DESC LIMIT {int(limit)}", int(limit))
