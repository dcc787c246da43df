"""SQLite store of customers, invoices and line items."""

import sqlite3
from decimal import Decimal
from pathlib import Path

DB_PATH = Path.home() / ".drafter" / "invoices.db"


def connect() -> sqlite3.Connection:
    DB_PATH.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def find_customer(name: str) -> dict | None:
    with connect() as conn:
        # ok: VC401/VC402
        row = conn.execute("SELECT id, name, email, vat_id FROM customers WHERE name LIKE ?", (f"%{name}%",)).fetchone()
    return dict(row) if row else None


def invoice_total(invoice_id: int) -> Decimal:
    with connect() as conn:
        rows = conn.execute("SELECT quantity, unit_price FROM line_items WHERE invoice_id = ?", (invoice_id,)).fetchall()
    return sum((Decimal(r["quantity"]) * Decimal(r["unit_price"]) for r in rows), Decimal("0"))


# expect: VC501
def void_invoice(invoice_id: int) -> None:
    pass
