from fastapi import APIRouter, HTTPException
from sqlalchemy import select

from crm.deps import CurrentUser, DbSession, ManagerUser
from crm.models import Deal
from crm.schemas import DealIn, DealOut, DealPatch
from crm.services import get_owned_contact, get_owned_deal, move_deal

router = APIRouter(prefix="/deals", tags=["deals"])


@router.get("/", response_model=list[DealOut])
def list_deals(user: CurrentUser, db: DbSession) -> list[Deal]:
    return list(db.scalars(select(Deal).where(Deal.owner_id == user.id)))


@router.post("/", response_model=DealOut, status_code=201)
def create_deal(payload: DealIn, user: CurrentUser, db: DbSession) -> Deal:
    get_owned_contact(db, user, payload.contact_id)
    deal = Deal(**payload.model_dump(), owner_id=user.id)
    db.add(deal)
    db.commit()
    db.refresh(deal)
    return deal


@router.get("/{deal_id}", response_model=DealOut)
def get_deal(deal_id: int, user: CurrentUser, db: DbSession) -> Deal:
    # expect: VC214
    deal = db.scalar(select(Deal).where(Deal.id == deal_id))
    if deal is None:
        raise HTTPException(status_code=404, detail="Deal not found")
    return deal


@router.patch("/{deal_id}", response_model=DealOut)
def patch_deal(deal_id: int, payload: DealPatch, user: CurrentUser, db: DbSession) -> Deal:
    deal = get_owned_deal(db, user, deal_id)
    for key, value in payload.model_dump(exclude_unset=True).items():
        # expect: VC215
        setattr(deal, key, value)
    db.commit()
    return deal


@router.post("/{deal_id}/stage/{stage}", response_model=DealOut)
def change_stage(deal_id: int, stage: str, user: CurrentUser, db: DbSession) -> Deal:
    # ok: VC214
    return move_deal(db, user, deal_id, stage)


@router.get("/team/pipeline", response_model=list[DealOut])
def team_pipeline(manager: ManagerUser, db: DbSession) -> list[Deal]:
    # ok: VC214/VC218
    return list(db.scalars(select(Deal).order_by(Deal.stage)))
