"""SQLite access for the helpdesk (aiosqlite)."""

from __future__ import annotations

import os

import aiosqlite

DB_PATH = os.environ.get("HELPDESK_DB", "helpdesk.sqlite3")


async def connect() -> aiosqlite.Connection:
    conn = await aiosqlite.connect(DB_PATH)
    conn.row_factory = aiosqlite.Row
    return conn


async def get_ticket(conn: aiosqlite.Connection, ticket_id: int) -> dict | None:
    cur = await conn.execute("SELECT * FROM tickets WHERE id = ?", (ticket_id,))
    row = await cur.fetchone()
    return dict(row) if row else None


async def get_ticket_for_user(conn: aiosqlite.Connection, ticket_id: int, user_id: int) -> dict | None:
    cur = await conn.execute(
        "SELECT * FROM tickets WHERE id = ? AND requester_id = ?", (ticket_id, user_id)
    )
    row = await cur.fetchone()
    return dict(row) if row else None


async def list_tickets(conn: aiosqlite.Connection, status: str, sort: str) -> list[dict]:
    query = f"SELECT id, subject, status, created_at FROM tickets WHERE status = '{status}' ORDER BY {sort}"
    # expect: VC402/VC417
    cur = await conn.execute(query)
    return [dict(r) for r in await cur.fetchall()]


SORTABLE = {"created": "created_at", "subject": "subject", "status": "status"}


async def list_my_tickets(conn: aiosqlite.Connection, user_id: int, sort: str) -> list[dict]:
    column = SORTABLE.get(sort, "created_at")
    # ok: VC402
    cur = await conn.execute(
        f"SELECT id, subject, status FROM tickets WHERE requester_id = ? ORDER BY {column}", (user_id,)
    )
    return [dict(r) for r in await cur.fetchall()]


async def save_summary(conn: aiosqlite.Connection, ticket_id: int, summary: str, priority: str) -> None:
    # ok: VC402
    await conn.execute(
        "UPDATE tickets SET summary = ?, priority = ? WHERE id = ?", (summary, priority, ticket_id)
    )
    await conn.commit()


async def tag_ticket(conn: aiosqlite.Connection, ticket_id: int, tags: list[str]) -> None:
    joined = ",".join(tags)
    # expect: VC401/VC402/VC417
    await conn.execute(f"UPDATE tickets SET tags = '{joined}' WHERE id = {ticket_id}")
    await conn.commit()
