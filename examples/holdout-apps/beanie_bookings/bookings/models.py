"""MongoDB documents (Beanie) and the request/response schemas."""

from datetime import datetime
from typing import Any, Literal

from beanie import Document, Indexed, PydanticObjectId
from pydantic import BaseModel, EmailStr, Field, HttpUrl


class User(Document):
    email: Indexed(str, unique=True)  # type: ignore[valid-type]
    full_name: str
    password_hash: str
    role: Literal["member", "manager", "admin"] = "member"
    org_id: PydanticObjectId

    class Settings:
        name = "users"


class ApiKey(Document):
    key: str
    user_id: PydanticObjectId
    label: str = ""

    class Settings:
        name = "api_keys"


class Room(Document):
    name: str
    org_id: PydanticObjectId
    capacity: int = 4
    floor: str | None = None

    class Settings:
        name = "rooms"


class Booking(Document):
    room_id: PydanticObjectId
    user_id: PydanticObjectId
    org_id: PydanticObjectId
    title: str
    start: datetime
    end: datetime
    notes: str = ""
    status: Literal["pending", "approved", "rejected", "cancelled"] = "pending"
    calendar_url: str | None = None

    class Settings:
        name = "bookings"


class RegisterIn(BaseModel):
    email: EmailStr
    full_name: str
    password: str = Field(min_length=8)
    org_id: PydanticObjectId
    role: str = "member"


class LoginIn(BaseModel):
    email: EmailStr
    password: str


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"


class BookingIn(BaseModel):
    room_id: PydanticObjectId
    title: str
    start: datetime
    end: datetime
    notes: str = ""


class BookingNotesIn(BaseModel):
    title: str | None = None
    notes: str | None = None


class BookingSearch(BaseModel):
    filters: dict[str, Any] = {}
    limit: int = 50


class CalendarImport(BaseModel):
    url: HttpUrl
