"""Postgres access (psycopg 3)."""

import os

import psycopg
from psycopg.rows import dict_row

DSN = os.environ.get("VAULT_DSN", "postgresql://vault@localhost/vault")


def conn() -> psycopg.Connection:
    return psycopg.connect(DSN, row_factory=dict_row, autocommit=True)


def is_member(user_id: int, workspace_id: int) -> bool:
    with conn() as c:
        row = c.execute(
            "SELECT 1 FROM workspace_members WHERE user_id = %s AND workspace_id = %s", (user_id, workspace_id)
        ).fetchone()
    return row is not None


def member_role(user_id: int, workspace_id: int) -> str | None:
    with conn() as c:
        row = c.execute(
            "SELECT role FROM workspace_members WHERE user_id = %s AND workspace_id = %s", (user_id, workspace_id)
        ).fetchone()
    return row["role"] if row else None


def insert_file(workspace_id: int, key: str, filename: str, owner_id: int) -> int:
    with conn() as c:
        row = c.execute(
            "INSERT INTO files (workspace_id, s3_key, filename, owner_id) VALUES (%s, %s, %s, %s) RETURNING id",
            (workspace_id, key, filename, owner_id),
        ).fetchone()
    return row["id"]


def get_file(file_id: int) -> dict | None:
    with conn() as c:
        return c.execute("SELECT * FROM files WHERE id = %s", (file_id,)).fetchone()


def get_workspace_file(workspace_id: int, file_id: int) -> dict | None:
    with conn() as c:
        return c.execute(
            "SELECT * FROM files WHERE id = %s AND workspace_id = %s", (file_id, workspace_id)
        ).fetchone()


def list_files(workspace_id: int, name_filter: str) -> list[dict]:
    query = "SELECT id, filename, size FROM files WHERE workspace_id = %s" % workspace_id
    if name_filter:
        query += " AND filename ILIKE '%%" + name_filter + "%%'"
    with conn() as c:
        # expect: VC402/VC422
        return c.execute(query).fetchall()


def delete_file(file_id: int) -> None:
    with conn() as c:
        c.execute("DELETE FROM files WHERE id = %s", (file_id,))
