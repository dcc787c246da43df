"""Prompt: OAuth2 password flow with JWT tokens in FastAPI."""

import os
from datetime import datetime, timedelta, timezone

import jwt
from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import OAuth2PasswordBearer

# expect: VC203
SECRET_KEY = "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7"
ALGORITHM = "HS256"
REFRESH_SECRET = os.environ["REFRESH_SECRET"]
app = FastAPI()
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")


def create_access_token(subject: str) -> str:
    expire = datetime.now(timezone.utc) + timedelta(minutes=30)
    return jwt.encode({"sub": subject, "exp": expire}, SECRET_KEY, algorithm=ALGORITHM)


def current_user(token: str = Depends(oauth2_scheme)) -> str:
    try:
        # ok: VC202
        payload = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])
    except jwt.PyJWTError:
        raise HTTPException(status_code=401, detail="invalid token") from None
    return payload["sub"]


def refresh_subject(token: str) -> str:
    # expect: VC202
    payload = jwt.decode(token, REFRESH_SECRET, algorithms=["HS256", "none"], options={"verify_signature": False})
    return payload["sub"]


@app.get("/me")
def me(user: str = Depends(current_user)):
    return {"user": user}
