from pydantic import BaseModel


class ItemCreate(BaseModel):
    title: str
    description: str | None = None


class ItemUpdate(BaseModel):
    title: str
    description: str | None = None


class UserUpdateMe(BaseModel):
    full_name: str | None = None
    email: str | None = None
