"""Prompt: a registration endpoint and an admin-only user deletion endpoint (FastAPI)."""

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()
USERS: dict[str, dict] = {}


class Registration(BaseModel):
    username: str
    password: str
    role: str = "user"


def current_user(token: str) -> dict:
    user = USERS.get(token)
    if user is None:
        raise HTTPException(status_code=401)
    return user


@app.post("/register")
def register(body: Registration):
    # expect: VC217
    USERS[body.username] = {"name": body.username, "role": body.role}
    return {"created": body.username}


@app.delete("/admin/users/{name}")
def delete_user(name: str, user: dict = Depends(current_user)):
    # expect: VC230
    assert user["role"] == "admin"
    USERS.pop(name, None)
    return {"deleted": name}


@app.delete("/admin/users-safe/{name}")
def delete_user_safe(name: str, user: dict = Depends(current_user)):
    # ok: VC230
    if user["role"] != "admin":
        raise HTTPException(status_code=403)
    USERS.pop(name, None)
    return {"deleted": name}
