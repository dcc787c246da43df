"""Back-office endpoints; the whole router requires an administrator."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, status
from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import Order, User, get_db
from ..security import require_admin

router = APIRouter(prefix="/admin", tags=["admin"], dependencies=[Depends(require_admin)])


class UserOut(BaseModel):
    id: int
    email: str
    is_admin: bool
    orders: int


@router.get("/users", response_model=list[UserOut])
def list_users(db: Annotated[Session, Depends(get_db)], limit: Annotated[int, Query(ge=1, le=200)] = 50) -> list[UserOut]:
    counts = (
        select(User.id, User.email, User.is_admin, func.count(Order.id))
        .outerjoin(Order, Order.owner_id == User.id)
        .group_by(User.id)
        .order_by(User.id)
        .limit(limit)
    )
    return [UserOut(id=i, email=e, is_admin=a, orders=n) for i, e, a, n in db.execute(counts)]


# ok: VC218 -- the router requires an admin
@router.post("/users/{user_id}/revoke-admin", status_code=status.HTTP_204_NO_CONTENT)
def revoke_admin(user_id: int, db: Annotated[Session, Depends(get_db)]) -> None:
    # ok: VC214
    user = db.get(User, user_id)
    if user is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    user.is_admin = False
    db.commit()
