from fastapi import APIRouter, Request

from .db import User, session_scope

router = APIRouter()


@router.post("/users")
async def create_user(request: Request):
    payload = await request.json()
    with session_scope() as session:
        # expect: VC215
        user = User(**payload)
        session.add(user)
    return {"id": user.id}


# expect: VC201 -- anyone may invite (and, by VC217, make an admin): `is_admin=` is set here, not checked
@router.post("/users/invite")
async def invite(request: Request):
    payload = await request.json()
    # expect: VC217
    user = User(email=payload["email"], is_admin=payload.get("admin", False))
    return {"id": user.id}
