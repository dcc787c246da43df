import os

import asyncpg

_pool: asyncpg.Pool | None = None


async def pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(os.environ["DATABASE_URL"])
    return _pool


async def fetch_all(sql: str, *args) -> list[dict]:
    p = await pool()
    return [dict(r) for r in await p.fetch(sql, *args)]


async def fetch_one(sql: str, *args) -> dict | None:
    p = await pool()
    row = await p.fetchrow(sql, *args)
    return dict(row) if row else None


async def execute(sql: str, *args) -> None:
    p = await pool()
    await p.execute(sql, *args)
