"""VC402 corpus: column names that are the keys of a dict kept by an allow-list, and keys nothing kept."""
import sqlite3

COLUMNS = {"name", "brand", "color"}


def insert_product(conn: sqlite3.Connection, record: dict) -> None:
    columns = {k: str(v) for k, v in record.items() if k in COLUMNS}
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    # ok: VC402 -- the keys are the allow-list's; the values are bound
    conn.execute(f"INSERT INTO products ({names}) VALUES ({marks})", list(columns.values()))


def update_product(conn: sqlite3.Connection, name: str, record: dict) -> None:
    changes = {key: value for key, value in record.items() if key in COLUMNS}
    # ok: VC402
    conn.execute(f"UPDATE products SET {', '.join(f'{key} = ?' for key in changes)} WHERE name = ?",
                 [*changes.values(), name])


def insert_anything(conn: sqlite3.Connection, record: dict) -> None:
    columns = {k: str(v) for k, v in record.items()}
    # expect: VC402 -- any key of the record becomes a column name
    conn.execute(f"INSERT INTO products ({', '.join(columns)}) VALUES (?)", list(columns.values()))
