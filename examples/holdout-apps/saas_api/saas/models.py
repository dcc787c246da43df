from datetime import datetime, timezone

from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Organization(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    plan: str = "free"


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True)
    hashed_password: str
    org_id: int = Field(foreign_key="organization.id")
    role: str = "member"
    is_active: bool = True


class Project(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    org_id: int = Field(foreign_key="organization.id", index=True)
    name: str
    description: str = ""
    archived: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class Invoice(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    org_id: int = Field(foreign_key="organization.id", index=True)
    amount_cents: int
    status: str = "open"


class ProjectCreate(SQLModel):
    name: str
    description: str = ""


class ProjectUpdate(SQLModel):
    name: str | None = None
    description: str | None = None


class ProjectRead(SQLModel):
    id: int
    name: str
    description: str
    archived: bool


class InviteCreate(SQLModel):
    email: str
    org_id: int
    role: str = "member"


class RoleChange(SQLModel):
    role: str
