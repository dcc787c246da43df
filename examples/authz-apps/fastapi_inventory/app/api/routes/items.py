from fastapi import APIRouter, HTTPException

from app.api.deps import CurrentUser, SessionDep
from app.models import Item
from app.schemas import ItemCreate, ItemUpdate

router = APIRouter(prefix="/items", tags=["items"])


@router.get("/")
def read_items(session: SessionDep, current_user: CurrentUser, skip: int = 0, limit: int = 100):
    return session.query(Item).filter(Item.owner_id == current_user.id).offset(skip).limit(limit).all()


@router.get("/{id}")
def read_item(session: SessionDep, current_user: CurrentUser, id: int):
    item = session.get(Item, id)
    if not item:
        raise HTTPException(status_code=404, detail="Item not found")
    if not current_user.is_superuser and (item.owner_id != current_user.id):
        raise HTTPException(status_code=400, detail="Not enough permissions")
    return item


@router.put("/{id}")
def update_item(session: SessionDep, current_user: CurrentUser, id: int, item_in: ItemUpdate):
    # expect: VC214
    item = session.get(Item, id)
    if not item:
        raise HTTPException(status_code=404, detail="Item not found")
    item.title = item_in.title
    item.description = item_in.description
    session.commit()
    return item


@router.post("/")
def create_item(session: SessionDep, current_user: CurrentUser, item_in: ItemCreate):
    item = Item(**item_in.model_dump(), owner_id=current_user.id)
    session.add(item)
    session.commit()
    return item
