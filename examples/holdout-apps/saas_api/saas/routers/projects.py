from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
# expect: VC504
from sqlalchemy import text
from sqlmodel import select

from ..deps import AdminUser, CurrentUser, SessionDep, get_current_user, get_org_project
from ..models import Project, ProjectCreate, ProjectRead, ProjectUpdate

router = APIRouter(prefix="/projects", tags=["projects"], dependencies=[Depends(get_current_user)])


@router.get("/", response_model=list[ProjectRead])
def list_projects(
    session: SessionDep,
    user: CurrentUser,
    offset: int = 0,
    limit: Annotated[int, Query(le=100)] = 50,
):
    # ok: VC428 -- `Query(le=100)` caps the page
    statement = select(Project).where(Project.org_id == user.org_id).offset(offset).limit(limit)
    return session.exec(statement).all()


@router.post("/", response_model=ProjectRead, status_code=201)
def create_project(body: ProjectCreate, session: SessionDep, user: CurrentUser):
    # ok: VC215
    project = Project.model_validate(body, update={"org_id": user.org_id})
    session.add(project)
    session.commit()
    session.refresh(project)
    return project


@router.get("/{project_id}", response_model=ProjectRead)
def read_project(project_id: int, session: SessionDep, user: CurrentUser):
    # expect: VC214
    project = session.get(Project, project_id)
    if not project:
        raise HTTPException(status_code=404, detail="Project not found")
    return project


@router.patch("/{project_id}", response_model=ProjectRead)
def update_project(project_id: int, body: ProjectUpdate, session: SessionDep, user: CurrentUser):
    # ok: VC214
    project = session.exec(select(Project).where(Project.id == project_id, Project.org_id == user.org_id)).first()
    if not project:
        raise HTTPException(status_code=404, detail="Project not found")
    data = body.model_dump(exclude_unset=True)
    # ok: VC215
    project.sqlmodel_update(data)
    session.add(project)
    session.commit()
    session.refresh(project)
    return project


@router.put("/{project_id}/settings", response_model=ProjectRead)
async def replace_settings(project_id: int, request: Request, session: SessionDep, user: CurrentUser):
    project = get_org_project(session, user, project_id)
    payload = await request.json()
    # expect: VC215
    project.sqlmodel_update(payload)
    session.add(project)
    session.commit()
    return project


@router.post("/{project_id}/archive")
def archive_project(project_id: int, session: SessionDep, user: CurrentUser):
    # ok: VC214
    project = get_org_project(session, user, project_id)
    project.archived = True
    session.commit()
    return {"archived": True}


@router.delete("/{project_id}", status_code=204)
def delete_project(project_id: int, session: SessionDep, admin: AdminUser):
    # ok: VC214
    project = session.get(Project, project_id)
    # ok: VC207
    if project is None or project.org_id != admin.org_id:
        raise HTTPException(status_code=404, detail="Project not found")
    session.delete(project)
    session.commit()


@router.get("/search/by-name")
def search_projects(q: str, session: SessionDep, user: CurrentUser):
    # expect: VC402/VC422
    rows = session.execute(text(f"SELECT id, name FROM project WHERE org_id = {user.org_id} AND name LIKE '%{q}%'"))
    return [dict(row._mapping) for row in rows]


@router.get("/search/by-description")
def search_descriptions(q: str, session: SessionDep, user: CurrentUser):
    # ok: VC402
    statement = text("SELECT id, name FROM project WHERE org_id = :org AND description LIKE :q")
    rows = session.execute(statement, {"org": user.org_id, "q": f"%{q}%"})
    return [dict(row._mapping) for row in rows]
