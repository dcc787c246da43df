from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import crud
from ..deps import get_current_tenant, get_current_user, get_user_tenant, require_role
from ..models import Project, Tenant, User, get_db
from ..schemas import ProjectCreate, ProjectRename

router = APIRouter(prefix="/projects", tags=["projects"], dependencies=[Depends(get_current_user)])


@router.get("/")
def list_projects(tenant: Tenant = Depends(get_current_tenant), db: Session = Depends(get_db)):
    return db.scalars(select(Project).where(Project.tenant_id == tenant.id)).all()


@router.post("/")
def create_project(body: ProjectCreate, tenant: Tenant = Depends(get_user_tenant), db: Session = Depends(get_db)):
    return crud.save(db, Project(name=body.name, tenant_id=tenant.id))


@router.get("/{project_id}")
def get_project(project_id: int, db: Session = Depends(get_db)):
    # expect: VC214
    project = db.get(Project, project_id)
    if project is None:
        raise HTTPException(status_code=404)
    return project


@router.get("/{project_id}/summary")
def project_summary(project_id: int, tenant: Tenant = Depends(get_user_tenant), db: Session = Depends(get_db)):
    project = db.scalar(select(Project).where(Project.id == project_id, Project.tenant_id == tenant.id))
    if project is None:
        raise HTTPException(status_code=404)
    return {"name": project.name, "status": project.status}


@router.patch("/{project_id}")
def update_project(project_id: int, changes: dict, tenant: Tenant = Depends(get_user_tenant),
                   db: Session = Depends(get_db)):
    project = db.scalar(select(Project).where(Project.id == project_id, Project.tenant_id == tenant.id))
    if project is None:
        raise HTTPException(status_code=404)
    # expect: VC215
    crud.apply_changes(project, changes)
    return crud.save(db, project)


@router.put("/{project_id}/name")
def rename_project(project_id: int, body: ProjectRename, tenant: Tenant = Depends(get_user_tenant),
                   db: Session = Depends(get_db)):
    project = db.scalar(select(Project).where(Project.id == project_id, Project.tenant_id == tenant.id))
    if project is None:
        raise HTTPException(status_code=404)
    crud.apply_changes(project, body.model_dump(exclude_unset=True))
    return crud.save(db, project)


@router.delete("/{project_id}")
def archive_project(project_id: int, user: User = Depends(require_role("admin", "owner")),
                    db: Session = Depends(get_db)):
    project = db.scalar(select(Project).where(Project.id == project_id, Project.tenant_id == user.tenant_id))
    if project is None:
        raise HTTPException(status_code=404)
    project.archived = True
    db.commit()
    return {"archived": project.id}
