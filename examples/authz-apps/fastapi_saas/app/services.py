from sqlalchemy import delete
from sqlalchemy.orm import Session

from .models import Project, Tenant, User


def delete_tenant(db: Session, tenant_id: int) -> None:
    db.execute(delete(Project).where(Project.tenant_id == tenant_id))
    db.execute(delete(User).where(User.tenant_id == tenant_id))
    db.execute(delete(Tenant).where(Tenant.id == tenant_id))
    db.commit()


def suspend_tenant(db: Session, tenant_id: int) -> None:
    tenant = db.get(Tenant, tenant_id)
    tenant.suspended = True
    db.commit()


def change_plan(db: Session, tenant: Tenant, plan: str) -> Tenant:
    tenant.plan = plan
    db.commit()
    return tenant
