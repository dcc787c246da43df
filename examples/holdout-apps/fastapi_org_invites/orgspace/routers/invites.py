import secrets
from datetime import datetime, timedelta, timezone

from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy import select

from .. import repositories
from ..config import get_settings
from ..deps import CurrentUser, DbSession, require_role
from ..models import Invite, Membership
from ..schemas import InviteAccept, InviteCreate

router = APIRouter(tags=["invites"])


@router.post("/orgs/{org_id}/invites", status_code=status.HTTP_201_CREATED)
def create_invite(org_id: int, body: InviteCreate, db: DbSession, admin=Depends(require_role("admin"))):
    if body.role not in {"member", "admin"}:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Unknown role")
    invite = Invite(
        org_id=admin.org_id,
        email=body.email,
        # ok: VC217 -- set by an admin of the organisation, from an allowlist
        role=body.role,
        token=secrets.token_urlsafe(32),
        expires_at=datetime.now(timezone.utc) + timedelta(days=get_settings().invite_days),
    )
    db.add(invite)
    db.commit()
    return {"id": invite.id, "email": invite.email}


# expect: VC201/VC219 -- pending invites of an organisation, with their tokens, for anyone
@router.get("/orgs/{org_id}/invites")
def list_invites(org_id: int, db: DbSession):
    invites = db.scalars(select(Invite).where(Invite.org_id == org_id, Invite.accepted.is_(False)))
    return [{"id": i.id, "email": i.email, "token": i.token, "role": i.role} for i in invites]


@router.post("/invites/accept")
def accept_invite(body: InviteAccept, user: CurrentUser, db: DbSession):
    invite = repositories.get_invite_by_token(db, body.token)
    if invite is None or invite.expires_at < datetime.now(timezone.utc):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Invite not found or expired")
    if invite.email.lower() != user.email.lower():
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Invite is for another address")
    # expect: VC217 -- the role comes from the accepting client, not from the invite
    membership = Membership(user_id=user.id, org_id=invite.org_id, role=body.role)
    invite.accepted = True
    db.add(membership)
    db.commit()
    return {"org_id": membership.org_id, "role": membership.role}


@router.post("/invites/{token}/accept")
def accept_invite_link(token: str, user: CurrentUser, db: DbSession):
    invite = repositories.get_invite_by_token(db, token)
    if invite is None or invite.expires_at < datetime.now(timezone.utc):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Invite not found or expired")
    if invite.email.lower() != user.email.lower():
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Invite is for another address")
    # ok: VC217 -- the role stored on the invite by an admin
    membership = Membership(user_id=user.id, org_id=invite.org_id, role=invite.role)
    invite.accepted = True
    db.add(membership)
    db.commit()
    return {"org_id": membership.org_id, "role": membership.role}


@router.delete("/orgs/{org_id}/invites/{invite_id}", status_code=status.HTTP_204_NO_CONTENT)
def revoke_invite(org_id: int, invite_id: int, db: DbSession, admin=Depends(require_role("admin"))):
    # ok: VC214 -- scoped to the admin's organisation
    invite = db.scalar(select(Invite).where(Invite.id == invite_id, Invite.org_id == admin.org_id))
    if invite is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Invite not found")
    db.delete(invite)
    db.commit()
