import os

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

engine = create_async_engine(os.environ.get("DATABASE_URL", "sqlite+aiosqlite:///notes.db"))
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)


async def count_words(session: AsyncSession, owner_id: int, word: str) -> int:
    # expect: VC402/VC417
    result = await session.execute(text(f"SELECT COUNT(*) FROM notes WHERE owner_id = {owner_id} AND body LIKE '%{word}%'"))
    return result.scalar_one()


async def count_titles(session: AsyncSession, owner_id: int, word: str) -> int:
    # ok: VC402
    result = await session.execute(text("SELECT COUNT(*) FROM notes WHERE owner_id = :o AND title LIKE :w"),
                                   {"o": owner_id, "w": f"%{word}%"})
    return result.scalar_one()
