"""SQLite access for the shop overview."""

import sqlite3

DB_PATH = "shop.db"

SCHEMA = """
CREATE TABLE IF NOT EXISTS merchants (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT UNIQUE, name TEXT, password TEXT);
CREATE TABLE IF NOT EXISTS wares (id INTEGER PRIMARY KEY AUTOINCREMENT, merchant_id INTEGER, name TEXT,
                                  description TEXT, price REAL);
"""


def connect() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    conn.executescript(SCHEMA)
    return conn


def create_merchant(email: str, name: str, password: str) -> None:
    with connect() as conn:
        # expect: VC410
        conn.execute("INSERT INTO merchants (email, name, password) VALUES (?, ?, ?)", (email, name, password))


def find_merchant(email: str):
    with connect() as conn:
        return conn.execute("SELECT * FROM merchants WHERE email = ?", (email,)).fetchone()


def add_wares(merchant_id: int, wares: list[tuple[str, str, float]]) -> None:
    with connect() as conn:
        conn.executemany(
            "INSERT INTO wares (merchant_id, name, description, price) VALUES (?, ?, ?, ?)",
            [(merchant_id, *ware) for ware in wares],
        )


def wares_between(min_price, max_price):
    query = "SELECT w.name, w.description, w.price, m.email FROM wares w JOIN merchants m ON m.id = w.merchant_id WHERE 1=1"
    if min_price:
        query += f" AND w.price >= {min_price}"
    if max_price:
        query += f" AND w.price <= {max_price}"
    with connect() as conn:
        # expect: VC402/VC417
        return conn.execute(query).fetchall()


def wares_between_v2(min_price: float | None, max_price: float | None):
    clauses, params = [], []
    if min_price is not None:
        clauses.append("w.price >= ?")
        params.append(min_price)
    if max_price is not None:
        clauses.append("w.price <= ?")
        params.append(max_price)
    where = " AND ".join(clauses) or "1=1"
    with connect() as conn:
        return conn.execute(
            # ok: VC402
            f"SELECT w.name, w.description, w.price, m.email FROM wares w JOIN merchants m ON m.id = w.merchant_id WHERE {where}",
            params,
        ).fetchall()


def delete_ware(ware_id: int) -> None:
    with connect() as conn:
        conn.execute("DELETE FROM wares WHERE id = ?", (ware_id,))


def delete_own_ware(ware_id: int, merchant_id: int) -> int:
    with connect() as conn:
        return conn.execute("DELETE FROM wares WHERE id = ? AND merchant_id = ?", (ware_id, merchant_id)).rowcount
