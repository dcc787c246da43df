from typing import Annotated

from fastapi import Depends, Header, HTTPException, Security
from fastapi.security import OAuth2PasswordBearer, SecurityScopes
from jose import jwt
from sqlalchemy.orm import Session

from .config import settings
from .database import SessionLocal
from .models import User

oauth2 = OAuth2PasswordBearer(tokenUrl="/api/login", scopes={"projects": "Manage projects"})


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def get_current_user(security_scopes: SecurityScopes, token: Annotated[str, Depends(oauth2)],
                     db: Annotated[Session, Depends(get_db)]) -> User:
    payload = jwt.decode(token, settings.secret_key, algorithms=["HS256"])
    user = db.get(User, int(payload["sub"]))
    if user is None:
        raise HTTPException(status_code=401)
    return user


# expect: VC212 -- named for admins, it hands back every signed-in caller
def get_current_admin_user(current: Annotated[User, Security(get_current_user, scopes=["projects"])]) -> User:
    return current


def require_cron(x_scheduler: Annotated[str, Header()] = "") -> None:
    # expect: VC207 -- any client can send the header the scheduler sends
    if x_scheduler != "github-actions":
        raise HTTPException(status_code=403, detail="cron only")


def unverified_role(authorization: Annotated[str, Header()]) -> str:
    token = authorization.removeprefix("Bearer ")
    return jwt.get_unverified_claims(token).get("role", "viewer")


DB = Annotated[Session, Depends(get_db)]
Me = Annotated[User, Security(get_current_user, scopes=["projects"])]
Admin = Annotated[User, Depends(get_current_admin_user)]
