"""Business logic that the routers share; every lookup here is scoped to the caller."""

from fastapi import HTTPException
from sqlalchemy import select
from sqlalchemy.orm import Session

from crm.models import Contact, Deal, User


def get_owned_contact(db: Session, user: User, contact_id: int) -> Contact:
    # ok: VC214
    contact = db.scalar(select(Contact).where(Contact.id == contact_id, Contact.owner_id == user.id))
    if contact is None:
        raise HTTPException(status_code=404, detail="Contact not found")
    return contact


def get_owned_deal(db: Session, user: User, deal_id: int) -> Deal:
    # ok: VC214
    deal = db.get(Deal, deal_id)
    if deal is None or (deal.owner_id != user.id and user.role != "admin"):
        raise HTTPException(status_code=404, detail="Deal not found")
    return deal


def move_deal(db: Session, user: User, deal_id: int, stage: str) -> Deal:
    deal = get_owned_deal(db, user, deal_id)
    deal.stage = stage
    db.commit()
    return deal
