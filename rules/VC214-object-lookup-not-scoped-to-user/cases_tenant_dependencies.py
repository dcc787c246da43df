from typing import Annotated

from fastapi import Depends, Header, HTTPException
from sqlalchemy import select

from .db import DbSession, Membership, Organization
from .security import CurrentUser


def org_from_header(db: DbSession, user: CurrentUser, x_org_id: Annotated[int, Header()]) -> Organization:
    # expect: VC214 -- the org switcher's header, loaded without asking whether the caller belongs to it
    org = db.get(Organization, x_org_id)
    if org is None:
        raise HTTPException(404)
    return org


def organisation_from_header(x_organisation_id: int = Header(), user=Depends(get_current_user), db=Depends(get_db)):
    # expect: VC214 -- the British spelling names the same group
    return db.get(Organization, x_organisation_id)


def member_org_from_header(db: DbSession, user: CurrentUser, x_org_id: Annotated[int, Header()]) -> Organization:
    # ok: VC214 -- the header picks among the caller's memberships
    membership = db.scalar(select(Membership).where(Membership.org_id == x_org_id, Membership.user_id == user.id))
    if membership is None:
        raise HTTPException(404)
    return membership.organization


def org_for_member(db: DbSession, user: CurrentUser, x_org_id: Annotated[int, Header()]) -> Organization:
    # ok: VC214 -- compared with the caller's own organisation before it is handed on
    org = db.get(Organization, x_org_id)
    if org is None or org.id != user.org_id:
        raise HTTPException(404)
    return org
