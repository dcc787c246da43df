from fastapi import APIRouter, Depends, HTTPException, status

from .. import repositories
from ..deps import CurrentMembership, DbSession, require_role
from ..schemas import MembershipRename, MembershipUpdate

router = APIRouter(prefix="/orgs/{org_id}/members", tags=["members"])


@router.get("")
def list_members(org_id: int, membership: CurrentMembership, db: DbSession):
    return [
        {"id": m.id, "user_id": m.user_id, "role": m.role, "display_name": m.display_name}
        for m in repositories.list_members(db, membership.org_id)
    ]


@router.patch("/me")
def update_my_membership(org_id: int, body: MembershipUpdate, membership: CurrentMembership, db: DbSession):
    for field, value in body.model_dump(exclude_none=True).items():
        # expect: VC215/VC217 -- any member can send {"role": "owner"} for themselves
        setattr(membership, field, value)
    db.commit()
    return {"role": membership.role, "display_name": membership.display_name}


@router.put("/me/name")
def rename_me(org_id: int, body: MembershipRename, membership: CurrentMembership, db: DbSession):
    # ok: VC215/VC217 -- only the display name
    membership.display_name = body.display_name
    db.commit()
    return {"display_name": membership.display_name}


@router.patch("/{membership_id}/role")
def change_role(
    org_id: int,
    membership_id: int,
    body: MembershipUpdate,
    db: DbSession,
    admin=Depends(require_role("admin")),
):
    target = repositories.get_membership_by_id(db, membership_id)
    if target is None or target.org_id != admin.org_id:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Member not found")
    if body.role not in {"member", "admin"}:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Unknown role")
    # ok: VC217 -- an admin of the same organisation sets the role, from an allowlist
    target.role = body.role
    db.commit()
    return {"id": target.id, "role": target.role}


@router.delete("/{membership_id}", status_code=status.HTTP_204_NO_CONTENT)
def remove_member(org_id: int, membership_id: int, membership: CurrentMembership, db: DbSession):
    # expect: VC214/VC218 -- any member removes any membership of any organisation
    target = repositories.get_membership_by_id(db, membership_id)
    if target is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Member not found")
    db.delete(target)
    db.commit()
