from fastapi import APIRouter, Depends, HTTPException

from crm.deps import CurrentUser, DbSession, require_role
from crm.models import User
from crm.schemas import RoleChange, UserOut

router = APIRouter(prefix="/admin", tags=["admin"], dependencies=[Depends(require_role("admin"))])


@router.get("/users", response_model=list[UserOut])
def all_users(db: DbSession) -> list[User]:
    # ok: VC214/VC219
    return db.query(User).all()


@router.delete("/users/{user_id}", status_code=204)
def delete_user(user_id: int, db: DbSession) -> None:
    # ok: VC214/VC218
    user = db.get(User, user_id)
    if user is None:
        raise HTTPException(status_code=404, detail="User not found")
    db.delete(user)
    db.commit()


team_router = APIRouter(prefix="/team", tags=["team"])


@team_router.put("/users/{user_id}/role", response_model=UserOut)
def set_role(user_id: int, change: RoleChange, current: CurrentUser, db: DbSession) -> User:
    """Managers promote agents on their team."""
    user = db.get(User, user_id)
    if user is None:
        raise HTTPException(status_code=404, detail="User not found")
    # expect: VC218/VC217
    user.role = change.role
    db.commit()
    return user


# expect: VC219/VC201
@team_router.get("/directory")
def directory(db: DbSession) -> list[dict]:
    users = db.query(User).all()
    return [{"id": u.id, "email": u.email, "name": u.full_name, "role": u.role} for u in users]
