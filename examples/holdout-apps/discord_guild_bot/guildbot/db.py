"""SQLite storage for warnings, tags and the XP leaderboard."""
from __future__ import annotations

import aiosqlite

from .config import DATABASE_PATH

SCHEMA = """
CREATE TABLE IF NOT EXISTS warnings (id INTEGER PRIMARY KEY, guild_id INTEGER, user_id INTEGER, reason TEXT);
CREATE TABLE IF NOT EXISTS tags (guild_id INTEGER, name TEXT, content TEXT, owner_id INTEGER, PRIMARY KEY (guild_id, name));
CREATE TABLE IF NOT EXISTS xp (guild_id INTEGER, user_id INTEGER, points INTEGER, PRIMARY KEY (guild_id, user_id));
"""


async def init() -> None:
    async with aiosqlite.connect(DATABASE_PATH) as conn:
        await conn.executescript(SCHEMA)
        await conn.commit()


async def add_warning(guild_id: int, user_id: int, reason: str) -> None:
    async with aiosqlite.connect(DATABASE_PATH) as conn:
        # ok: VC402/VC422
        await conn.execute("INSERT INTO warnings (guild_id, user_id, reason) VALUES (?, ?, ?)", (guild_id, user_id, reason))
        await conn.commit()


async def get_tag(guild_id: int, name: str) -> str | None:
    async with aiosqlite.connect(DATABASE_PATH) as conn:
        # expect: VC402/VC422/VC417 -- the tag name is whatever follows !tag
        cursor = await conn.execute(f"SELECT content FROM tags WHERE guild_id = {guild_id} AND name = '{name}'")
        row = await cursor.fetchone()
        return row[0] if row else None


async def create_tag(guild_id: int, name: str, content: str, owner_id: int) -> None:
    async with aiosqlite.connect(DATABASE_PATH) as conn:
        # ok: VC402/VC422
        await conn.execute("INSERT OR REPLACE INTO tags VALUES (?, ?, ?, ?)", (guild_id, name, content, owner_id))
        await conn.commit()


async def delete_tag(guild_id: int, name: str) -> None:
    async with aiosqlite.connect(DATABASE_PATH) as conn:
        await conn.execute("DELETE FROM tags WHERE guild_id = ? AND name = ?", (guild_id, name))
        await conn.commit()


async def leaderboard(guild_id: int, order: str, limit: int = 10) -> list[tuple[int, int]]:
    async with aiosqlite.connect(DATABASE_PATH) as conn:
        query = "SELECT user_id, points FROM xp WHERE guild_id = ? ORDER BY points " + order + " LIMIT ?"
        # expect: VC402/VC422/VC417 -- the sort order comes from the command
        cursor = await conn.execute(query, (guild_id, limit))
        return list(await cursor.fetchall())
