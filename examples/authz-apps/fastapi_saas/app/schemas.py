from typing import Optional

from pydantic import BaseModel


class SignUp(BaseModel):
    email: str
    password: str
    tenant_name: str


class InviteUser(BaseModel):
    email: str
    password: str
    role: str = "member"


class ProjectCreate(BaseModel):
    name: str


class ProjectRename(BaseModel):
    name: Optional[str] = None
    status: Optional[str] = None
