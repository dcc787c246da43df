import aiosqlite

DB_PATH = "console.db"


class Store:
    _instance = None

    @classmethod
    def shared(cls) -> "Store":
        if cls._instance is None:
            cls._instance = cls(DB_PATH)
        return cls._instance

    def __init__(self, path: str):
        self.path = path

    async def fetch_one(self, sql: str, params: tuple = ()):
        async with aiosqlite.connect(self.path) as conn:
            conn.row_factory = aiosqlite.Row
            cursor = await conn.execute(sql, params)
            row = await cursor.fetchone()
            return dict(row) if row else None

    async def user_by_name(self, username: str):
        return await self.fetch_one("SELECT * FROM users WHERE username = ?", (username,))

    async def execute(self, sql: str, params: tuple = ()):
        async with aiosqlite.connect(self.path) as conn:
            await conn.execute(sql, params)
            await conn.commit()
