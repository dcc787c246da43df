from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from ..database import get_db
from ..models import Todo, User

router = APIRouter(prefix="/admin", tags=["admin"])


# expect: VC201
@router.post("/reset")
def reset_database(db: Session = Depends(get_db)):
    db.query(Todo).delete()
    db.commit()
    return {"status": "reset"}


# expect: VC201
@router.get("/users")
def list_all_users(db: Session = Depends(get_db)):
    return [{"id": u.id, "email": u.email} for u in db.query(User).all()]
