from fastapi import APIRouter, HTTPException
from sqlmodel import select

from ..deps import AdminUser, CurrentUser, SessionDep
from ..models import InviteCreate, RoleChange, User
from ..security import hash_password

router = APIRouter(prefix="/members", tags=["members"])


@router.get("/")
def list_members(session: SessionDep, user: CurrentUser) -> list[dict]:
    members = session.exec(select(User).where(User.org_id == user.org_id)).all()
    return [{"id": m.id, "email": m.email, "role": m.role} for m in members]


@router.post("/invite", status_code=201)
def invite_member(body: InviteCreate, session: SessionDep, admin: AdminUser) -> dict:
    # expect: VC217
    member = User(email=body.email, org_id=body.org_id, role=body.role, hashed_password=hash_password("changeme"))
    session.add(member)
    session.commit()
    return {"id": member.id}


@router.post("/{member_id}/role")
def change_role(member_id: int, body: RoleChange, session: SessionDep, user: CurrentUser) -> dict:
    member = session.get(User, member_id)
    if member is None or member.org_id != user.org_id:
        raise HTTPException(status_code=404, detail="Member not found")
    # expect: VC218/VC217
    member.role = body.role
    session.commit()
    return {"id": member.id, "role": member.role}


@router.delete("/{member_id}")
def remove_member(member_id: int, session: SessionDep, admin: AdminUser) -> dict:
    member = session.get(User, member_id)
    # ok: VC207
    if member is None or member.org_id != admin.org_id:
        raise HTTPException(status_code=404, detail="Member not found")
    member.is_active = False
    session.commit()
    return {"removed": member_id}
