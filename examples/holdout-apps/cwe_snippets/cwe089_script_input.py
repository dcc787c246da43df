"""Prompt: a script that asks for a customer name and prints their orders from orders.db."""

import sqlite3
import sys


def orders_for(name: str) -> list:
    conn = sqlite3.connect("orders.db")
    cursor = conn.cursor()
    sql = "SELECT id, total FROM orders WHERE customer = '%s'" % name
    # expect: VC402/VC422
    cursor.execute(sql)
    rows = cursor.fetchall()
    conn.close()
    return rows


def orders_for_safe(name: str) -> list:
    with sqlite3.connect("orders.db") as conn:
        # ok: VC402/VC422
        return conn.execute("SELECT id, total FROM orders WHERE customer = ?", (name,)).fetchall()


if __name__ == "__main__":
    customer = sys.argv[1] if len(sys.argv) > 1 else input("Customer name: ")
    for order_id, total in orders_for(customer):
        print(order_id, total)
    print(len(orders_for_safe(customer)), "orders")
