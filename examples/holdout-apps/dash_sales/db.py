"""SQLite access for the sales dashboard."""
import sqlite3
from contextlib import closing

import pandas as pd

DB_PATH = "sales.db"


def get_conn() -> sqlite3.Connection:
    return sqlite3.connect(DB_PATH, check_same_thread=False)


def run_query(sql: str, params: tuple = ()) -> pd.DataFrame:
    with closing(get_conn()) as conn:
        # expect: VC417 -- the model's SQL (`answer_question`) and the region filter (`sales_for_region`) run here
        return pd.read_sql_query(sql, conn, params=params)


def import_sales(df: pd.DataFrame, table: str = "sales") -> int:
    with closing(get_conn()) as conn:
        df.to_sql(table, conn, if_exists="append", index=False)
    return len(df)


def sales_for_region(region: str, min_amount: float) -> pd.DataFrame:
    query = f"SELECT * FROM sales WHERE region = '{region}' AND amount >= {min_amount} ORDER BY sold_at DESC"
    return run_query(query)


def sales_since(day: str) -> pd.DataFrame:
    # ok: VC402/VC422 -- bound parameter
    return run_query("SELECT * FROM sales WHERE sold_at >= ? ORDER BY sold_at", (day,))


def top_products(limit: int = 10) -> pd.DataFrame:
    # ok: VC402 -- the limit is an int() of the caller's value
    return run_query(f"SELECT product, SUM(amount) AS total FROM sales GROUP BY product ORDER BY total DESC LIMIT {int(limit)}")


def delete_region(region: str) -> None:
    with closing(get_conn()) as conn:
        # expect: VC402/VC422/VC417 -- string concatenation into a DELETE
        conn.execute("DELETE FROM sales WHERE region = '" + region + "'")
        conn.commit()
