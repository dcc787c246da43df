from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import services
from ..deps import get_current_user, get_user_tenant, require_platform_admin, require_tenant_admin
from ..models import Project, Tenant, User, get_db

router = APIRouter(prefix="/tenants", tags=["tenants"])


@router.get("/plans")
def list_plans():
    return [{"name": "free", "seats": 3}, {"name": "team", "seats": 25}]


# expect: VC219
@router.get("/{tenant_id}/members")
def list_members(tenant_id: int, db: Session = Depends(get_db)):
    users = db.scalars(select(User).where(User.tenant_id == tenant_id)).all()
    return [{"id": u.id, "email": u.email, "role": u.role} for u in users]


@router.get("/mine/members")
def my_members(tenant: Tenant = Depends(get_user_tenant), db: Session = Depends(get_db)):
    users = db.scalars(select(User).where(User.tenant_id == tenant.id)).all()
    return [{"id": u.id, "email": u.email, "role": u.role} for u in users]


@router.delete("/{tenant_id}")
def delete_tenant(tenant_id: int, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    # expect: VC218
    services.delete_tenant(db, tenant_id)
    return {"deleted": tenant_id}


@router.post("/{tenant_id}/suspend")
def suspend_tenant(tenant_id: int, admin: User = Depends(require_platform_admin), db: Session = Depends(get_db)):
    services.suspend_tenant(db, tenant_id)
    return {"suspended": tenant_id}


@router.post("/mine/plan")
def change_plan(plan: str, admin: User = Depends(require_tenant_admin), db: Session = Depends(get_db)):
    tenant = db.get(Tenant, admin.tenant_id)
    return services.change_plan(db, tenant, plan)


# expect: VC201
@router.post("/{tenant_id}/recompute-usage")
def recompute_usage(tenant_id: int, db: Session = Depends(get_db)):
    tenant = db.get(Tenant, tenant_id)
    tenant.plan = tenant.plan
    db.commit()
    return {"ok": True}


@router.delete("/{tenant_id}/projects/{project_id}")
def delete_tenant_project(tenant_id: int, project_id: int, user: User = Depends(get_current_user),
                          db: Session = Depends(get_db)):
    if user.tenant_id != tenant_id:
        raise HTTPException(status_code=403)
    # expect: VC214
    project = db.get(Project, project_id)
    db.delete(project)
    db.commit()
    return {"deleted": project_id}


@router.get("/{tenant_id}/projects/{project_id}")
def read_tenant_project(tenant_id: int, project_id: int, user: User = Depends(get_current_user),
                        db: Session = Depends(get_db)):
    if user.tenant_id != tenant_id:
        raise HTTPException(status_code=403)
    project = db.scalar(select(Project).where(Project.id == project_id, Project.tenant_id == tenant_id))
    if project is None:
        raise HTTPException(status_code=404)
    return {"id": project.id, "name": project.name}
