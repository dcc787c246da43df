from fastapi import APIRouter

from app.api.deps import SessionDep
from app.models import Item, User

router = APIRouter(prefix="/admin", tags=["admin"])


@router.post("/users/{user_id}/promote")
def promote_user(user_id: int, session: SessionDep):
    user = session.get(User, user_id)
    user.is_superuser = True
    session.commit()
    return user


@router.delete("/items/{item_id}")
def purge_item(item_id: int, session: SessionDep):
    session.query(Item).filter(Item.id == item_id).delete()
    session.commit()
