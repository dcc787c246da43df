import sqlite3

DB_PATH = "analytics.db"


def get_conn() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def run_query(sql: str) -> list[dict]:
    conn = get_conn()
    try:
        cur = conn.cursor()
        # expect: VC401/VC417 -- the model's SQL from `sql_tool`, reported where it runs
        cur.execute(sql)
        return [dict(r) for r in cur.fetchall()]
    finally:
        conn.close()


def product_by_name(name: str) -> list[dict]:
    conn = get_conn()
    try:
        # ok: VC402 -- parameterised
        cur = conn.execute("SELECT * FROM products WHERE name = ?", (name,))
        return [dict(r) for r in cur.fetchall()]
    finally:
        conn.close()
