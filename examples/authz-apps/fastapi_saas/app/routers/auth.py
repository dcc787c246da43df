import jwt
from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import OAuth2PasswordRequestForm
from passlib.hash import bcrypt
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import crud
from ..deps import SECRET_KEY, get_current_user, require_tenant_admin
from ..models import Tenant, User, get_db
from ..schemas import InviteUser, SignUp

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/token")
def login(form: OAuth2PasswordRequestForm = Depends(), db: Session = Depends(get_db)):
    user = db.scalar(select(User).where(User.email == form.username))
    if user is None or not bcrypt.verify(form.password, user.hashed_password):
        raise HTTPException(status_code=401, detail="Bad credentials")
    return {"access_token": jwt.encode({"sub": str(user.id)}, SECRET_KEY, algorithm="HS256"), "token_type": "bearer"}


@router.post("/signup")
def signup(body: SignUp, db: Session = Depends(get_db)):
    tenant = crud.save(db, Tenant(name=body.tenant_name))
    user = User(email=body.email, hashed_password=bcrypt.hash(body.password), tenant_id=tenant.id, role="owner")
    return crud.save(db, user)


@router.post("/invite")
def invite(body: InviteUser, admin: User = Depends(require_tenant_admin), db: Session = Depends(get_db)):
    user = User(email=body.email, hashed_password=bcrypt.hash(body.password), tenant_id=admin.tenant_id,
                role=body.role)
    return crud.save(db, user)


# expect: VC201 -- anyone can add an account to any tenant
@router.post("/join/{tenant_id}")
def join(tenant_id: int, body: InviteUser, db: Session = Depends(get_db)):
    # expect: VC217
    user = User(email=body.email, hashed_password=bcrypt.hash(body.password), tenant_id=tenant_id, role=body.role)
    return crud.save(db, user)


@router.get("/me")
def me(user: User = Depends(get_current_user)):
    return {"id": user.id, "email": user.email, "role": user.role}
