"""High scores in SQLite."""
from __future__ import annotations

import aiosqlite

DB_PATH = "scores.sqlite3"


async def record(name: str, score: int) -> None:
    async with aiosqlite.connect(DB_PATH) as db:
        # expect: VC402/VC422 -- the player name is chosen by the client
        await db.execute(f"INSERT INTO scores (name, score) VALUES ('{name}', {score})")
        await db.commit()


async def best(limit: int = 10) -> list[tuple[str, int]]:
    async with aiosqlite.connect(DB_PATH) as db:
        # ok: VC402/VC422
        cursor = await db.execute("SELECT name, score FROM scores ORDER BY score DESC LIMIT ?", (limit,))
        return list(await cursor.fetchall())


async def history(name: str) -> list[tuple[str, int]]:
    async with aiosqlite.connect(DB_PATH) as db:
        # ok: VC402/VC422
        cursor = await db.execute("SELECT name, score FROM scores WHERE name = ?", (name,))
        return list(await cursor.fetchall())
