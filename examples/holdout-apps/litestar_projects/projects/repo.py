from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from .db import Project


async def search_projects(session: AsyncSession, owner_id: int, field: str, term: str):
    stmt = "SELECT id, name FROM projects WHERE owner_id = :owner AND " + field + " ILIKE :term"
    # expect: VC417/VC422/VC402
    result = await session.execute(text(stmt), {"owner": owner_id, "term": f"%{term}%"})
    return result.mappings().all()


async def projects_for(session: AsyncSession, owner_id: int):
    # ok: VC402/VC422
    result = await session.execute(select(Project).where(Project.owner_id == owner_id))
    return result.scalars().all()


async def owned_project(session: AsyncSession, project_id: int, owner_id: int) -> Project | None:
    result = await session.execute(select(Project).where(Project.id == project_id, Project.owner_id == owner_id))
    return result.scalar_one_or_none()
