import sqlite3

import pandas as pd
from sqlalchemy import create_engine, text

DB_PATH = "reports.db"
engine = create_engine(f"sqlite:///{DB_PATH}")


def get_connection() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def run_query(sql: str, params: tuple = ()) -> list:
    conn = get_connection()
    try:
        cursor = conn.cursor()
        # expect: VC417
        cursor.execute(sql, params)
        return cursor.fetchall()
    finally:
        conn.close()


def fetch_one(query: str):
    with get_connection() as conn:
        # expect: VC417
        return conn.execute(query).fetchone()


def dataframe(query: str) -> pd.DataFrame:
    with engine.connect() as connection:
        # expect: VC417
        return pd.read_sql(text(query), connection)


def scalar(statement: str):
    with engine.connect() as connection:
        # expect: VC417
        return connection.execute(text(statement)).scalar()


class Repository:
    def __init__(self, table: str) -> None:
        self.table = table
        self.conn = get_connection()

    def _execute(self, sql: str, values: tuple = ()):
        # expect: VC417
        return self.conn.execute(sql, values).fetchall()

    def find_by_owner(self, owner: str) -> list:
        return self._execute(f"SELECT * FROM documents WHERE owner = '{owner}'")

    def _run(self, sql: str, values: tuple = ()):
        # ok: VC417 -- every caller passes constant SQL with placeholders
        return self.conn.execute(sql, values).fetchall()

    def find_by_title(self, title: str) -> list:
        return self._run("SELECT * FROM documents WHERE title = ?", (title,))

    def archived(self) -> list:
        return self._run("SELECT * FROM documents WHERE archived = 1")


def run_safe(sql: str, params: tuple = ()) -> list:
    with get_connection() as conn:
        # ok: VC417 -- constant text and placeholders only
        return conn.execute(sql, params).fetchall()


def run_constant(sql: str) -> list:
    with get_connection() as conn:
        # ok: VC417 -- built from UPPER_CASE constants only
        return conn.execute(sql).fetchall()


def run_in(sql: str, ids: list) -> list:
    with get_connection() as conn:
        # ok: VC417 -- the built part is only `?` placeholders
        return conn.execute(sql, ids).fetchall()


def count_rows(sql: str) -> int:
    with get_connection() as conn:
        # ok: VC417 -- the callers pass a literal query
        return conn.execute(sql).fetchone()[0]


def log_query(sql: str) -> None:
    # ok: VC417 -- printed, not executed
    print(f"running: {sql}")


def describe(table: str) -> list:
    with get_connection() as conn:
        # ok: VC417 -- a constant query; the name is a parameter of PRAGMA's table-valued function
        return conn.execute("SELECT name FROM pragma_table_info(?)", (table,)).fetchall()


def with_limit(sql: str, limit: int) -> list:
    with get_connection() as conn:
        # ok: VC417 -- the caller converts the number first
        return conn.execute(sql).fetchall()


class QueryBuilder:
    """Builds the text from its own column names and returns the values separately, as an ORM compiler does."""

    def __init__(self, table: str, columns: list) -> None:
        self.table = table
        self.columns = columns

    def as_sql(self, **filters) -> tuple:
        where = " AND ".join(f"{column} = ?" for column in filters)
        return f"SELECT {', '.join(self.columns)} FROM {self.table} WHERE {where}", tuple(filters.values())

    def fetch(self, **filters) -> list:
        sql, params = self.as_sql(**filters)
        with get_connection() as conn:
            # ok: VC417 -- the builder returns its values beside the text; the text holds only its own names
            return conn.execute(sql, params).fetchall()

    def fetch_text_only(self, **filters) -> list:
        sql, _ = self.as_sql(**filters)
        with get_connection() as conn:
            # expect: VC417 -- run without the values the builder returned beside it
            return conn.execute(sql).fetchall()
