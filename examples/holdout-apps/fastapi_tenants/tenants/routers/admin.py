from fastapi import APIRouter, Depends
from sqlalchemy import func, select, update

from ..db import SessionDep, Tenant, User
from ..security import require_admin

router = APIRouter(prefix="/admin", tags=["admin"])


# expect: VC201/VC218 -- admin route with no guard at all
@router.post("/tenants/{tenant_id}/suspend")
async def suspend_tenant(tenant_id: int, session: SessionDep):
    await session.execute(update(Tenant).where(Tenant.id == tenant_id).values(suspended=True))
    await session.commit()
    return {"suspended": tenant_id}


# ok: VC201/VC218 -- guarded by dependency
@router.get("/stats", dependencies=[Depends(require_admin)])
async def stats(session: SessionDep):
    users = await session.scalar(select(func.count()).select_from(User))
    tenants = await session.scalar(select(func.count()).select_from(Tenant))
    return {"users": users, "tenants": tenants}


# expect: VC201/VC218 -- admin route, role promotion with no guard
@router.post("/users/{user_id}/promote")
async def promote_user(user_id: int, session: SessionDep, role: str = "admin"):
    user = await session.get(User, user_id)
    user.role = role
    await session.commit()
    return {"id": user.id, "role": user.role}
