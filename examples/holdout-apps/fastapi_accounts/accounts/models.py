from pydantic import BaseModel
from sqlmodel import Field, SQLModel


class Account(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True)
    password_hash: str
    role: str = "member"
    is_admin: bool = False
    otp: str | None = None


class SignUp(BaseModel):
    email: str
    password: str
    role: str = "member"


class ProfileUpdate(BaseModel):
    email: str | None = None
