"""Small helpers around psycopg2 used by the pipelines."""

import psycopg2
from psycopg2 import sql


def connect(url: str):
    conn = psycopg2.connect(url)
    conn.autocommit = True
    return conn


def upsert(cur, table: str, row: dict) -> None:
    columns = ", ".join(row)
    values = ", ".join(f"'{value}'" for value in row.values())
    # expect: VC402
    cur.execute(f"INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT (sku) DO NOTHING")


def upsert_safe(cur, table: str, row: dict) -> None:
    statement = sql.SQL("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT (sku) DO NOTHING").format(
        sql.Identifier(table),
        sql.SQL(", ").join(map(sql.Identifier, row)),
        sql.SQL(", ").join(sql.Placeholder() * len(row)),
    )
    # ok: VC402
    cur.execute(statement, list(row.values()))


def delete_stale(cur, category: str, days: int = 30) -> int:
    query = "DELETE FROM products WHERE category = '%s' AND seen_at < now() - interval '%d days'" % (category, days)
    # expect: VC402
    cur.execute(query)
    return cur.rowcount
