from pydantic import BaseModel, EmailStr


class ProjectCreate(BaseModel):
    name: str
    description: str = ""


class ProjectUpdate(BaseModel):
    name: str | None = None
    description: str | None = None
    archived: bool | None = None
    owner_id: int | None = None
    org_id: int | None = None


class ProjectRename(BaseModel):
    name: str


class ProjectOut(BaseModel):
    id: int
    org_id: int
    owner_id: int
    name: str
    description: str
    archived: bool

    model_config = {"from_attributes": True}


class InviteCreate(BaseModel):
    email: EmailStr
    role: str = "member"


class InviteAccept(BaseModel):
    token: str
    role: str = "member"


class MembershipUpdate(BaseModel):
    display_name: str | None = None
    role: str | None = None


class MembershipRename(BaseModel):
    display_name: str
