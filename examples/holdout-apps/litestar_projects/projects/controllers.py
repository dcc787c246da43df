from typing import Any
from urllib.parse import urlparse

import httpx
from litestar import Controller, Request, delete, get, post
from litestar.di import Provide
from litestar.exceptions import NotFoundException, ValidationException
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from . import repo
from .config import settings
from .db import Project, provide_session
from .guards import admin_guard, can_manage_members, requires_login


class ProjectController(Controller):
    path = "/projects"
    guards = [requires_login]
    dependencies = {"session": Provide(provide_session)}

    @get("/")
    async def list_projects(self, request: Request, session: AsyncSession) -> list[dict]:
        projects = await repo.projects_for(session, request.user["sub"])
        return [{"id": p.id, "name": p.name} for p in projects]

    @get("/{project_id:int}")
    async def get_project(self, project_id: int, session: AsyncSession) -> dict:
        # expect: VC214
        project = await session.get(Project, project_id)
        if project is None:
            raise NotFoundException()
        return {"id": project.id, "name": project.name, "owner": project.owner_id}

    @post("/{project_id:int}/archive")
    async def archive(self, request: Request, project_id: int, session: AsyncSession) -> dict:
        # ok: VC214
        project = await repo.owned_project(session, project_id, request.user["sub"])
        if project is None:
            raise NotFoundException()
        project.archived = True
        await session.commit()
        return {"archived": project_id}

    @get("/search")
    async def search(self, request: Request, session: AsyncSession, field: str = "name", q: str = "") -> list[dict]:
        rows = await repo.search_projects(session, request.user["sub"], field, q)
        return [dict(r) for r in rows]

    @get("/stats")
    async def stats(self, session: AsyncSession, period: str = "30 days") -> dict:
        # expect: VC422
        result = await session.execute(text(f"SELECT count(*) FROM projects WHERE created_at > now() - interval '{period}'"))
        return {"created": result.scalar_one()}

    @delete("/{project_id:int}", guards=[admin_guard])
    async def delete_project(self, project_id: int, session: AsyncSession) -> None:
        # ok: VC214
        await session.execute(text("DELETE FROM projects WHERE id = :id"), {"id": project_id})
        await session.commit()

    @post("/{project_id:int}/members", guards=[can_manage_members])
    async def add_member(self, project_id: int, data: dict[str, Any], session: AsyncSession) -> dict:
        await session.execute(text("INSERT INTO members (project_id, user_id) VALUES (:p, :u)"),
                              {"p": project_id, "u": data["user_id"]})
        await session.commit()
        return {"added": data["user_id"]}


class PreviewController(Controller):
    path = "/preview"
    guards = [requires_login]

    @post("/")
    async def preview(self, data: dict[str, str]) -> dict:
        async with httpx.AsyncClient(timeout=10) as client:
            # expect: VC405
            page = await client.get(data["url"])
        # expect: VC107
        return {"title": page.text[:200]}

    @post("/safe")
    async def preview_safe(self, data: dict[str, str]) -> dict:
        url = data["url"]
        if urlparse(url).hostname not in settings.preview_hosts:
            raise ValidationException("host not allowed")
        async with httpx.AsyncClient(timeout=10) as client:
            # ok: VC405
            page = await client.get(url)
        # expect: VC107
        return {"title": page.text[:200]}


class AdminController(Controller):
    path = "/admin"
    dependencies = {"session": Provide(provide_session)}

    # expect: VC201
    @post("/users/{user_id:int}/promote")
    async def promote(self, user_id: int, session: AsyncSession) -> dict:
        await session.execute(text("UPDATE users SET role = 'admin' WHERE id = :id"), {"id": user_id})
        await session.commit()
        return {"promoted": user_id}

    @get("/audit", guards=[admin_guard])
    async def audit(self, session: AsyncSession) -> list[dict]:
        result = await session.execute(text("SELECT * FROM audit_log ORDER BY at DESC LIMIT 100"))
        return [dict(r) for r in result.mappings()]
