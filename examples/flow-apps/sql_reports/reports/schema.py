from reports.db import get_connection

ARCHIVE_TABLE = "archive"


class Tables:
    @staticmethod
    def create_sql(table_name: str) -> str:
        return f"CREATE TABLE IF NOT EXISTS {table_name} (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"


def truncate_sql(table_name: str) -> str:
    return f"DELETE FROM {table_name}"


def create_tables() -> None:
    with get_connection() as conn:
        # ok: VC417 -- the helper is given a literal table name here
        conn.execute(Tables.create_sql("documents"))
        # ok: VC417 -- and an UPPER_CASE constant here
        conn.execute(Tables.create_sql(ARCHIVE_TABLE))


def clear(table: str) -> None:
    with get_connection() as conn:
        statement = truncate_sql("documents")
        # ok: VC417 -- a literal name, bound to a local first
        conn.execute(statement)
        # expect: VC417 -- whatever name the caller hands in is pasted into the statement
        conn.execute(truncate_sql(table))
