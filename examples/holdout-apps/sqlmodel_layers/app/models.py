from datetime import datetime

from sqlmodel import Field, SQLModel


class Tenant(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    plan: str = "free"


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True)
    hashed_password: str
    tenant_id: int = Field(foreign_key="tenant.id")
    is_admin: bool = False


class Project(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True)
    name: str
    budget: float = 0
    archived: bool = False
    created_at: datetime = Field(default_factory=datetime.utcnow)


class ProjectUpdate(SQLModel):
    name: str | None = None
    budget: float | None = None
