from fastapi import APIRouter, HTTPException
from sqlalchemy import select, update

from ...models import User
from ...security import CurrentUser, DbSession, StaffUser

router = APIRouter(prefix="/admin", tags=["admin"])


@router.get("/users")
async def list_users(db: DbSession, staff: StaffUser) -> list[dict]:
    users = (await db.execute(select(User).order_by(User.id))).scalars().all()
    return [{"id": u.id, "email": u.email, "role": u.role} for u in users]


# expect: VC218
@router.post("/users/{user_id}/promote")
async def promote_user(user_id: int, role: str, db: DbSession, user: CurrentUser) -> dict:
    await db.execute(update(User).where(User.id == user_id).values(role=role))
    await db.commit()
    return {"id": user_id, "role": role}


# ok: VC218
@router.post("/users/{user_id}/deactivate")
async def deactivate_user(user_id: int, db: DbSession, staff: StaffUser) -> dict:
    target = await db.get(User, user_id)
    if target is None:
        raise HTTPException(status_code=404, detail="User not found")
    target.is_active = False
    await db.commit()
    return {"id": user_id, "active": False}
