from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import OAuth2PasswordRequestForm
from sqlmodel import select

from ..deps import SessionDep
from ..models import Organization, User
from ..security import create_access_token, hash_password, verify_password

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/token")
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()], session: SessionDep) -> dict:
    user = session.exec(select(User).where(User.email == form.username)).first()
    if user is None or not verify_password(form.password, user.hashed_password):
        raise HTTPException(status_code=401, detail="Incorrect email or password")
    return {"access_token": create_access_token(user.id, user.org_id), "token_type": "bearer"}


@router.post("/signup", status_code=201)
def signup(email: str, password: str, org_name: str, session: SessionDep) -> dict:
    org = Organization(name=org_name)
    session.add(org)
    session.flush()
    user = User(email=email, hashed_password=hash_password(password), org_id=org.id, role="admin")
    session.add(user)
    try:
        session.commit()
    except Exception as exc:
        session.rollback()
        # expect: VC414, VC105
        raise HTTPException(status_code=400, detail=str(exc))
    return {"id": user.id, "org_id": org.id}
