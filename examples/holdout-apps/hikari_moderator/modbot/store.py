"""Postgres storage for infractions and blocked words."""
from __future__ import annotations

import asyncpg

from .settings import DATABASE_URL

_pool: asyncpg.Pool | None = None


async def pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(DATABASE_URL, min_size=1, max_size=5)
    return _pool


async def add_infraction(guild_id: int, user_id: int, kind: str, reason: str) -> None:
    p = await pool()
    # ok: VC402/VC422
    await p.execute("INSERT INTO infractions (guild_id, user_id, kind, reason) VALUES ($1, $2, $3, $4)",
                    guild_id, user_id, kind, reason)


async def infractions(guild_id: int, user_id: int) -> list[asyncpg.Record]:
    p = await pool()
    # ok: VC402/VC422
    return await p.fetch("SELECT kind, reason, created_at FROM infractions WHERE guild_id = $1 AND user_id = $2",
                         guild_id, user_id)


async def search_infractions(guild_id: int, text: str) -> list[asyncpg.Record]:
    p = await pool()
    # expect: VC402/VC422 -- the search text is the rest of the message
    return await p.fetch(f"SELECT user_id, reason FROM infractions WHERE guild_id = {guild_id} AND reason ILIKE '%{text}%'")


async def blocked_words(guild_id: int) -> list[str]:
    p = await pool()
    rows = await p.fetch("SELECT word FROM blocked_words WHERE guild_id = $1", guild_id)
    return [r["word"] for r in rows]


async def add_blocked_word(guild_id: int, word: str) -> None:
    p = await pool()
    await p.execute("INSERT INTO blocked_words (guild_id, word) VALUES ($1, $2) ON CONFLICT DO NOTHING", guild_id, word)
