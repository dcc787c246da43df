"""Page storage in SQLite (aiosqlite)."""

from __future__ import annotations

import json

import aiosqlite

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    status INTEGER,
    title TEXT,
    links TEXT,
    fetched_at TEXT DEFAULT CURRENT_TIMESTAMP
)
"""


class PageStore:
    def __init__(self, path: str) -> None:
        self.path = path
        self.db: aiosqlite.Connection | None = None

    async def open(self) -> None:
        self.db = await aiosqlite.connect(self.path)
        await self.db.execute(SCHEMA)
        await self.db.commit()

    async def save(self, url: str, status: int, title: str, links: list[str]) -> None:
        assert self.db is not None
        # ok: VC402
        await self.db.execute(
            "INSERT OR REPLACE INTO pages (url, status, title, links) VALUES (?, ?, ?, ?)",
            (url, status, title, json.dumps(links)),
        )
        await self.db.commit()

    async def seen(self, url: str) -> bool:
        assert self.db is not None
        # expect: VC402
        cur = await self.db.execute(f"SELECT 1 FROM pages WHERE url = '{url}'")
        return await cur.fetchone() is not None

    async def search_titles(self, term: str) -> list[str]:
        assert self.db is not None
        # ok: VC402
        cur = await self.db.execute("SELECT url FROM pages WHERE title LIKE ?", (f"%{term}%",))
        return [row[0] for row in await cur.fetchall()]

    async def close(self) -> None:
        if self.db is not None:
            await self.db.close()
