"""VC402 corpus: `%` templates whose pasted values are converted as numbers (`%d`, `%(id)d`, `%.2f`), beside ones
that paste a value as text (`%s`, `%(name)s`, `%c`, `%r`); parameters annotated as (optional) numbers."""
import sqlite3
from typing import Optional

TABLE = "comments"


def copy_rows(conn: sqlite3.Connection, ids: list[int]) -> None:
    for row_id in ids:
        sql = "INSERT INTO %(table)s (id, level) VALUES (%(id)d, 0)"
        # ok: VC402 -- the table is a constant and the id is written as digits
        conn.execute(sql % {"table": TABLE, "id": row_id})


def page(conn: sqlite3.Connection, limit, offset) -> None:
    # ok: VC402 -- both values are written as numbers or raise
    conn.execute("SELECT * FROM comments LIMIT %d OFFSET %d" % (limit, offset))


def above(conn: sqlite3.Connection, score) -> None:
    # ok: VC402 -- a float conversion writes a number; the literal percent sign pastes nothing
    conn.execute("SELECT * FROM comments WHERE score > %.2f AND body NOT LIKE '100%%'" % score)


def copy_named(conn: sqlite3.Connection, row_id, name) -> None:
    # expect: VC402 -- the name is pasted as text beside the number
    conn.execute("INSERT INTO comments (id, name) VALUES (%(id)d, '%(name)s')" % {"id": row_id, "name": name})


def filter_mixed(conn: sqlite3.Connection, limit, column) -> None:
    # expect: VC402 -- `%s` pastes the column as text
    conn.execute("SELECT * FROM comments ORDER BY %s LIMIT %d" % (column, limit))


def by_char(conn: sqlite3.Connection, code) -> None:
    # expect: VC402 -- `%c` writes a character, a quote among them
    conn.execute("SELECT * FROM comments WHERE flag = '%c'" % code)


def by_repr(conn: sqlite3.Connection, value) -> None:
    # expect: VC402 -- `%r` writes the value's text
    conn.execute("SELECT * FROM comments WHERE body = %r" % value)


def table_from_caller(conn: sqlite3.Connection, table, row_id) -> None:
    # expect: VC402 -- the table name is the caller's
    conn.execute("DELETE FROM %(table)s WHERE id = %(id)d" % {"table": table, "id": row_id})


def newest_keys(connection, table_key: str, limit: Optional[int] = None, offset: int | None = None):
    limit_expr = f"LIMIT {limit}" if limit else ""
    offset_expr = f"OFFSET {offset}" if offset else ""
    # ok: VC402 -- an optional number writes digits or None
    return connection.execute(f"SELECT key FROM responses ORDER BY created {limit_expr} {offset_expr}")


def newest_named(connection, limit: Optional[str] = None, size: int | str = 10):
    # expect: VC402 -- an optional text is text
    connection.execute(f"SELECT key FROM responses LIMIT {limit}")
    # expect: VC402 -- a union with text is text
    return connection.execute(f"SELECT key FROM responses LIMIT {size}")
