from fastapi import APIRouter
# expect: VC504
from sqlalchemy import func
from sqlmodel import select

from ..deps import SessionDep
from ..models import Invoice

router = APIRouter(prefix="/reports", tags=["reports"])


# expect: VC201/VC219
@router.get("/revenue")
def revenue(org_id: int, session: SessionDep) -> dict:
    total = session.exec(select(func.sum(Invoice.amount_cents)).where(Invoice.org_id == org_id)).one()
    return {"org_id": org_id, "total_cents": total or 0}


# ok: VC201/VC219
@router.get("/plans")
def plans() -> list[dict]:
    return [{"name": "free", "price": 0}, {"name": "team", "price": 2900}]
