"""Tables."""

from datetime import date

from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True)
    password_hash: str
    is_admin: bool = False


class Booking(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    flight_no: str
    depart: date
    seat: str | None = None
    status: str = "confirmed"


class Flight(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    flight_no: str = Field(index=True)
    origin: str
    destination: str
    depart: date
    price_eur: float
