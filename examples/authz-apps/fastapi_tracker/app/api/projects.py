from pathlib import Path
from typing import Any

from fastapi import APIRouter, BackgroundTasks, Body, Depends, HTTPException
from fastapi.responses import FileResponse
from sqlalchemy import select

from ..config import settings
from ..crud import count_projects, search_projects
from ..deps import DB, Admin, Me, require_cron, unverified_role
from ..models import Project
from ..notify import send_webhook

router = APIRouter(prefix="/api/projects", tags=["projects"])


@router.get("/{project_id}")
def get_project(project_id: int, db: DB, me: Me):
    # expect: VC214
    project = db.scalar(select(Project).where(Project.id == project_id))
    if project is None:
        raise HTTPException(404)
    return {"id": project.id, "name": project.name}


@router.get("/{project_id}/mine")
def get_my_project(project_id: int, db: DB, me: Me):
    project = db.scalar(select(Project).where(Project.id == project_id, Project.owner_id == me.id))
    if project is None:
        raise HTTPException(404)
    return {"id": project.id, "name": project.name}


@router.patch("/{project_id}")
def patch_project(project_id: int, db: DB, me: Me, payload: dict[str, Any] = Body(...)):
    project = db.get(Project, project_id)
    if project is None or project.owner_id != me.id:
        raise HTTPException(404)
    for field, value in payload.items():
        # expect: VC215
        setattr(project, field, value)
    db.commit()
    return {"ok": True}


@router.get("/")
def search(q: str, db: DB, me: Me, sort: str = "name"):
    return [dict(r._mapping) for r in search_projects(db, me.id, q, sort)]


@router.get("/stats/count")
def stats(db: DB, me: Me):
    return {"count": count_projects(db, me.id)}


@router.post("/{project_id}/ping")
def ping_webhook(project_id: int, db: DB, me: Me, tasks: BackgroundTasks, url: str = Body(embed=True)):
    project = db.get(Project, project_id)
    if project is None or project.owner_id != me.id:
        raise HTTPException(404)
    tasks.add_task(send_webhook, url, {"project": project.id})
    return {"queued": True}


@router.get("/exports/{filename}")
def download_export(filename: str, me: Me):
    path = Path(settings.export_dir) / filename
    return FileResponse(path)


# expect: VC201
@router.post("/{project_id}/archive")
def archive_project(project_id: int, db: DB):
    project = db.get(Project, project_id)
    project.archived = True
    db.commit()
    return {"archived": True}


@router.delete("/{project_id}", dependencies=[Depends(require_cron)])
def purge_project(project_id: int, db: DB):
    db.delete(db.get(Project, project_id))
    db.commit()


@router.post("/{project_id}/transfer")
def transfer(project_id: int, new_owner: int, db: DB, admin: Admin):
    project = db.get(Project, project_id)
    project.owner_id = new_owner
    db.commit()
    return {"ok": True}


@router.get("/debug/role")
def whoami(role: str = Depends(unverified_role)):
    if role == "admin":
        return {"admin": True}
    return {"admin": False}
