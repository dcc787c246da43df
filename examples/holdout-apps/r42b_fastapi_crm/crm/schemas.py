from pydantic import BaseModel, ConfigDict, EmailStr, Field


class UserCreate(BaseModel):
    email: EmailStr
    full_name: str = ""
    password: str = Field(min_length=8)
    role: str = "agent"


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: EmailStr
    full_name: str
    role: str


class Token(BaseModel):
    access_token: str
    refresh_token: str | None = None
    token_type: str = "bearer"


class ContactIn(BaseModel):
    name: str
    email: EmailStr | None = None
    company: str | None = None


class ContactUpdate(BaseModel):
    name: str | None = None
    email: EmailStr | None = None
    company: str | None = None


class ContactOut(ContactIn):
    model_config = ConfigDict(from_attributes=True)

    id: int
    owner_id: int


class DealIn(BaseModel):
    title: str
    amount: float
    stage: str = "lead"
    contact_id: int


class DealPatch(BaseModel):
    title: str | None = None
    amount: float | None = None
    stage: str | None = None
    owner_id: int | None = None
    contact_id: int | None = None


class DealOut(DealIn):
    model_config = ConfigDict(from_attributes=True)

    id: int
    owner_id: int


class RoleChange(BaseModel):
    role: str
