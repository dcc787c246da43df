from fastapi import APIRouter, Depends, HTTPException, Request

from app.api.deps import CurrentUser, SessionDep, get_current_active_superuser
from app.models import User
from app.schemas import UserUpdateMe

router = APIRouter(prefix="/users", tags=["users"])


@router.patch("/me")
def update_user_me(session: SessionDep, user_in: UserUpdateMe, current_user: CurrentUser):
    current_user.full_name = user_in.full_name
    current_user.email = user_in.email
    session.commit()
    return current_user


@router.post("/me/upgrade")
async def upgrade_me(request: Request, session: SessionDep, current_user: CurrentUser):
    body = await request.json()
    # expect: VC217
    current_user.role = body.get("role", "member")
    session.commit()
    return current_user


@router.delete("/{user_id}", dependencies=[Depends(get_current_active_superuser)])
def delete_user(session: SessionDep, user_id: int):
    user = session.get(User, user_id)
    if not user:
        raise HTTPException(status_code=404, detail="User not found")
    session.delete(user)
    session.commit()
    return {"message": "User deleted successfully"}
