"""Build history kept in SQLite, shared by the MCP tools."""

import sqlite3

DB_PATH = "/srv/devtools/builds.db"


def _rows(statement: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(DB_PATH) as conn:
        # expect: VC401/VC402/VC417
        return conn.execute(statement, params).fetchall()


def builds_matching(where: str) -> list[tuple]:
    return _rows(f"SELECT id, branch, status FROM builds WHERE {where} ORDER BY id DESC LIMIT 20")


def find_builds(branch: str) -> list[tuple]:
    return builds_matching(f"branch = '{branch}'")


def build_by_id(build_id: int) -> list[tuple]:
    # ok: VC417/VC401
    return _rows("SELECT id, branch, status FROM builds WHERE id = ?", (build_id,))
